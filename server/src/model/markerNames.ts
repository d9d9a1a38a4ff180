import damerauLevenshtein from 'damerau-levenshtein';

export const MARKER_KINDS = ['claim', 'evidence', 'hypothesis'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export function isMarkerKind(name: string): name is MarkerKind {
  return (MARKER_KINDS as readonly string[]).includes(name);
}

/** How many edits a name may be from each marker name and still count as a near miss. */
const NEAR_MISS_DISTANCE: Readonly<Record<MarkerKind, number>> = { claim: 1, evidence: 2, hypothesis: 2 };

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
    if (steps <= NEAR_MISS_DISTANCE[kind] && (!best || steps < best.steps)) best = { kind, steps };
  }
  return best?.kind;
}

/** A marker name or a near miss of one: a directive the language cares about. */
export function isMarkerLike(name: string): boolean {
  return isMarkerKind(name) || nearMissOf(name) !== undefined;
}
