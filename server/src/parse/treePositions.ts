import type { Nodes } from 'mdast';
import type { Point } from 'unist';

/** Applies `move` to the start and end of every position in the trees of `nodes`. */
export function moveTreePoints(nodes: readonly Nodes[], move: (point: Point) => void): void {
  const visit = (node: Nodes) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  nodes.forEach(visit);
}

/** Moves the trees of `nodes` by `lines` lines and `offset` characters (they start a line, so columns stay). */
export function shiftTreePoints(nodes: readonly Nodes[], offset: number, lines: number): void {
  moveTreePoints(nodes, (point) => {
    point.line += lines;
    if (point.offset !== undefined) point.offset += offset;
  });
}
