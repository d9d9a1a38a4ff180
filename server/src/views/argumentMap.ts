import type { Analysis } from '../analysis/analysis.js';
import type { Marker } from '../model/model.js';
import { markerRef, statusOf, type MarkerRef, type StatusOrNone } from './markerRef.js';

export interface MapNode extends MarkerRef {
  /** The marker's place in the document (0-based): what the edges name. */
  readonly index: number;
  readonly status: StatusOrNone;
  /** A claim that nothing grounds (`unsupported-claim`, or one caught in an ungrounded cycle). */
  readonly unsupported: boolean;
}

/**
 * `for` and `against` (nesting counts as `for`), from the weighing marker to what it weighs;
 * `assumes` from the assumption to the judgment that rests on it. `pending`: an indicator not
 * observed, which would support or weigh against what it names once it is.
 */
export interface MapEdge {
  readonly from: number;
  readonly to: number;
  readonly relation: 'for' | 'against' | 'assumes';
  readonly pending: boolean;
}

/** The support graph of one document: every marker, and what names what. */
export interface ArgumentMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

export function argumentMap(analysis: Analysis): ArgumentMap {
  const markers = analysis.syntax.usesLanguage ? analysis.syntax.model.markers : [];
  const nodes = markers.map((marker): MapNode => ({
    ...markerRef(analysis, marker),
    index: marker.index,
    status: statusOf(marker),
    unsupported: marker.kind === 'claim' && !marker.isEmpty && !analysis.facts[marker.index]!.grounded,
  }));
  return { nodes, edges: markers.flatMap((marker) => edgesOf(analysis, marker)) };
}

function edgesOf(analysis: Analysis, marker: Marker): MapEdge[] {
  const facts = analysis.facts[marker.index]!;
  const weighing = (targets: readonly Marker[], active: readonly Marker[], relation: 'for' | 'against') =>
    targets.map((target): MapEdge => ({ from: marker.index, to: target.index, relation, pending: !active.includes(target) }));
  const premises = facts.restsOn.map((assumption): MapEdge => ({ from: assumption.index, to: marker.index, relation: 'assumes', pending: false }));
  return [...weighing(facts.namesFor, facts.supports, 'for'), ...weighing(facts.namesAgainst, facts.weighsAgainst, 'against'), ...(marker.isEmpty ? [] : premises)];
}
