import type { Analysis, ClassifiedLink, ResolvedCitation } from '../analysis/analysis.js';
import type { ListItem } from '../language/attributes.js';
import type { Marker } from '../model/model.js';
import type { SourceEntry } from '../sources/sourceEntry.js';
import type { Span } from '../types.js';

/** What the cursor is on, for hover, definition, references and rename. */
export type SymbolAt =
  | { readonly kind: 'citation'; readonly span: Span; readonly citation: ResolvedCitation }
  | { readonly kind: 'source-key'; readonly span: Span; readonly entry: SourceEntry }
  | { readonly kind: 'reference'; readonly span: Span; readonly item: ListItem; readonly marker: Marker; readonly target: Marker | undefined }
  | { readonly kind: 'marker-id'; readonly span: Span; readonly marker: Marker }
  | { readonly kind: 'marker'; readonly span: Span; readonly marker: Marker }
  | { readonly kind: 'link'; readonly span: Span; readonly link: ClassifiedLink };

/** The most specific thing at `offset`: a key or id before the marker or link around it. */
export function symbolAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  const within = (span: Span | undefined) => span !== undefined && span.start <= offset && offset <= span.end;
  const citation = analysis.citations.find((c) => within(c.keySpan)) ?? analysis.citations.find((c) => within(c.itemSpan));
  if (citation) return { kind: 'citation', span: citation.keySpan, citation };
  for (const entry of [...analysis.syntax.frontMatter.sources, ...analysis.syntax.frontMatter.references]) {
    if (entry.origin.kind === 'front-matter' && within(entry.origin.keySpan)) return { kind: 'source-key', span: entry.origin.keySpan, entry };
  }
  const marker = innermostMarkerSyntaxAt(analysis.syntax.model.markers, offset);
  if (marker) {
    const item = marker.listItems.find((candidate) => candidate.attribute !== 'src' && within(candidate.span));
    if (item) return { kind: 'reference', span: item.span, item, marker, target: analysis.markersById.get(item.text) };
    if (within(marker.idSpan)) return { kind: 'marker-id', span: marker.idSpan!, marker };
    return { kind: 'marker', span: marker.opening, marker };
  }
  const link = analysis.links.find((candidate) => within(candidate.span));
  return link ? { kind: 'link', span: link.span, link } : undefined;
}

/** The marker whose opening or attribute block holds `offset`, the innermost when they nest. */
function innermostMarkerSyntaxAt(markers: readonly Marker[], offset: number): Marker | undefined {
  let found: Marker | undefined;
  for (const marker of markers) {
    if (marker.span.start > offset) break;
    const inOpening = marker.opening.start <= offset && offset <= marker.opening.end;
    const inBlock = marker.attributeBlock !== undefined && marker.attributeBlock.start <= offset && offset <= marker.attributeBlock.end;
    if (inOpening || inBlock) found = marker;
  }
  return found;
}
