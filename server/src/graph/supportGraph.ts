import type { ListAttribute } from '../language/attributes.js';
import { givesSupport, kindRow, LIST_TARGET_KINDS, takesAttribute } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';

/** The list attributes whose items are ids of markers. */
export type ReferenceAttribute = Exclude<ListAttribute, 'src'>;

export interface UnknownReference {
  readonly id: string;
  readonly attribute: ReferenceAttribute;
}

/** An id in `assumes=` or `from=` that names a marker of another kind than the attribute asks for. */
export interface WrongKindReference {
  readonly id: string;
  readonly attribute: ReferenceAttribute;
  readonly target: Marker;
}

/** What the support graph knows of one marker. */
export interface MarkerFacts {
  /** Its own content or attributes cite a working source. */
  readonly sourced: boolean;
  /** It tried to cite sources and every one of them is broken (unknown key, placeholder, broken link …). */
  readonly onlyBrokenSources: boolean;
  /** Sourced, supported by a grounded marker, or drawn from hypotheses that grounded markers weigh. */
  readonly grounded: boolean;
  /** Part of a support cycle that nothing grounds. */
  readonly inUngroundedCycle: boolean;
  /** The markers it supports and weighs against (by `for=`/`against=`, or by nesting). */
  readonly supports: readonly Marker[];
  readonly weighsAgainst: readonly Marker[];
  /** The markers that support it and weigh against it. */
  readonly supporters: readonly Marker[];
  readonly opponents: readonly Marker[];
  /** What its `for=` and `against=` (or nesting) name, whether or not it supports yet (an indicator still watched). */
  readonly namesFor: readonly Marker[];
  readonly namesAgainst: readonly Marker[];
  /** The markers that name it so. */
  readonly namedFor: readonly Marker[];
  readonly namedAgainst: readonly Marker[];
  /** The assumptions a claim or hypothesis rests on: those of `assumes=` and those nested in it. */
  readonly restsOn: readonly Marker[];
  /** The claims and hypotheses that rest on an assumption. */
  readonly restedOnBy: readonly Marker[];
  /** The hypotheses a claim's `from=` names. */
  readonly drawnFrom: readonly Marker[];
  /** Those of `drawnFrom` that no grounded marker weighs. */
  readonly unweighed: readonly Marker[];
  readonly unknownReferences: readonly UnknownReference[];
  readonly wrongKindReferences: readonly WrongKindReference[];
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
  const supporters = invert(markers, edges.map((edge) => edge.supports));
  const opponents = invert(markers, edges.map((edge) => edge.weighsAgainst));
  const namedFor = invert(markers, edges.map((edge) => edge.namesFor));
  const namedAgainst = invert(markers, edges.map((edge) => edge.namesAgainst));
  const restsOn = withNestedAssumptions(markers, edges.map((edge) => edge.restsOn));
  const restedOnBy = invert(markers, restsOn);
  const sourced = markers.map((marker, i) => !marker.isEmpty && sources[i]!.working > 0);
  const groundingEdges = markers.map((marker, i) => (marker.isEmpty ? NO_MARKERS : nonEmpty(edges[i]!.supports)));
  const weighedByGrounded = (grounded: readonly boolean[], hypothesis: Marker) => {
    const isGrounded = (weigher: Marker) => grounded[weigher.index]!;
    return supporters[hypothesis.index]!.some(isGrounded) || opponents[hypothesis.index]!.some(isGrounded);
  };
  const grounded = groundAll(markers, sourced, groundingEdges, edges.map((edge) => edge.drawnFrom), weighedByGrounded);
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
    namesFor: edges[i]!.namesFor,
    namesAgainst: edges[i]!.namesAgainst,
    namedFor: namedFor[i]!,
    namedAgainst: namedAgainst[i]!,
    restsOn: restsOn[i]!,
    restedOnBy: restedOnBy[i]!,
    drawnFrom: edges[i]!.drawnFrom,
    unweighed: edges[i]!.drawnFrom.length === 0 ? NO_MARKERS : edges[i]!.drawnFrom.filter((hypothesis) => !weighedByGrounded(grounded, hypothesis)),
    unknownReferences: edges[i]!.unknownReferences,
    wrongKindReferences: edges[i]!.wrongKindReferences,
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

interface Edges {
  readonly supports: readonly Marker[];
  readonly weighsAgainst: readonly Marker[];
  readonly namesFor: readonly Marker[];
  readonly namesAgainst: readonly Marker[];
  readonly restsOn: readonly Marker[];
  readonly drawnFrom: readonly Marker[];
  readonly unknownReferences: readonly UnknownReference[];
  readonly wrongKindReferences: readonly WrongKindReference[];
}

/** The edges one marker's attributes and nesting give; attributes its kind does not take are ignored. */
function readEdges(marker: Marker, byId: ReadonlyMap<string, Marker>, nearMissIds: ReadonlySet<string>): Edges {
  let unknownReferences: UnknownReference[] | undefined;
  let wrongKindReferences: WrongKindReference[] | undefined;
  const resolve = (attribute: ReferenceAttribute): readonly Marker[] => {
    const ids = takesAttribute(marker.kind, attribute) ? marker.attributes[attribute] : undefined;
    if (!ids || ids.length === 0) return NO_MARKERS;
    const wanted = LIST_TARGET_KINDS[attribute];
    const targets: Marker[] = [];
    for (const id of ids) {
      if (!id) continue;
      const target = byId.get(id);
      if (!target) {
        if (!nearMissIds.has(id)) (unknownReferences ??= []).push({ id, attribute });
      } else if (wanted && target.kind !== wanted) {
        (wrongKindReferences ??= []).push({ id, attribute, target });
      } else {
        targets.push(target);
      }
    }
    return targets.length > 1 ? unique(targets) : targets;
  };
  const namesFor = resolve('for');
  const namesAgainst = resolve('against');
  const restsOn = resolve('assumes');
  const drawnFrom = resolve('from');
  const pointsByNesting = takesAttribute(marker.kind, 'for') && marker.attributes.for === undefined && marker.attributes.against === undefined;
  const enclosing = pointsByNesting ? nearestTakingNestedSupport(marker) : undefined;
  const named = { for: enclosing ? [enclosing] : namesFor, against: namesAgainst };
  const active = givesSupport(marker.kind, marker.attributes.status);
  return {
    supports: active ? named.for : NO_MARKERS,
    weighsAgainst: active ? named.against : NO_MARKERS,
    // An empty marker names nothing (what it names is still used).
    namesFor: marker.isEmpty ? NO_MARKERS : named.for,
    namesAgainst: marker.isEmpty ? NO_MARKERS : named.against,
    restsOn,
    drawnFrom,
    unknownReferences: unknownReferences ?? NO_REFERENCES,
    wrongKindReferences: wrongKindReferences ?? NO_REFERENCES,
  };
}
/** The nearest enclosing claim or hypothesis: what a nested marker supports, or rests on it. */
function nearestTakingNestedSupport(marker: Marker): Marker | undefined {
  for (let ancestor = marker.parent; ancestor; ancestor = ancestor.parent) {
    if (kindRow(ancestor.kind).takesNestedSupport) return ancestor;
  }
  return undefined;
}

/** Adds to what each judgment rests on the assumptions nested in it (the nearest judgment only). */
function withNestedAssumptions(markers: readonly Marker[], declared: readonly (readonly Marker[])[]): (readonly Marker[])[] {
  // A list is copied only for a judgment that has nested assumptions: most have none.
  const restsOn: (readonly Marker[])[] = [...declared];
  const copied = new Map<number, Marker[]>();
  for (const marker of markers) {
    if (marker.kind !== LIST_TARGET_KINDS.assumes) continue;
    const judgment = nearestTakingNestedSupport(marker);
    if (!judgment || restsOn[judgment.index]!.includes(marker)) continue;
    let list = copied.get(judgment.index);
    if (!list) {
      list = [...restsOn[judgment.index]!];
      copied.set(judgment.index, list);
      restsOn[judgment.index] = list;
    }
    list.push(marker);
  }
  return restsOn;
}

/**
 * Shared by every marker with nothing in a list, which is most of them: a keystroke in a large
 * document would otherwise make several empty lists for each marker.
 */
const NO_MARKERS: readonly Marker[] = Object.freeze([]);
const NO_REFERENCES: readonly never[] = Object.freeze([]);

function nonEmpty(markers: readonly Marker[]): readonly Marker[] {
  return markers.length === 0 ? NO_MARKERS : markers.filter((target) => !target.isEmpty);
}

/** For each marker, the markers whose `lists` hold it. */
function invert(markers: readonly Marker[], lists: readonly (readonly Marker[])[]): (readonly Marker[])[] {
  const inverse: (Marker[] | undefined)[] = new Array(markers.length);
  markers.forEach((marker, i) => {
    for (const target of lists[i]!) (inverse[target.index] ??= []).push(marker);
  });
  return Array.from(inverse, (list) => list ?? NO_MARKERS);
}

function unique(markers: readonly Marker[]): Marker[] {
  return [...new Set(markers)];
}

/**
 * Grounding along the support edges, where a claim drawn from hypotheses (`from=`) is also
 * grounded once every hypothesis it names is weighed by a grounded marker. That can ground more
 * weighers in turn, so it repeats until nothing changes.
 */
function groundAll(
  markers: readonly Marker[],
  sourced: readonly boolean[],
  edges: readonly (readonly Marker[])[],
  drawnFrom: readonly (readonly Marker[])[],
  weighedByGrounded: (grounded: readonly boolean[], hypothesis: Marker) => boolean,
): boolean[] {
  const grounded = [...sourced];
  let seeds: number[] = [];
  grounded.forEach((on, i) => on && seeds.push(i));
  let waiting = markers.filter((marker) => !marker.isEmpty && drawnFrom[marker.index]!.length > 0);
  for (;;) {
    propagate(grounded, seeds, edges);
    waiting = waiting.filter((claim) => !grounded[claim.index]);
    const drawn = waiting.filter((claim) => drawnFrom[claim.index]!.every((hypothesis) => weighedByGrounded(grounded, hypothesis)));
    if (drawn.length === 0) return grounded;
    for (const claim of drawn) grounded[claim.index] = true;
    seeds = drawn.map((claim) => claim.index);
  }
}

/** Marks in `reached` everything reachable along `edges` from `seeds`. */
function propagate(reached: boolean[], seeds: readonly number[], edges: readonly (readonly Marker[])[]): void {
  const queue = [...seeds];
  while (queue.length > 0) {
    for (const target of edges[queue.pop()!]!) {
      if (!reached[target.index]) {
        reached[target.index] = true;
        queue.push(target.index);
      }
    }
  }
}

/**
 * Which nodes lie on a cycle: Tarjan's strongly connected components, without recursion. A node
 * with no edges, as most markers are, is a component of its own and on no cycle.
 */
function cyclicMarkers(edges: readonly (readonly Marker[])[]): boolean[] {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  /** Where each node on the stack lies in it: its component is the stack from there up. */
  const stackAt = new Int32Array(count);
  const cyclic = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  /** The path being searched: each node and the next of its edges to follow. */
  const pathNodes: number[] = [];
  const pathNext: number[] = [];
  let counter = 0;
  const enter = (node: number) => {
    index[node] = low[node] = counter++;
    stackAt[node] = stack.length;
    stack.push(node);
    onStack[node] = 1;
    pathNodes.push(node);
    pathNext.push(0);
  };
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    if (edges[root]!.length === 0) {
      index[root] = counter++;
      continue;
    }
    enter(root);
    while (pathNodes.length > 0) {
      const top = pathNodes.length - 1;
      const node = pathNodes[top]!;
      const targets = edges[node]!;
      if (pathNext[top]! < targets.length) {
        const target = targets[pathNext[top]!++]!.index;
        if (target === node) cyclic[target] = true;
        if (index[target] === -1) enter(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      pathNodes.pop();
      pathNext.pop();
      if (top > 0) low[pathNodes[top - 1]!] = Math.min(low[pathNodes[top - 1]!]!, low[node]!);
      if (low[node] !== index[node]) continue;
      const from = stackAt[node]!;
      const isCycle = stack.length - from > 1;
      for (let at = from; at < stack.length; at++) {
        onStack[stack[at]!] = 0;
        if (isCycle) cyclic[stack[at]!] = true;
      }
      stack.length = from;
    }
  }
  return cyclic;
}
