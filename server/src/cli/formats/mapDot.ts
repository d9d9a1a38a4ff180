import { wrapWords } from '../../text/textHelpers.js';
import type { MarkerKind } from '../../language/markerKinds.js';
import type { MapEdge } from '../../views/argumentMap.js';
import type { ViewDocument } from '../viewPages.js';
import { edgeLabel, mapParts, nodeLines } from '../../views/formats/mapWords.js';

/** The longest line of a node's text: Graphviz does not wrap labels. */
const DOT_LINE = 28;

const SHAPES: Readonly<Record<MarkerKind, string>> = {
  claim: 'shape=box',
  evidence: 'shape=parallelogram',
  hypothesis: 'shape=hexagon',
  assumption: 'shape=trapezium',
  indicator: 'shape=ellipse',
};

const EDGE_STYLES: Readonly<Record<MapEdge['relation'], string>> = {
  for: 'color="#137333"',
  against: 'color="#c5221f", fontcolor="#c5221f", arrowhead=tee',
  assumes: 'style=dotted, arrowhead=empty',
};

/**
 * The argument map as a Graphviz digraph, grounds below what they ground: a shape a kind, `for`
 * green arrows, `against` red ending in a bar, `assumed by` dotted, what an indicator not observed
 * would do dashed; unsupported claims dashed and red.
 */
export function formatMapDot(documents: readonly ViewDocument<'map'>[]): string {
  const lines = ['digraph "argument map" {', '  rankdir=BT;', '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  mapParts(documents).forEach((part, d) => {
    const indent = part.clustered ? '    ' : '  ';
    if (part.clustered) lines.push(`  subgraph cluster_${d + 1} {`, `    label="${escapeDot(part.path)}";`);
    for (const { name, node } of part.nodes) {
      const [head, text] = nodeLines(node);
      const label = [head, ...(text ? wrapWords(text, DOT_LINE) : [])].map(escapeDot).join('\\n');
      lines.push(`${indent}${name} [label="${label}", ${SHAPES[node.kind]}${node.unsupported ? ', style="dashed,bold", color="#c5221f"' : ''}];`);
    }
    for (const { from, to, edge } of part.edges) {
      lines.push(`${indent}${from} -> ${to} [label="${edgeLabel(edge)}", ${EDGE_STYLES[edge.relation]}${edge.pending ? ', style=dashed' : ''}];`);
    }
    if (part.clustered) lines.push('  }');
  });
  return `${lines.join('\n')}\n}\n`;
}

/** Text inside a quoted DOT string: a backslash or a quote escaped, so that neither ends it or makes an escape; line breaks become spaces. */
export function escapeDot(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/["\\]/g, (character) => `\\${character}`);
}
