import { Utils } from 'vscode-uri';
import { isWorking, type Analysis } from '../analysis/analysis.js';
import { isInside } from '../links/classifyLink.js';
import type { Marker } from '../model/model.js';
import type { DocumentRange, EvidenceMatrix } from '../protocol.js';
import { argumentMap } from './argumentMap.js';
import { formatMapMermaid } from './formats/mapMermaid.js';
import { formatMatrixMarkdown } from './formats/matrixMarkdown.js';
import { disagreements, notObservedLine } from './formats/matrixWords.js';
import { diagnosticOrder, inOrder, matrixWithMarkers } from './matrix.js';

/** The evidence matrix of one analysed document as the editor shows and copies it. */
export function evidenceMatrix(analysis: Analysis): EvidenceMatrix {
  const { view, columns, rows } = matrixWithMarkers(analysis);
  const path = documentPath(analysis);
  const rangeOf = (marker: Marker): DocumentRange => analysis.syntax.model.lines.rangeOf(marker.opening);
  return {
    path,
    ...view,
    usesLanguage: analysis.syntax.usesLanguage,
    diagnosticOrder: diagnosticOrder(view),
    hypothesisRanges: columns.map(rangeOf),
    rowRanges: rows.map(rangeOf),
    rowSources: rows.map((marker) => sourcesOf(analysis, marker)),
    notes: [notObservedLine(view) ?? [], disagreements(view)].flat(),
    markdown: formatMatrixMarkdown([{ path, view: inOrder(view, 'diagnosticity') }]),
    mermaid: formatMapMermaid([{ path, view: argumentMap(analysis) }]),
  };
}

/** The document's path inside its workspace folder, or its file name when it lies outside. */
function documentPath({ context: { uri, workspaceFolder } }: Analysis): string {
  return isInside(uri, workspaceFolder) ? uri.path.slice(workspaceFolder.path.replace(/\/?$/, '/').length) : Utils.basename(uri);
}

/** `@key: title` for each working citation (the key alone when the source has no title), then each working link's URL. */
function sourcesOf(analysis: Analysis, marker: Marker): string[] {
  const { citations, links } = analysis.markerSources[marker.index]!;
  const keys = citations.filter(isWorking).map(({ key, source }) => (source?.title ? `@${key}: ${source.title}` : `@${key}`));
  return [...new Set([...keys, ...links.filter(isWorking).map((link) => link.url)])];
}
