import type { Analysis } from '../analysis/analysis.js';
import type { Marker } from '../model/model.js';
import { markerRef, markersOfKind, statusOf, type MarkerRef, type StatusOrNone } from './markerRef.js';

/** How a row rates a hypothesis: `for=` or nesting, `against=` (which wins over `for=`), or neither. */
export type Rating = 'consistent' | 'inconsistent' | 'none';

export interface MatrixColumn extends MarkerRef {
  /** `open`, `favored`, `rejected` or `none`. */
  readonly status: StatusOrNone;
  /** The number of rows inconsistent with it. */
  readonly score: number;
  /** The number of rows consistent with it. */
  readonly consistent: number;
  /** Some row weighs it; a hypothesis that nothing weighs is not ranked (its score of 0 says nothing). */
  readonly weighed: boolean;
  /** Weighed, and no weighed hypothesis has a lower score (ties: several). */
  readonly leastRefuted: boolean;
}

export interface MatrixRow extends MarkerRef {
  /** Its own content or attributes cite a working source. */
  readonly sourced: boolean;
  /** One rating a hypothesis, in the order of the columns. */
  readonly ratings: readonly Rating[];
  /** The number of its inconsistent ratings. */
  readonly inconsistent: number;
  /** With at least two hypotheses: it rates every one of them alike (all consistent, or all inconsistent). */
  readonly nonDiscriminating: boolean;
  /**
   * Removed alone, it would change which hypotheses are least refuted (a tie made or broken
   * counts), the hypotheses ranked staying those that the whole matrix weighs.
   */
  readonly sensitive: boolean;
}

/** The evidence matrix (Analysis of Competing Hypotheses) of one document. */
export interface MatrixView {
  /** The hypotheses, in document order. */
  readonly hypotheses: readonly MatrixColumn[];
  /** The markers that weigh at least one hypothesis, in document order (`inOrder` sorts them). */
  readonly rows: readonly MatrixRow[];
  /** The indicators that name a hypothesis but are not observed: they weigh nothing until they are. */
  readonly notObserved: readonly MarkerRef[];
  /** Hypotheses marked `status=favored` that are weighed but not least refuted, or not weighed at all. */
  readonly favoredNotLeastRefuted: readonly MarkerRef[];
  /** Hypotheses marked `status=rejected` that are least refuted. */
  readonly rejectedLeastRefuted: readonly MarkerRef[];
  /** How the scores are computed (`SCORING`), so that no output leaves it out. */
  readonly scoring: readonly string[];
}

export const MATRIX_ORDERS = ['diagnosticity', 'document'] as const;
export type MatrixOrder = (typeof MATRIX_ORDERS)[number];

/** How the view computes what it shows, said with every format: the score is an aid, not a verdict. */
export const SCORING = [
  'A row is a marker that weighs a hypothesis: consistent (for= or nested in it), inconsistent (against=), or not weighed.',
  'A hypothesis\'s score is the number of rows inconsistent with it; the weighed hypothesis with the lowest score is the least refuted (ties: several).',
  'Rows that rate every hypothesis alike cannot tell them apart (non-discriminating); rows are sorted by inconsistent ratings, most first, non-discriminating last.',
  'A sensitive row, removed alone, would change which hypotheses are least refuted.',
  'Every row counts the same, whatever its source: the score is an aid to weigh the evidence, not a verdict.',
] as const;

export function matrixView(analysis: Analysis): MatrixView {
  return matrixWithMarkers(analysis).view;
}

/** The view with the markers of its columns and of its rows, in the view's order (what an editor reveals). */
export function matrixWithMarkers(analysis: Analysis): { view: MatrixView; columns: readonly Marker[]; rows: readonly Marker[] } {
  const hypotheses = markersOfKind(analysis, 'hypothesis');
  const ratingsOf = (marker: Marker): Rating[] => hypotheses.map((hypothesis) => rating(analysis, marker, hypothesis));
  const weighers = analysis.syntax.usesLanguage ? analysis.syntax.model.markers.filter((marker) => !marker.isEmpty) : [];
  const rated = weighers.map((marker) => ({ marker, ratings: ratingsOf(marker) })).filter(({ ratings }) => ratings.some((value) => value !== 'none'));
  const grid = rated.map(({ ratings }) => ratings);
  const weighed = hypotheses.map((_, i) => i).filter((i) => grid.some((ratings) => ratings[i] !== 'none'));
  const least = leastRefuted(grid, weighed);
  const columns = hypotheses.map((hypothesis, i): MatrixColumn => ({
    ...markerRef(analysis, hypothesis),
    status: statusOf(hypothesis),
    score: count(grid, i, 'inconsistent'),
    consistent: count(grid, i, 'consistent'),
    weighed: weighed.includes(i),
    leastRefuted: least.has(i),
  }));
  const rows = rated.map(({ marker, ratings }, r): MatrixRow => ({
    ...markerRef(analysis, marker),
    sourced: analysis.facts[marker.index]!.sourced,
    ratings,
    inconsistent: ratings.filter((value) => value === 'inconsistent').length,
    nonDiscriminating: hypotheses.length >= 2 && ratings.every((value) => value !== 'none' && value === ratings[0]),
    // Only the scores change: the hypotheses ranked stay those the whole matrix weighs.
    sensitive: !sameSet(leastRefuted(grid.filter((_, other) => other !== r), weighed), least),
  }));
  const withStatus = (status: string, isLeast: boolean) => columns.filter((column) => column.status === status && column.leastRefuted === isLeast).map(plainRef);
  const view: MatrixView = {
    hypotheses: columns,
    rows,
    notObserved: markersOfKind(analysis, 'indicator').filter((indicator) => namesHypothesis(analysis, indicator) && ratingsOf(indicator).every((value) => value === 'none')).map((indicator) => markerRef(analysis, indicator)),
    favoredNotLeastRefuted: withStatus('favored', false),
    rejectedLeastRefuted: withStatus('rejected', true),
    scoring: SCORING,
  };
  return { view, columns: hypotheses, rows: rated.map(({ marker }) => marker) };
}

/** What the support graph says `marker` does to `hypothesis` (an indicator not observed does nothing). */
function rating(analysis: Analysis, marker: Marker, hypothesis: Marker): Rating {
  const facts = analysis.facts[marker.index]!;
  if (facts.weighsAgainst.includes(hypothesis)) return 'inconsistent';
  return facts.supports.includes(hypothesis) ? 'consistent' : 'none';
}

function namesHypothesis(analysis: Analysis, indicator: Marker): boolean {
  const { namesFor, namesAgainst } = analysis.facts[indicator.index]!;
  return [...namesFor, ...namesAgainst].some((target) => target.kind === 'hypothesis');
}

function count(grid: readonly (readonly Rating[])[], column: number, value: Rating): number {
  return grid.filter((ratings) => ratings[column] === value).length;
}

/** Of the `ranked` columns, those whose score is the lowest. */
function leastRefuted(grid: readonly (readonly Rating[])[], ranked: readonly number[]): Set<number> {
  const lowest = Math.min(...ranked.map((i) => count(grid, i, 'inconsistent')));
  return new Set(ranked.filter((i) => count(grid, i, 'inconsistent') === lowest));
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/**
 * The view with its rows in `order`: by diagnosticity, discriminating rows first, then the most
 * inconsistent ratings first (as Open Source ACH sorts), then document order; or as written.
 */
export function inOrder(view: MatrixView, order: MatrixOrder): MatrixView {
  return order === 'document' ? view : { ...view, rows: diagnosticOrder(view).map((i) => view.rows[i]!) };
}

/** The indexes of the view's rows (in document order) sorted by diagnosticity, as `inOrder` sorts them. */
export function diagnosticOrder(view: MatrixView): number[] {
  return view.rows.map((_, i) => i).sort((a, b) => byDiagnosticity(view.rows[a]!, view.rows[b]!));
}

function byDiagnosticity(a: MatrixRow, b: MatrixRow): number {
  return Number(a.nonDiscriminating) - Number(b.nonDiscriminating) || b.inconsistent - a.inconsistent;
}

function plainRef({ kind, id, text, line }: MarkerRef): MarkerRef {
  return { kind, id, text, line };
}
