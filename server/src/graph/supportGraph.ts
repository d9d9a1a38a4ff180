import { kindRow } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';

export interface UnknownReference {
  readonly id: string;
  readonly attribute: 'for' | 'against';
}

/** What the support graph knows of one marker. */
export interface MarkerFacts {
  /** Its own content or attributes cite a working source. */
  readonly sourced: boolean;
  /** It tried to cite sources and every one of them is broken (unknown key, placeholder, broken link …). */
  readonly onlyBrokenSources: boolean;
  /** Sourced, or supported by a grounded marker. */
  readonly grounded: boolean;
  /** Part of a support cycle that nothing grounds. */
  readonly inUngroundedCycle: boolean;
  /** The markers it supports and weighs against (by `for=`/`against=`, or by nesting). */
  readonly supports: readonly Marker[];
  readonly weighsAgainst: readonly Marker[];
  /** The markers that support it and weigh against it. */
  readonly supporters: readonly Marker[];
  readonly opponents: readonly Marker[];
  readonly unknownReferences: readonly UnknownReference[];
}

export interface SourceCounts {
  readonly working: number;
  readonly broken: number;
}

/**
 * Builds support edges from `for=`, `against=` and nesting, then decides which markers are
 * grounded and which claims are caught in ungrounded cycles. `sources[i]` counts marker i's own
 * working and broken sources. An id in `nearMissIds` belongs to a misspelt marker, which has its
 * own diagnostic: a reference to it leads nowhere but is not reported.
 */
export function buildSupportGraph(markers: readonly Marker[], sources: readonly SourceCounts[], nearMissIds: ReadonlySet<string>, byId = firstMarkerById(markers)): MarkerFacts[] {
  const edges = markers.map((marker) => readEdges(marker, byId, nearMissIds));
  const supporters = markers.map((): Marker[] => []);
  const opponents = markers.map((): Marker[] => []);
  markers.forEach((marker, i) => {
    for (const target of edges[i]!.supports) supporters[target.index]!.push(marker);
    for (const target of edges[i]!.weighsAgainst) opponents[target.index]!.push(marker);
  });
  const sourced = markers.map((marker, i) => !marker.isEmpty && sources[i]!.working > 0);
  const groundingEdges = markers.map((marker, i) => (marker.isEmpty ? [] : edges[i]!.supports.filter((target) => !target.isEmpty)));
  const grounded = propagate(sourced, groundingEdges);
  const cyclic = cyclicMarkers(groundingEdges);
  return markers.map((_, i) => ({
    sourced: sourced[i]!,
    onlyBrokenSources: sources[i]!.working === 0 && sources[i]!.broken > 0,
    grounded: grounded[i]!,
    inUngroundedCycle: cyclic[i]! && !grounded[i]!,
    supports: edges[i]!.supports,
    weighsAgainst: edges[i]!.weighsAgainst,
    supporters: supporters[i]!,
    opponents: opponents[i]!,
    unknownReferences: edges[i]!.unknownReferences,
  }));
}

export function firstMarkerById(markers: readonly Marker[]): Map<string, Marker> {
  const byId = new Map<string, Marker>();
  for (const marker of markers) {
    const id = marker.attributes.id;
    if (id && !byId.has(id)) byId.set(id, marker);
  }
  return byId;
}

function readEdges(marker: Marker, byId: ReadonlyMap<string, Marker>, nearMissIds: ReadonlySet<string>) {
  const { for: forIds, against: againstIds } = marker.attributes;
  const unknownReferences: UnknownReference[] = [];
  if (!kindRow(marker.kind).supports) return { supports: [], weighsAgainst: [], unknownReferences };
  const resolve = (ids: readonly string[] | undefined, attribute: 'for' | 'against'): Marker[] =>
    (ids ?? []).filter(Boolean).flatMap((id) => {
      const target = byId.get(id);
      if (!target && !nearMissIds.has(id)) unknownReferences.push({ id, attribute });
      return target ? [target] : [];
    });
  if (forIds === undefined && againstIds === undefined) {
    const enclosing = nearestTakingNestedSupport(marker);
    return { supports: enclosing ? [enclosing] : [], weighsAgainst: [], unknownReferences };
  }
  return { supports: resolve(forIds, 'for'), weighsAgainst: resolve(againstIds, 'against'), unknownReferences };
}

function nearestTakingNestedSupport(marker: Marker): Marker | undefined {
  for (let ancestor = marker.parent; ancestor; ancestor = ancestor.parent) {
    if (kindRow(ancestor.kind).takesNestedSupport) return ancestor;
  }
  return undefined;
}

/** Marks everything reachable along `edges` from the nodes that start true. */
function propagate(start: readonly boolean[], edges: readonly (readonly Marker[])[]): boolean[] {
  const reached = [...start];
  const queue = reached.flatMap((on, i) => (on ? [i] : []));
  while (queue.length > 0) {
    for (const target of edges[queue.pop()!]!) {
      if (!reached[target.index]) {
        reached[target.index] = true;
        queue.push(target.index);
      }
    }
  }
  return reached;
}

/** Which nodes lie on a cycle: Tarjan's strongly connected components, without recursion. */
function cyclicMarkers(edges: readonly (readonly Marker[])[]): boolean[] {
  const count = edges.length;
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const cyclic = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges[frame.node]!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!.index;
        if (target === frame.node) cyclic[target] = true;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = true;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, index[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== index[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1) for (const node of component) cyclic[node] = true;
    }
  }
  return cyclic;
}
