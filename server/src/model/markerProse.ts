import type { FootnoteDefinition, Nodes } from 'mdast';
import type { TreeBlock } from '../parse/parseMarkdown.js';
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

/** What one top-level block says of the prose of its judgments, in the offsets it was read at. */
interface BlockProse {
  /** Where the block started when it was read: its offsets move with it. */
  readonly offset: number;
  /** By where each judgment in it started: its own text, and the footnotes it references, in order. */
  readonly judgments: ReadonlyMap<number, { readonly own: MappedText; readonly references: readonly string[] }>;
  /** The footnotes the block defines, the first of each identifier. */
  readonly footnotes: ReadonlyMap<string, MappedText>;
}

/** The prose read from the blocks of the versions before, while the parser keeps the blocks. */
const proseByBlock = new WeakMap<TreeBlock, BlockProse>();

/** What reading a block's prose needs of the whole document; made only when a block is read. */
export interface ProseSources {
  /** The text as the parser read it. */
  readonly text: string;
  readonly markers: readonly Marker[];
  readonly nearMisses: readonly NearMiss[];
  /** The citations, which are removed from the text read. */
  readonly removed: readonly Span[];
}

/**
 * Gives each claim and hypothesis `prose`: the text read for likelihood terms and confidence
 * phrases, that is the rendered text of its own content and then of each footnote it references.
 * Emphasis is transparent and link text is read; code, raw HTML, images, autolinks, footnote
 * references, nested markers (and near misses) and the citations are removed and break a term.
 * Each block is read once, while the parser keeps it; footnotes are resolved across blocks.
 * `blocks`: the document's, in order, as the parser left them; `markers`: the model's.
 */
export function readMarkerProse(blocks: readonly TreeBlock[], markers: readonly Marker[], sources: () => ProseSources): void {
  if (!markers.some((marker) => JUDGMENT_KINDS.has(marker.kind))) return;
  let reader: ProseReader | undefined;
  const read = blocks.map((block) => {
    let prose = proseByBlock.get(block);
    if (!prose) proseByBlock.set(block, (prose = (reader ??= ProseReader.of(sources())).readBlock(block)));
    return { block, prose, moved: block.offset - prose.offset };
  });
  const footnotes = new Map<string, MappedText>();
  for (const { prose, moved } of read) for (const [identifier, text] of prose.footnotes) if (!footnotes.has(identifier)) footnotes.set(identifier, shifted(text, moved));
  let at = 0;
  for (const marker of markers) {
    if (!JUDGMENT_KINDS.has(marker.kind)) continue;
    while (at < read.length - 1 && read[at + 1]!.block.offset <= marker.span.start) at++;
    const { prose, moved } = read[at]!;
    const judgment = prose.judgments.get(marker.span.start - moved);
    const own = judgment ? [shifted(judgment.own, moved)] : [];
    const referenced = [...new Set(judgment?.references)].flatMap((identifier) => footnotes.get(identifier) ?? []);
    (marker as { prose?: readonly MappedText[] }).prose = [...own, ...referenced].filter((text) => text.text.trim() !== '');
  }
}

/** A mapped text whose document moved by `moved` characters. */
function shifted(mapped: MappedText, moved: number): MappedText {
  return moved === 0 ? mapped : { text: mapped.text, runs: mapped.runs.map((run) => ({ at: run.at, start: run.start + moved })) };
}

class ProseReader {
  static of({ text, markers, nearMisses, removed }: ProseSources): ProseReader {
    const judgments = new Set(markers.filter((marker) => JUDGMENT_KINDS.has(marker.kind)).map((marker) => marker.span.start));
    const nested = new Set([...markers.map((marker) => marker.span.start), ...nearMisses.map((miss) => miss.opening.start)]);
    return new ProseReader(text, judgments, nested, distinctSorted(removed));
  }

  private constructor(
    private readonly text: string,
    /** Where the judgments start. */
    private readonly judgments: ReadonlySet<number>,
    /** Where the directives that are markers or near misses start. */
    private readonly nested: ReadonlySet<number>,
    private readonly removed: readonly Span[],
  ) {}

  readBlock(block: TreeBlock): BlockProse {
    const judgments = new Map<number, { own: MappedText; references: string[] }>();
    const footnotes = new Map<string, MappedText>();
    const visit = (node: Nodes) => {
      const start = node.position?.start.offset ?? -1;
      if (node.type === 'footnoteDefinition' && !footnotes.has(node.identifier)) footnotes.set(node.identifier, this.footnoteText(node));
      if (DIRECTIVE_TYPES.has(node.type) && this.judgments.has(start)) judgments.set(start, this.ownProse(node));
      if ('children' in node) for (const child of node.children) visit(child);
    };
    block.children.forEach(visit);
    return { offset: block.offset, judgments, footnotes };
  }

  private ownProse(marker: Nodes): { own: MappedText; references: string[] } {
    const own = new MappedTextBuilder();
    const references: string[] = [];
    if ('children' in marker) for (const child of marker.children) this.readNode(child, own, references);
    return { own: own.build(), references };
  }

  /** A footnote's text; its own references are not followed. */
  private footnoteText(definition: FootnoteDefinition): MappedText {
    const builder = new MappedTextBuilder();
    for (const child of definition.children) this.readNode(child, builder, []);
    return builder.build();
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
