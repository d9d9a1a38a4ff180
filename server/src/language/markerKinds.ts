import damerauLevenshtein from 'damerau-levenshtein';
import type { ListAttribute, ValueAttribute } from './attributes.js';

/** The outline's kinds of symbol a marker kind can show as (the protocol layer maps them). */
export type OutlineKind = 'class' | 'file' | 'variable' | 'constant' | 'event';

/** What the language says of one kind of marker. */
export interface MarkerKindRow {
  /** How a message or a hover names several of them (`claims`, `evidence`). */
  readonly plural: string;
  /** How many edits (case ignored, a swap of neighbours is one) make a directive name a near miss of this one. */
  readonly nearMissDistance: number;
  /** The list attributes it takes (`for=`, `assumes=` …); one left out does not belong on this kind. */
  readonly lists: readonly ListAttribute[];
  /**
   * Whether it gives support: to the markers its `for=` names (and weighs against those of
   * `against=`) or, with neither, to the nearest enclosing marker that `takesNestedSupport`.
   * `{ whileStatus }`: only while its `status` has that value (an indicator, once observed).
   */
  readonly supports: boolean | { readonly whileStatus: string };
  /** Whether it is offered as grounds, and so expected to cite a source while it supports (evidence). */
  readonly expectsSource: boolean;
  /** Whether a marker nested in it with neither `for=` nor `against=` supports it. */
  readonly takesNestedSupport: boolean;
  /** The values each of its value attributes may take; one left out does not belong on this kind. */
  readonly values: Readonly<Partial<Record<ValueAttribute, readonly string[]>>>;
  /**
   * Chosen for their icons, which VS Code fixes per kind: a claim, what the argument is made of,
   * stands out as a class (not the text icon of Markdown's headings and of keys), evidence is a
   * document on file, a hypothesis a variable still to settle, an assumption a constant taken as
   * given, an indicator an event to watch for.
   */
  readonly outline: OutlineKind;
  /** The letter of the ids the "wrap in a marker" refactoring numbers (`c1`, `c2` …). */
  readonly idPrefix: string;
}

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export const HYPOTHESIS_STATUSES = ['open', 'favored', 'rejected'] as const;
export const ASSUMPTION_STATUSES = ['solid', 'caveated', 'unsupported'] as const;
export const INDICATOR_STATUSES = ['watch', 'observed', 'absent'] as const;

/** What the ids of a list attribute must name, where they must name one kind of marker. */
export const LIST_TARGET_KINDS: Readonly<Partial<Record<ListAttribute, MarkerKind>>> = { assumes: 'assumption', from: 'hypothesis' };

/**
 * The marker kinds, in the spec's order (completion and the wrap refactoring offer them in it; a
 * near miss equally close to two names is read as the first). Adding a kind is adding a row here
 * and its rules: everything else reads this table, or is a switch the compiler checks.
 */
const MARKER_KIND_ROWS = {
  claim: {
    plural: 'claims',
    nearMissDistance: 1,
    lists: ['for', 'against', 'src', 'assumes', 'from'],
    supports: true,
    expectsSource: false,
    takesNestedSupport: true,
    values: { confidence: CONFIDENCE_LEVELS },
    outline: 'class',
    idPrefix: 'c',
  },
  evidence: {
    plural: 'evidence',
    nearMissDistance: 2,
    lists: ['for', 'against', 'src'],
    supports: true,
    expectsSource: true,
    takesNestedSupport: false,
    values: {},
    outline: 'file',
    idPrefix: 'e',
  },
  hypothesis: {
    plural: 'hypotheses',
    nearMissDistance: 2,
    lists: ['for', 'against', 'src', 'assumes'],
    supports: true,
    expectsSource: false,
    takesNestedSupport: true,
    values: { confidence: CONFIDENCE_LEVELS, status: HYPOTHESIS_STATUSES },
    outline: 'variable',
    idPrefix: 'h',
  },
  assumption: {
    plural: 'assumptions',
    nearMissDistance: 2,
    lists: ['src'],
    supports: false,
    expectsSource: false,
    takesNestedSupport: false,
    values: { status: ASSUMPTION_STATUSES },
    outline: 'constant',
    idPrefix: 'a',
  },
  indicator: {
    plural: 'indicators',
    nearMissDistance: 2,
    lists: ['for', 'against', 'src'],
    supports: { whileStatus: 'observed' },
    expectsSource: true,
    takesNestedSupport: false,
    values: { status: INDICATOR_STATUSES },
    outline: 'event',
    idPrefix: 'i',
  },
} as const satisfies Readonly<Record<string, MarkerKindRow>>;

export type MarkerKind = keyof typeof MARKER_KIND_ROWS;
export const MARKER_KINDS = Object.keys(MARKER_KIND_ROWS) as readonly MarkerKind[];

export function kindRow(kind: MarkerKind): MarkerKindRow {
  return MARKER_KIND_ROWS[kind];
}

export function isMarkerKind(name: string): name is MarkerKind {
  return Object.hasOwn(MARKER_KIND_ROWS, name);
}

/**
 * The marker name that `name` nearly spells (`cliam`, `evidense`, `Claim`), or undefined when it
 * is a marker name already or no marker name is near. Case is ignored; swapping two neighbouring
 * letters counts as one edit.
 */
export function nearMissOf(name: string): MarkerKind | undefined {
  if (isMarkerKind(name)) return undefined;
  const lower = name.toLowerCase();
  let best: { kind: MarkerKind; steps: number } | undefined;
  for (const kind of MARKER_KINDS) {
    const steps = damerauLevenshtein(lower, kind).steps;
    if (steps <= kindRow(kind).nearMissDistance && (!best || steps < best.steps)) best = { kind, steps };
  }
  return best?.kind;
}

/** Whether `name=` belongs on markers of `kind`: a list its row takes, a value attribute whose values it gives. */
export function takesAttribute(kind: MarkerKind, name: ListAttribute | ValueAttribute): boolean {
  const row = kindRow(kind);
  return (row.lists as readonly string[]).includes(name) || row.values[name as ValueAttribute] !== undefined;
}

/** Whether a marker of `kind` with this `status` supports and weighs what it names (an indicator only once observed). */
export function givesSupport(kind: MarkerKind, status: string | undefined): boolean {
  const { supports } = kindRow(kind);
  return typeof supports === 'boolean' ? supports : status === supports.whileStatus;
}

/** Whether a marker of `kind` with this `status` counts as evidence, and so should cite a source. */
export function expectsSource(kind: MarkerKind, status: string | undefined): boolean {
  return kindRow(kind).expectsSource && givesSupport(kind, status);
}

/** A marker name or a near miss of one: a directive the language cares about. */
export function isMarkerLike(name: string): boolean {
  return isMarkerKind(name) || nearMissOf(name) !== undefined;
}
