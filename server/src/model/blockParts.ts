import type { FoundCitation } from '../citations/findCitations.js';
import type { ParsedMarkdown } from '../parse/parseMarkdown.js';
import { LineIndex } from '../text/lineIndex.js';
import type { Span } from '../types.js';
import type { CitationSite, DocumentModel, FrontMatterBlock, LinkSite, Marker, NearMiss, SilencingComment } from './model.js';
import { ownerAssigner, type OwnedSite } from './owners.js';

/** A link as a block reads it: a reference link's target is looked up at the join, where every definition is known. */
export type LinkDraft = OwnedSite<{ readonly url: string; readonly reference: string | undefined; readonly span: Span }>;

/**
 * What one top-level block says by itself, every offset in the block's own text: its markers
 * (indexed from 0 in the block, parents in the block: a marker and its parent lie in one
 * top-level node) and the sites whose owners are resolved at the join.
 */
export interface BlockPart {
  readonly frontMatter: FrontMatterBlock | undefined;
  readonly markers: readonly Marker[];
  readonly nearMisses: readonly NearMiss[];
  readonly citations: readonly FoundCitation[];
  readonly linkSites: readonly LinkDraft[];
  readonly footnoteReferences: readonly { readonly identifier: string; readonly offset: number }[];
  readonly footnoteDefinitions: readonly { readonly identifier: string; readonly span: Span }[];
  /** Reference definitions in the order written: the first of an identifier in the document wins. */
  readonly definitions: readonly (readonly [identifier: string, url: string])[];
  readonly silencing: readonly SilencingComment[];
}

/** A part where the document puts it: its offsets moved by `offset`, its markers' indexes by `firstIndex`. */
interface PlacedPart extends Omit<BlockPart, 'definitions' | 'linkSites'> {
  readonly offset: number;
  readonly firstIndex: number;
}

/**
 * Each part's last placement: a block before the edit keeps its offset and its markers' indexes,
 * so its markers, citations and the rest are the objects of the version before.
 */
const placements = new WeakMap<BlockPart, PlacedPart>();

/** The document's model from its blocks' parts, `offsets[i]` being where part `i` starts. */
export function joinParts(parsed: ParsedMarkdown, parts: readonly BlockPart[], offsets: readonly number[]): DocumentModel {
  const joined = { markers: [] as Marker[], nearMisses: [] as NearMiss[], citations: [] as FoundCitation[], silencing: [] as SilencingComment[], footnoteReferences: [] as { identifier: string; offset: number }[], footnoteDefinitions: [] as { identifier: string; span: Span }[] };
  let frontMatter: FrontMatterBlock | undefined;
  parts.forEach((part, i) => {
    const placed = placementOf(part, offsets[i]!, joined.markers.length);
    frontMatter ??= placed.frontMatter;
    append(joined.markers, placed.markers);
    append(joined.nearMisses, placed.nearMisses);
    append(joined.citations, placed.citations);
    append(joined.silencing, placed.silencing);
    append(joined.footnoteReferences, placed.footnoteReferences);
    append(joined.footnoteDefinitions, placed.footnoteDefinitions);
  });
  const assignOwners = ownerAssigner(joined);
  return {
    text: parsed.text,
    lines: parsed.lines ?? new LineIndex(parsed.text),
    frontMatter,
    markers: joined.markers,
    nearMisses: joined.nearMisses,
    citations: assignOwners(joined.citations, citationSite),
    links: assignOwners(resolveLinks(parts, offsets), (link, owners): LinkSite => ({ url: link.url, span: link.span, owners })),
    silencing: joined.silencing,
    skipped: parsed.skipped,
  };
}

function citationSite(citation: FoundCitation, owners: readonly Marker[]): CitationSite {
  const { key, form, span, keySpan, prefix, locator, suppressAuthor, itemSpan, citationSpan } = citation;
  return { key, form, span, keySpan, prefix, locator, suppressAuthor, itemSpan, citationSpan, owners };
}

/** `list.push(...items)` without the spread, which a block of tens of thousands of items would overflow. */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

function placementOf(part: BlockPart, offset: number, firstIndex: number): PlacedPart {
  const last = placements.get(part);
  if (last && last.offset === offset && last.firstIndex === firstIndex) return last;
  const placed = place(part, offset, firstIndex);
  placements.set(part, placed);
  return placed;
}

function place(part: BlockPart, offset: number, firstIndex: number): PlacedPart {
  if (offset === 0 && firstIndex === 0) return { ...part, offset, firstIndex };
  const move = (span: Span): Span => ({ start: span.start + offset, end: span.end + offset });
  const markers: Marker[] = [];
  for (const marker of part.markers) markers.push(placeMarker(marker, move, firstIndex, markers));
  return {
    offset,
    firstIndex,
    frontMatter: part.frontMatter && { ...part.frontMatter, yamlStart: part.frontMatter.yamlStart + offset, span: move(part.frontMatter.span) },
    markers,
    nearMisses: part.nearMisses.map((miss) => ({ ...miss, nameSpan: move(miss.nameSpan), opening: move(miss.opening) })),
    citations: part.citations.map((citation) => placeCitation(citation, move, offset)),
    footnoteReferences: part.footnoteReferences.map((reference) => ({ ...reference, offset: reference.offset + offset })),
    footnoteDefinitions: part.footnoteDefinitions.map((definition) => ({ ...definition, span: move(definition.span) })),
    silencing: part.silencing.map((comment) => ({ ...comment, span: move(comment.span), codes: comment.codes.map((code) => ({ ...code, span: move(code.span) })) })),
  };
}

/*
 * The placed objects are written out field by field, not spread: a spread of objects of many
 * shapes takes V8's slow path, which on a large document cost a tenth of a keystroke.
 */

/**
 * `placed`: the part's markers placed before this one, among them its parent. Its fields come in
 * the order the model builder writes them, so that both make markers of one shape. Its `prose`,
 * read for the document as placed, is read again.
 */
function placeMarker(marker: Marker, move: (span: Span) => Span, firstIndex: number, placed: readonly Marker[]): Marker {
  return {
    index: marker.index + firstIndex,
    kind: marker.kind,
    form: marker.form,
    attributes: marker.attributes,
    opening: move(marker.opening),
    span: move(marker.span),
    attributeBlock: marker.attributeBlock && move(marker.attributeBlock),
    idSpan: marker.idSpan && move(marker.idSpan),
    listItems: marker.listItems.map((item) => ({ attribute: item.attribute, text: item.text, span: move(item.span) })),
    content: move(marker.content),
    text: marker.text,
    isEmpty: marker.isEmpty,
    attributesRefused: marker.attributesRefused,
    parent: marker.parent && placed[marker.parent.index],
  };
}

function placeCitation(citation: FoundCitation, move: (span: Span) => Span, offset: number): FoundCitation {
  const { key, form, prefix, locator, suppressAuthor } = citation;
  return {
    key,
    form,
    span: move(citation.span),
    keySpan: move(citation.keySpan),
    offset: citation.offset + offset,
    prefix,
    locator,
    suppressAuthor,
    itemSpan: move(citation.itemSpan),
    citationSpan: move(citation.citationSpan),
  };
}

/** Every link site where the document puts it, a reference link given its definition's target. */
function resolveLinks(parts: readonly BlockPart[], offsets: readonly number[]): OwnedSite<{ url: string; span: Span }>[] {
  const definitions = new Map<string, string>();
  for (const part of parts) for (const [identifier, url] of part.definitions) if (!definitions.has(identifier)) definitions.set(identifier, url);
  const links: OwnedSite<{ url: string; span: Span }>[] = [];
  parts.forEach((part, i) => {
    const at = offsets[i]!;
    for (const { url, reference, offset, span } of part.linkSites) {
      links.push({ url: reference === undefined ? url : definitions.get(reference) ?? '', offset: offset + at, span: { start: span.start + at, end: span.end + at } });
    }
  });
  return links;
}
