import type { ArgumentMap, MapEdge, MapNode } from '../argumentMap.js';
import type { NamedView } from './namedView.js';

/** What both formats of the argument map write in the same words. */

/** The longest text a node shows; longer ones are cut with `…`. */
const LABEL_TEXT = 60;

/** A node's lines: its kind and id (and what is wrong with it), then the start of its text. */
export function nodeLines(node: MapNode): [string, string] {
  const head = [node.kind, node.id, node.unsupported ? '(unsupported)' : undefined, node.status !== 'none' ? `[${node.status}]` : undefined].filter(Boolean).join(' ');
  const text = node.text.replace(/[\x00-\x1f\x7f-\x9f]+/g, ' ');
  return [head, text.length > LABEL_TEXT ? `${text.slice(0, LABEL_TEXT - 1)}…` : text];
}

export function edgeLabel(edge: MapEdge): string {
  const relation = edge.relation === 'assumes' ? 'assumed by' : edge.relation;
  return edge.pending ? `${relation}, if observed` : relation;
}

/** A node's name in the graph, unique across the documents of one map (`d1n0`). */
export function nodeName(documentIndex: number, markerIndex: number): string {
  return `d${documentIndex + 1}n${markerIndex}`;
}

/** Each document's nodes and edges, named for the graph; a subgraph each only when there are several. */
export function mapParts(documents: readonly NamedView<ArgumentMap>[]): { path: string; clustered: boolean; nodes: { name: string; node: MapNode }[]; edges: { from: string; to: string; edge: MapEdge }[] }[] {
  return documents.map(({ path, view }, d) => ({
    path,
    clustered: documents.length > 1,
    nodes: view.nodes.map((node) => ({ name: nodeName(d, node.index), node })),
    edges: view.edges.map((edge) => ({ from: nodeName(d, edge.from), to: nodeName(d, edge.to), edge })),
  }));
}
