import type { Nodes, Parents } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { findCitations } from '../citations/findCitations.js';
import { idSpanIn, listItemsIn, parseAttributesLeniently, readMarkerAttributes, type RawAttributes } from '../language/attributes.js';
import { isMarkerKind, nearMissOf } from '../language/markerKinds.js';
import { attributeBlockEnd, attributeBlockStart, labelEnd } from '../language/scanning.js';
import type { ParsedMarkdown, TreeBlock } from '../parse/parseMarkdown.js';
import { maskSpans } from '../text/mask.js';
import { lineEndAt, partitionPoint } from '../text/textHelpers.js';
import type { Span } from '../types.js';
import { joinParts, type BlockPart, type LinkDraft } from './blockParts.js';
import { readMarkerProse } from './markerProse.js';
import type { DocumentModel, FrontMatterBlock, Marker, NearMiss, SilencingComment } from './model.js';
import { readSilencingComment } from './silencing.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Node types whose text is never prose in which to look for citations. */
const OPAQUE_TYPES = new Set([
  'yaml', 'code', 'inlineCode', 'html', 'link', 'linkReference', 'image', 'imageReference',
  'definition', 'footnoteReference',
]);
/** Parents whose `html` children stand on lines of their own. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'containerDirective', 'footnoteDefinition']);

/**
 * Reads markers, links, citations, front matter and silencing comments from a parsed document:
 * each top-level block by itself (a block the parser reused keeps what was read from it), the
 * parts joined at the end, where what reaches across blocks is resolved.
 */
export function buildModel(parsed: ParsedMarkdown): DocumentModel {
  const blocks = parsed.blocks ?? [wholeDocument(parsed)];
  const parts = blocks.map((block) => (parsed.blocks ? partOf(block) : readPart(block)));
  return joinParts(parsed, parts, blocks.map((block) => block.offset));
}

/**
 * Gives the model's claims and hypotheses their `prose`, from the tree `model` was built from
 * (before its parser parses again): read by block, a block the parser reused keeping what was
 * read of it. A judgment's prose takes in the footnotes it references, wherever they stand.
 */
export function readJudgmentProse(parsed: ParsedMarkdown, model: DocumentModel): void {
  readMarkerProse(parsed.blocks ?? [wholeDocument(parsed)], model.markers, () => ({
    text: readableText(parsed),
    markers: model.markers,
    nearMisses: model.nearMisses,
    removed: model.citations.map((citation) => citation.citationSpan),
  }));
}

/** The text as the parser read it: what was skipped is blanks, so nothing in it is checked. */
function readableText(parsed: { text: string; skipped: readonly { span: Span }[] }): string {
  return parsed.skipped.length === 0 ? parsed.text : maskSpans(parsed.text, parsed.skipped.map((part) => part.span));
}

/** The parts read from the blocks of the versions before, while the parser keeps the blocks. */
const partsByBlock = new WeakMap<TreeBlock, BlockPart>();

function partOf(block: TreeBlock): BlockPart {
  let part = partsByBlock.get(block);
  if (!part) partsByBlock.set(block, (part = readPart(block)));
  return part;
}

function readPart(block: TreeBlock): BlockPart {
  return new ModelBuilder(block).build();
}

function wholeDocument(parsed: ParsedMarkdown): TreeBlock {
  return { text: parsed.text, offset: 0, children: parsed.tree.children, refused: parsed.refusedAttributeBlocks, skipped: parsed.skipped };
}

/** The syntax of a directive's opening: where its name, label and attribute block lie. */
interface DirectiveSyntax {
  readonly nameEnd: number;
  readonly label: Span | undefined;
  readonly attributeBlock: Span | undefined;
  readonly firstLineEnd: number;
}

/** The parent of a block's top-level nodes. */
const ROOT: Parents = { type: 'root', children: [] };

/** Reads one block; every offset it records is in the block's own text. */
class ModelBuilder {
  private readonly text: string;
  private readonly markers: Marker[] = [];
  private readonly nearMisses: NearMiss[] = [];
  private readonly silencing: SilencingComment[] = [];
  private readonly opaque: Span[] = [];
  /** The syntax of every marker (openings, attribute blocks, fences): left out of marker texts. */
  private readonly markerSyntax: Span[] = [];
  private readonly linkSites: LinkDraft[] = [];
  private readonly footnoteReferences: { identifier: string; offset: number }[] = [];
  private readonly footnoteDefinitions: { identifier: string; span: Span }[] = [];
  private readonly definitions: [identifier: string, url: string][] = [];
  private frontMatter: FrontMatterBlock | undefined;

  constructor(private readonly block: TreeBlock) {
    this.text = readableText(block);
  }

  build(): BlockPart {
    const whole = { start: 0, end: this.text.length };
    for (const node of this.block.children) this.collectDefinitions(node);
    for (const node of this.block.children) this.visit(node, ROOT, undefined, whole);
    this.writeMarkerTexts();
    return {
      frontMatter: this.frontMatter,
      markers: this.markers,
      nearMisses: this.nearMisses,
      citations: findCitations(this.text, this.opaque),
      linkSites: this.linkSites,
      footnoteReferences: this.footnoteReferences,
      footnoteDefinitions: this.footnoteDefinitions,
      definitions: this.definitions,
      silencing: this.silencing,
    };
  }

  /** Each marker's text: its content without the syntax of markers nested in it, whitespace collapsed. */
  private writeMarkerTexts(): void {
    const syntax = [...this.markerSyntax].sort((a, b) => a.start - b.start);
    for (const marker of this.markers) {
      let text = '';
      let at = marker.content.start;
      for (let i = firstEndingAfter(syntax, at); i < syntax.length && syntax[i]!.start < marker.content.end; i++) {
        text += `${this.text.slice(at, Math.max(at, syntax[i]!.start))} `;
        at = Math.max(at, syntax[i]!.end);
      }
      text += this.text.slice(at, Math.max(at, marker.content.end));
      (marker as { text: string }).text = collapseWhitespace(text);
    }
  }

  private collectDefinitions(node: Nodes): void {
    if (node.type === 'definition') {
      this.definitions.push([node.identifier, node.url]);
    } else if ('children' in node) {
      for (const child of node.children) this.collectDefinitions(child);
    }
  }

  /** Walks the tree; `nearest` is the span of the closest ancestor that has a position. */
  private visit(node: Nodes, parent: Parents | undefined, enclosing: Marker | undefined, nearest: Span): void {
    const span = spanOf(node, this.block.offset) ?? nearest;
    if (OPAQUE_TYPES.has(node.type)) this.opaque.push(span);
    switch (node.type) {
      case 'yaml':
        this.frontMatter = this.readFrontMatter(span);
        return;
      case 'link':
        this.linkSites.push({ url: node.url, reference: undefined, offset: span.start, span });
        break;
      case 'linkReference':
        this.linkSites.push({ url: '', reference: node.identifier, offset: span.start, span });
        break;
      case 'footnoteReference':
        this.footnoteReferences.push({ identifier: node.identifier, offset: span.start });
        return;
      case 'footnoteDefinition':
        this.footnoteDefinitions.push({ identifier: node.identifier, span });
        break;
      case 'html': {
        const comment = parent && FLOW_PARENTS.has(parent.type) ? readSilencingComment(node.value, span.start) : undefined;
        if (comment) this.silencing.push(comment);
        return;
      }
      case 'textDirective':
      case 'leafDirective':
      case 'containerDirective': {
        const marker = this.readDirective(node, span, enclosing);
        for (const child of node.children) this.visit(child, node, marker ?? enclosing, span);
        return;
      }
    }
    if ('children' in node) for (const child of node.children) this.visit(child, node, enclosing, span);
  }

  private readFrontMatter(span: Span): FrontMatterBlock {
    const firstLineBreak = /\r\n?|\n/.exec(this.text.slice(span.start, span.end));
    const yamlStart = firstLineBreak ? span.start + firstLineBreak.index + firstLineBreak[0].length : span.end;
    // The YAML ends where the closing fence's line starts (at once, for an empty `---`/`---`).
    const closing = /(?:^|\r\n?|\n)-{3}[ \t]*$/.exec(this.text.slice(yamlStart, span.end));
    const yamlEnd = closing ? yamlStart + closing.index : span.end;
    return { yaml: this.text.slice(yamlStart, Math.max(yamlStart, yamlEnd)), yamlStart, span };
  }

  /** Records a marker or a near miss; returns the marker, which encloses the directive's children. */
  private readDirective(node: Directive, span: Span, enclosing: Marker | undefined): Marker | undefined {
    const intended = nearMissOf(node.name);
    if (!intended && !isMarkerKind(node.name)) return undefined;
    const colons = node.type === 'textDirective' ? 1 : node.type === 'leafDirective' ? 2 : countColons(this.text, span.start);
    const syntax = this.readSyntax(node, span, colons);
    const isContainer = node.type === 'containerDirective';
    if (!intended) return syntax.label || isContainer ? this.addMarker(node, span, syntax, enclosing) : undefined;
    const nextChar = this.text[syntax.nameEnd];
    if (isContainer || nextChar === '[' || nextChar === '{') {
      this.nearMisses.push({
        name: node.name,
        intended,
        id: this.readAttributes(node, span, syntax).attributes['id'],
        nameSpan: { start: span.start, end: syntax.nameEnd },
        opening: this.openingSpan(node, span, syntax),
      });
    }
    return undefined;
  }

  private readSyntax(node: Directive, span: Span, colons: number): DirectiveSyntax {
    const nameEnd = span.start + colons + node.name.length;
    // Only leaf and container openings need their line's end; many inline markers on one long line would make finding it quadratic.
    const firstLineEnd = node.type === 'textDirective' ? span.end : lineEndAt(this.text, span.start);
    const labelLimit = node.type === 'textDirective' ? span.end : firstLineEnd;
    const closed = this.text[nameEnd] === '[' ? labelEnd(this.text, nameEnd, labelLimit) : undefined;
    const label = closed === undefined ? undefined : { start: nameEnd + 1, end: closed - 1 };
    // An inline block that does not parse is left outside the node, so look past its end.
    const blockLimit = node.type === 'textDirective' ? this.text.length : firstLineEnd;
    const braceAt = attributeBlockStart(this.text, nameEnd, labelLimit);
    // A block remark accepted ends with the node (and may span lines); a refused one is read to its `}` or line end.
    const accepted = node.type === 'textDirective' && braceAt !== undefined && braceAt < span.end;
    const attributeBlock = braceAt === undefined ? undefined : { start: braceAt, end: accepted ? span.end : attributeBlockEnd(this.text, braceAt, blockLimit) };
    return { nameEnd, label, attributeBlock, firstLineEnd };
  }

  private addMarker(node: Directive, span: Span, syntax: DirectiveSyntax, enclosing: Marker | undefined): Marker {
    const { attributes, refused } = this.readAttributes(node, span, syntax);
    const content = this.contentSpan(node, span, syntax);
    const closing = node.type === 'containerDirective' ? closingFence(this.text, span, syntax.firstLineEnd) : undefined;
    const end = Math.max(span.end, syntax.attributeBlock?.end ?? 0);
    const tailStart = syntax.label ? syntax.label.end : syntax.nameEnd;
    const syntaxSpans = [
      { start: span.start, end: syntax.label ? syntax.label.start : syntax.nameEnd },
      { start: tailStart, end: syntax.attributeBlock?.end ?? tailStart + (syntax.label ? 1 : 0) },
      ...(closing ? [closing] : []),
    ];
    this.opaque.push(...syntaxSpans);
    this.markerSyntax.push(...syntaxSpans);
    const block = syntax.attributeBlock;
    const blockText = block ? this.text.slice(block.start, block.end) : '';
    const markerAttributes = readMarkerAttributes(attributes);
    const marker: Marker = {
      index: this.markers.length,
      kind: node.name as Marker['kind'],
      form: node.type === 'textDirective' ? 'inline' : node.type === 'leafDirective' ? 'leaf' : 'block',
      attributes: markerAttributes,
      opening: this.openingSpan(node, span, syntax),
      span: { start: span.start, end },
      attributeBlock: block,
      idSpan: block && markerAttributes.id !== undefined ? idSpanIn(blockText, block.start, markerAttributes.id) : undefined,
      listItems: block ? listItemsIn(blockText, block.start) : [],
      content,
      text: '',
      isEmpty: toString(node.children).trim() === '',
      attributesRefused: refused,
      parent: enclosing,
    };
    this.markers.push(marker);
    return marker;
  }

  private readAttributes(node: Directive, span: Span, syntax: DirectiveSyntax): { attributes: RawAttributes; refused: boolean } {
    const block = syntax.attributeBlock;
    const refusedFence = block && this.block.refused.get(block.start);
    if (refusedFence !== undefined) return { attributes: parseAttributesLeniently(refusedFence), refused: true };
    if (node.type === 'textDirective' && block && block.start >= span.end) {
      return { attributes: parseAttributesLeniently(this.text.slice(block.start, block.end)), refused: true };
    }
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(node.attributes ?? {})) attributes[name] = value ?? '';
    return { attributes, refused: false };
  }

  private openingSpan(node: Directive, span: Span, syntax: DirectiveSyntax): Span {
    if (node.type === 'containerDirective') return { start: span.start, end: trimEnd(this.text, span.start, syntax.firstLineEnd) };
    return { start: span.start, end: syntax.nameEnd + (syntax.label ? 1 : 0) };
  }

  private contentSpan(node: Directive, span: Span, syntax: DirectiveSyntax): Span {
    if (node.type !== 'containerDirective') return syntax.label ?? { start: syntax.nameEnd, end: syntax.nameEnd };
    const start = syntax.label?.start ?? Math.min(span.end, syntax.firstLineEnd);
    return { start, end: closingFence(this.text, span, syntax.firstLineEnd)?.start ?? span.end };
  }
}

/** The index of the first span (sorted by start) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return partitionPoint(spans.length, (i) => spans[i]!.start < offset && spans[i]!.end <= offset);
}

/** The node's span in its block's text (the tree's positions are in the document's, the block at `base`). */
function spanOf(node: Nodes, base: number): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start: start - base, end: end - base };
}

function countColons(text: string, start: number): number {
  let end = start;
  while (text[end] === ':') end++;
  return end - start;
}


function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** The span of a container's closing `:::` line (its quote or list prefix included), when it has one. */
export function closingFence(text: string, span: Span, firstLineEnd: number): Span | undefined {
  if (span.end <= firstLineEnd) return undefined;
  const source = text.slice(span.start, span.end);
  const lastLine = /(?:^|[\r\n])([ \t>]*:{3,}[ \t]*)$/.exec(source);
  if (!lastLine) return undefined;
  const start = span.start + lastLine.index + lastLine[0].length - lastLine[1]!.length;
  return start > firstLineEnd ? { start, end: span.end } : undefined;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
