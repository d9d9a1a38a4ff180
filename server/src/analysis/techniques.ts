import type { MarkerFacts } from '../graph/supportGraph.js';
import type { Marker } from '../model/model.js';

/**
 * What the structured techniques read from the support graph: the Key Assumptions Check and the
 * indicators. Their rules and the command line's views ask the same questions here, so that a
 * view never lists what the rule would not report, or the other way round.
 */

/** An assumption marked `status=unsupported` (an empty one is only `empty-marker`). */
export function isUnsupportedAssumption(assumption: Marker): boolean {
  return !assumption.isEmpty && assumption.attributes.status === 'unsupported';
}

/** The document's hypotheses, rejected and empty ones included: what an indicator must tell apart. */
export function hypothesesOf(markers: readonly Marker[]): Marker[] {
  return markers.filter((marker) => marker.kind === 'hypothesis');
}

/**
 * Whether an indicator is `for` every hypothesis (at least two) and `against` none of them, so
 * that seeing it would not tell them apart.
 */
export function cannotTellApart(facts: MarkerFacts, hypotheses: readonly Marker[]): boolean {
  if (hypotheses.length < 2 || facts.namesAgainst.some((target) => target.kind === 'hypothesis')) return false;
  const named = new Set(facts.namesFor);
  return hypotheses.every((hypothesis) => named.has(hypothesis));
}
