import type { MarkerKind } from '../../language/markerKinds.js';
import type { ArgumentMap, MapEdge } from '../argumentMap.js';
import type { NamedView } from './namedView.js';
import { edgeLabel, mapParts, nodeLines } from './mapWords.js';

/** Each kind's shape: the brackets around a quoted label. */
const SHAPES: Readonly<Record<MarkerKind, readonly [string, string]>> = {
  claim: ['[', ']'],
  evidence: ['[/', '/]'],
  hypothesis: ['{{', '}}'],
  assumption: ['[/', '\\]'],
  indicator: ['([', '])'],
};

const CLASSES = `  classDef claim fill:#e8f0fe,stroke:#1a56db,color:#111
  classDef evidence fill:#e6f4ea,stroke:#137333,color:#111
  classDef hypothesis fill:#fef7e0,stroke:#b06000,color:#111
  classDef assumption fill:#f3e8fd,stroke:#8430ce,color:#111
  classDef indicator fill:#e4f7fb,stroke:#007b83,color:#111
  classDef unsupported fill:#fce8e6,stroke:#c5221f,stroke-width:3px,stroke-dasharray:6 3,color:#111
`;

/**
 * The argument map as a Mermaid flowchart, read bottom to top (grounds below what they ground):
 * a shape a kind, `for` a solid arrow, `against` a solid line ending in a cross drawn red,
 * `assumed by` and what an indicator not observed would do dotted; unsupported claims dashed red.
 */
export function formatMapMermaid(documents: readonly NamedView<ArgumentMap>[]): string {
  const lines = ['flowchart BT'];
  const against: number[] = [];
  let edgeCount = 0;
  mapParts(documents).forEach((part, d) => {
    const indent = part.clustered ? '    ' : '  ';
    if (part.clustered) lines.push(`  subgraph document${d + 1}["${escapeMermaid(part.path)}"]`);
    for (const { name, node } of part.nodes) {
      const [open, close] = SHAPES[node.kind];
      const [head, text] = nodeLines(node);
      lines.push(`${indent}${name}${open}"${escapeMermaid(head)}${text ? `<br>${escapeMermaid(text)}` : ''}"${close}:::${node.unsupported ? 'unsupported' : node.kind}`);
    }
    for (const { from, to, edge } of part.edges) {
      lines.push(`${indent}${from} ${arrow(edge)}|${edgeLabel(edge)}| ${to}`);
      if (edge.relation === 'against') against.push(edgeCount);
      edgeCount++;
    }
    if (part.clustered) lines.push('  end');
  });
  if (against.length > 0) lines.push(`  linkStyle ${against.join(',')} stroke:#c5221f,color:#c5221f`);
  return `${lines.join('\n')}\n${CLASSES}`;
}

function arrow(edge: MapEdge): string {
  const head = edge.relation === 'against' ? 'x' : '>';
  return edge.pending || edge.relation === 'assumes' ? `-.-${head}` : `--${head}`;
}

/**
 * Text inside a quoted Mermaid label: the characters that could end the string, start an entity,
 * a comment or Markdown, or be read as HTML are written as Mermaid's numeric entities.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/["#&<>%`]/g, (character) => `#${character.charCodeAt(0)};`);
}
