import damerauLevenshtein from 'damerau-levenshtein';
import type { ListAttribute, ValueAttribute } from './attributes.js';

/** The outline's kinds of symbol a marker kind can show as (the protocol layer maps them). */
export type OutlineKind = 'boolean' | 'field' | 'interface';

/** What the language says of one kind of marker. */
export interface MarkerKindRow {
  /** How a message or a hover names several of them (`claims`, `evidence`). */
  readonly plural: string;
  /** How many edits (case ignored, a swap of neighbours is one) make a directive name a near miss of this one. */
  readonly nearMissDistance: number;
  /**
   * Whether it gives support: to the markers its `for=` names (and weighs against those of
   * `against=`) or, with neither, to the nearest enclosing marker that `takesNestedSupport`.
   */
  readonly supports: boolean;
  /** Whether a marker nested in it with neither `for=` nor `against=` supports it. */
  readonly takesNestedSupport: boolean;
  /** The values each of its value attributes may take; one left out does not belong on this kind. */
  readonly values: Readonly<Partial<Record<ValueAttribute, readonly string[]>>>;
  /** A claim is a judgement (a boolean), evidence a field of fact, a hypothesis an interface to test. */
  readonly outline: OutlineKind;
  /** The letter of the ids the "wrap in a marker" refactoring numbers (`c1`, `c2` …). */
  readonly idPrefix: string;
}

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export const HYPOTHESIS_STATUSES = ['open', 'favored', 'rejected'] as const;

/**
 * The marker kinds, in the spec's order (completion and the wrap refactoring offer them in it; a
 * near miss equally close to two names is read as the first). Adding a kind is adding a row here
 * and its rules: everything else reads this table, or is a switch the compiler checks.
 */
const MARKER_KIND_ROWS = {
  claim: {
    plural: 'claims',
    nearMissDistance: 1,
    supports: true,
    takesNestedSupport: true,
    values: { confidence: CONFIDENCE_LEVELS },
    outline: 'boolean',
    idPrefix: 'c',
  },
  evidence: {
    plural: 'evidence',
    nearMissDistance: 2,
    supports: true,
    takesNestedSupport: false,
    values: {},
    outline: 'field',
    idPrefix: 'e',
  },
  hypothesis: {
    plural: 'hypotheses',
    nearMissDistance: 2,
    supports: true,
    takesNestedSupport: true,
    values: { confidence: CONFIDENCE_LEVELS, status: HYPOTHESIS_STATUSES },
    outline: 'interface',
    idPrefix: 'h',
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

/**
 * Whether `name=` belongs on markers of `kind`: `src=` on all, `for=` and `against=` on those
 * that support, a value attribute on those whose row gives its values.
 */
export function takesAttribute(kind: MarkerKind, name: ListAttribute | ValueAttribute): boolean {
  const row = kindRow(kind);
  if (name === 'src') return true;
  if (name === 'for' || name === 'against') return row.supports;
  return row.values[name] !== undefined;
}

/** A marker name or a near miss of one: a directive the language cares about. */
export function isMarkerLike(name: string): boolean {
  return isMarkerKind(name) || nearMissOf(name) !== undefined;
}
