import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { JUDGMENT_KINDS } from '../language/standards.js';
import { MappedTextBuilder, type MappedText } from '../text/mappedText.js';
import { partitionPoint } from '../text/textHelpers.js';
import type { Span } from '../types.js';
import type { Marker, NearMiss } from './model.js';

/** What is removed from the text read, and breaks a term: code, raw HTML, images, footnote references. */
const REMOVED_TYPES = new Set(['inlineCode', 'code', 'html', 'image', 'imageReference', 'footnoteReference', 'definition', 'footnoteDefinition', 'yaml']);
/** Inline nodes whose children are read; any other node with children is a block, which ends with white space. */
const INLINE_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const DIRECTIVE_TYPES = new Set(['textDirective', 'leafDirective', 'containerDirective']);
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;

/**
 * Gives each claim and hypothesis `prose`: the text read for likelihood terms and confidence
 * phrases, that is the rendered text of its own content and then of each footnote it references.
 * Emphasis is transparent and link text is read; code, raw HTML, images, autolinks, footnote
 * references, nested markers (and near misses) and the citations `removed` names are removed and
 * break a term. Runs as part of building the model: the tree is not kept.
 */
export function readMarkerProse(tree: Root, text: string, markers: readonly Marker[], nearMisses: readonly NearMiss[], removed: readonly Span[]): void {
  const judgments = new Map(markers.filter((marker) => JUDGMENT_KINDS.has(marker.kind)).map((marker) => [marker.span.start, marker]));
  if (judgments.size === 0) return;
  const nested = new Set([...markers.map((marker) => marker.span.start), ...nearMisses.map((miss) => miss.opening.start)]);
  new ProseReader(text, nested, distinctSorted(removed)).read(tree, judgments);
}

class ProseReader {
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly footnoteTexts = new Map<string, MappedText>();

  constructor(
    private readonly text: string,
    /** Where the directives that are markers or near misses start. */
    private readonly nested: ReadonlySet<number>,
    private readonly removed: readonly Span[],
  ) {}

  read(tree: Root, judgments: ReadonlyMap<number, Marker>): void {
    const found: [Marker, Nodes][] = [];
    this.find(tree, judgments, found);
    for (const [marker, node] of found) (marker as { prose?: readonly MappedText[] }).prose = this.proseOf(node);
  }

  private find(node: Nodes, judgments: ReadonlyMap<number, Marker>, found: [Marker, Nodes][]): void {
    if (node.type === 'footnoteDefinition' && !this.footnotes.has(node.identifier)) this.footnotes.set(node.identifier, node);
    const marker = DIRECTIVE_TYPES.has(node.type) ? judgments.get(node.position?.start.offset ?? -1) : undefined;
    if (marker) found.push([marker, node]);
    if ('children' in node) for (const child of node.children) this.find(child, judgments, found);
  }

  private proseOf(marker: Nodes): MappedText[] {
    const own = new MappedTextBuilder();
    const references: string[] = [];
    if ('children' in marker) for (const child of marker.children) this.readNode(child, own, references);
    const footnotes = [...new Set(references)].flatMap((identifier) => this.footnoteText(identifier) ?? []);
    return [own.build(), ...footnotes].filter((prose) => prose.text.trim() !== '');
  }

  /** A footnote's text, read once however many markers reference it; its own references are not followed. */
  private footnoteText(identifier: string): MappedText | undefined {
    const definition = this.footnotes.get(identifier);
    if (!definition) return undefined;
    let prose = this.footnoteTexts.get(identifier);
    if (!prose) {
      const builder = new MappedTextBuilder();
      for (const child of definition.children) this.readNode(child, builder, []);
      this.footnoteTexts.set(identifier, (prose = builder.build()));
    }
    return prose;
  }

  private readNode(node: Nodes, out: MappedTextBuilder, references: string[]): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // Only nodes of GFM's autolink literals lack a position: an autolink is not read.
    if (start === undefined || end === undefined) return out.appendBreak(out.end);
    if (node.type === 'footnoteReference') references.push(node.identifier);
    if (REMOVED_TYPES.has(node.type)) return out.appendBreak(start);
    if (DIRECTIVE_TYPES.has(node.type)) {
      // A directive that is no marker is prose (`10:30`): its source text is read.
      return this.nested.has(start) ? out.appendBreak(start) : this.appendSource(out, this.text.slice(start, end), start);
    }
    if (node.type === 'text') return this.appendAligned(out, node.value, start, end);
    if (node.type === 'break') return out.append('\n', start);
    // A link's text is read; an autolink (`<https://…>`, `www.…`) is not.
    if ((node.type === 'link' || node.type === 'linkReference') && this.text[start] !== '[') return out.appendBreak(start);
    if ('children' in node) for (const child of node.children) this.readNode(child, out, references);
    if (!INLINE_PARENTS.has(node.type)) out.append('\n', end);
  }

  /**
   * Appends a text node's value where it stands between `start` and `end`. The value differs from
   * the source where Markdown took characters out: line prefixes (`> `, indentation), backslash
   * escapes and character references; each character is mapped to where it is written.
   */
  private appendAligned(out: MappedTextBuilder, value: string, start: number, end: number): void {
    if (this.text.slice(start, end) === value) return this.appendSource(out, value, start);
    let piece = '';
    let pieceStart = start;
    let at = start;
    for (let i = 0; i < value.length; ) {
      const char = String.fromCodePoint(value.codePointAt(i)!);
      const written = this.writtenAt(value, i, char, at, end);
      if (written.start !== pieceStart + piece.length) {
        this.appendSource(out, piece, pieceStart);
        piece = '';
        pieceStart = written.start;
      }
      piece += char;
      at = written.end;
      i += char.length;
    }
    this.appendSource(out, piece, pieceStart);
  }

  /**
   * Where `char`, at `index` of a text node's value, is written, from `at` on: as itself, escaped,
   * as a character reference (`&amp;` read as `&`, unless the value holds `&amp;` itself), or
   * after a line prefix; where it would be written when none of these fits.
   */
  private writtenAt(value: string, index: number, char: string, at: number, end: number): Span {
    const { text } = this;
    const reference = text[at] === '&' ? CHARACTER_REFERENCE.exec(text.slice(at, at + 40)) : null;
    if (reference && !value.startsWith(reference[0], index)) return { start: at, end: at + reference[0].length };
    if (text.startsWith(char, at)) return { start: at, end: at + char.length };
    if (text[at] === '\\' && text.startsWith(char, at + 1)) return { start: at + 1, end: at + 1 + char.length };
    let skipped = at;
    while (skipped < end && /[ \t>]/.test(text[skipped]!)) skipped++;
    return text.startsWith(char, skipped) ? { start: skipped, end: skipped + char.length } : { start: at, end: at };
  }

  /** Appends text written at `start`, without the citations in it (each a break). */
  private appendSource(out: MappedTextBuilder, piece: string, start: number): void {
    let from = 0;
    for (let i = this.firstRemovedEndingAfter(start); i < this.removed.length && this.removed[i]!.start < start + piece.length; i++) {
      const cut = this.removed[i]!;
      out.append(piece.slice(from, Math.max(from, cut.start - start)), start + from);
      out.appendBreak(Math.max(start, cut.start));
      from = Math.max(from, cut.end - start);
    }
    if (from < piece.length) out.append(piece.slice(from), start + from);
  }

  private firstRemovedEndingAfter(offset: number): number {
    return partitionPoint(this.removed.length, (i) => this.removed[i]!.end <= offset);
  }
}

/** The spans by their start, each once (the items of one bracketed citation share its span). */
function distinctSorted(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return sorted.filter((span, i) => i === 0 || span.start !== sorted[i - 1]!.start);
}
