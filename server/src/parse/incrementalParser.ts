import type { Nodes, Root, RootContent } from 'mdast';
import { LineIndex } from '../text/lineIndex.js';
import { lineEndAt, sameList } from '../text/textHelpers.js';
import { TextShift } from '../text/textShift.js';
import type { Span } from '../types.js';
import { blockEnds, opensUnclosedFrontMatter } from './blocks.js';
import { parseMarkdown, parseText, type ParsedMarkdown, type SkippedPart } from './parseMarkdown.js';
import { runToEnd, type Steps } from './steps.js';
import { shiftTreePoints } from './treePositions.js';

/**
 * The definitions of a document as its blocks see them. micromark reads the text of top-level
 * paragraphs in order, the flow inside container directives as it meets them, and the text
 * inside containers last: a definition in a container is seen by the top-level text after it and
 * by text inside every container, not by the top-level text before it. So a block is parsed with
 * the other blocks' top-level definitions and the container definitions of the blocks before it
 * as plain stubs after it, and those of the blocks after it in a container stub after that, which
 * only the block's own container text sees.
 */
interface Definitions {
  readonly topLevel: readonly string[];
  readonly inContainers: readonly { readonly block: ParsedBlock; readonly labels: readonly string[] }[];
}

const NO_DEFINITIONS: Definitions = { topLevel: [], inContainers: [] };

/** One top-level block, parsed alone, with its tree shifted to where the block now lies. */
interface ParsedBlock {
  readonly text: string;
  readonly isFirst: boolean;
  /**
   * Whether the block was parsed after an unclosed front matter opening (see
   * `opensUnclosedFrontMatter`). Only a block that may start a container parses otherwise after
   * one, so an edit that opens or closes the front matter parses again only such blocks.
   */
  readonly afterUnclosed: boolean;
  /** The line parsed after the block to see whether it ends there ('' for the last block). */
  readonly probe: string;
  /** The definitions of other blocks that the block was parsed with, as their stub text. */
  readonly stubs: string;
  /** The labels the block writes in brackets, compared as CommonMark compares labels: the definitions it may use. */
  readonly uses: ReadonlySet<string>;
  /** The document's definitions the stubs were chosen from. */
  against: Definitions;
  /** Whether everything the block opened ends before the probe, so that the next block parses alone as in the whole. */
  readonly endsHere: boolean;
  /** Its top-level nodes, their positions where the block now lies. */
  readonly children: RootContent[];
  readonly tree: BlockTree;
  /** Refused attribute blocks, by offset in the block. */
  readonly refused: ReadonlyMap<number, string>;
  /** Skipped parts, by offset in the block. */
  readonly skipped: readonly SkippedPart[];
  /** Link reference and footnote labels the block defines outside containers, as written (`[x]`, `[^n]`). */
  readonly defines: readonly string[];
  /** Labels the block defines in a top-level container directive (see `Definitions`). */
  readonly definesInContainer: readonly string[];
  /**
   * Whether a definition lies deeper: in a container directive inside another container, where
   * micromark's order of reading is not modelled by stubs, so that the document is parsed whole.
   */
  readonly definesDeeper: boolean;
  /** Where the block now lies. */
  offset: number;
  line: number;
}

/**
 * A block's top-level nodes, whose positions are moved to where the block lies only when they are
 * read: the model keeps what it read of each block, so the trees of the blocks an edit moves are
 * mostly never read again.
 */
class BlockTree {
  constructor(
    private readonly nodes: RootContent[],
    private offset: number,
    private line: number,
  ) {}

  at(offset: number, line: number): RootContent[] {
    if (offset !== this.offset || line !== this.line) {
      shiftTreePoints(this.nodes, offset - this.offset, line - this.line);
      this.offset = offset;
      this.line = line;
    }
    return this.nodes;
  }
}

/**
 * Parses successive versions of one document, parsing again only the top-level blocks an edit
 * touched and moving the others. The result equals a full `parseMarkdown` of the same text.
 *
 * `blockEnds` only proposes where blocks end. Each block is parsed with a probe after it: a
 * line that starts a top-level node exactly where the next block starts only when nothing the
 * block opened (a fence, a container, an HTML block, a list the next line would continue) is
 * still open there. Where the probe shows otherwise, the block is joined with the next ones
 * until its text doubles, so that a document the splitter misreads costs at most two parses;
 * and from each block end accepted, the splitter reads again with nothing open, so that one
 * misread does not mislead it for the rest of the document.
 * The parse of a block that starts where the whole document's parse starts a top-level node is,
 * up to the probe, the parse of the whole over the same lines; so the result is the whole's.
 *
 * Link reference and footnote definitions reach across blocks, so each block is parsed with
 * stubs of the other blocks' definitions that it may use; when the document's definitions change,
 * the blocks that mention a changed label are parsed again.
 */
export class IncrementalParser {
  /** The last version: its text, its blocks and those that a probe refused. */
  private previous: Version | undefined;
  private definitions: Definitions = NO_DEFINITIONS;

  /**
   * `minimumBlock`: the least length of a block. Each parse costs a setup whatever its length,
   * so a text read only once is best parsed in long blocks, and one being edited in short ones,
   * of which an edit parses again only those it touched.
   */
  constructor(private readonly minimumBlock = 0) {}

  /** A parser for a text read once, as on the command line. */
  static readingOnce(): IncrementalParser {
    return new IncrementalParser(16_000);
  }

  parse(text: string): ParsedMarkdown {
    return runToEnd(this.parseInSteps(text));
  }

  /**
   * The same parse, pausing after each block it parses. A parse left unfinished changes nothing:
   * the parser's state is read at the start and written only at the end, in the step that
   * returns the tree, since another parse may finish while this one pauses.
   */
  *parseInSteps(text: string): Steps<ParsedMarkdown> {
    // What the edit changed is found once, and the line index is moved across it rather than read again.
    const changed = this.previous && TextShift.between(this.previous.text, text).changed;
    const lines = changed ? this.previous!.lines.afterEdit(text, changed.from, changed.to) : new LineIndex(text);
    const previous = this.previous ? this.definitions : definitionsWrittenIn(text);
    const refused: ParsedBlock[] = [];
    const unclosed = opensUnclosedFrontMatter(text);
    const unchanged = unchangedBlocks(this.previous, text, unclosed, changed?.from);
    const reusable = groupByText(unchanged.others);
    const firstPass: ParsedBlock[] = [...unchanged.before];
    const earlier = new Set<ParsedBlock>(firstPass);
    let start = firstPass.reduce((end, block) => end + block.text.length, 0);
    while (start < text.length || firstPass.length === 0) {
      const rest = unchanged.after.get(start);
      if (rest !== undefined) {
        for (let i = rest; i < unchanged.blocks.length; i++) firstPass.push(unchanged.blocks[i]!);
        break;
      }
      const block = yield* this.blockAt(text, start, { unclosed, definitions: previous, earlier }, reusable, refused);
      firstPass.push(block);
      earlier.add(block);
      start += block.text.length;
    }
    const found = definitionsOf(firstPass);
    const definitions = sameDefinitions(found, previous) ? previous : found;
    if (firstPass.some((block) => block.definesDeeper)) {
      this.previous = { text, lines, blocks: firstPass, refused, unclosed };
      this.definitions = definitions;
      // One block is the whole text, parsed alone with nothing around it: already the whole parse.
      return firstPass.length === 1 ? assemble(text, lines, firstPass) : parseMarkdown(text);
    }
    const blocks: ParsedBlock[] = [];
    earlier.clear();
    for (const block of firstPass) {
      const current = block.against === definitions ? block : yield* this.restub(block, definitions, earlier);
      blocks.push(current);
      earlier.add(block);
    }
    this.previous = { text, lines, blocks, refused, unclosed };
    this.definitions = definitions;
    let at = 0;
    for (const block of blocks) {
      block.offset = at;
      block.line = lines.positionAt(at).line;
      at += block.text.length;
    }
    return assemble(text, lines, blocks);
  }

  /**
   * The block that starts at `start`: the first block proposed from there whose probe shows it
   * ends where proposed, joined with the next proposed blocks until one does (the blocks tried
   * and refused go to `refused`, for the next version).
   */
  private *blockAt(text: string, start: number, document: { unclosed: boolean; definitions: Definitions; earlier: ReadonlySet<ParsedBlock> }, reusable: Map<string, ParsedBlock[]>, refused: ParsedBlock[]): Steps<ParsedBlock> {
    const ends = blockEnds(text, start);
    let end = ends.next().value!;
    while (end < text.length && end - start < this.minimumBlock) end = ends.next().value!;
    for (;;) {
      const blockText = text.slice(start, end);
      const probe = probeBefore(end < text.length ? text.slice(end, lineEndAt(text, end)) : undefined, document.unclosed);
      const kind = { isFirst: start === 0, afterUnclosed: document.unclosed && start > 0 && mayStartContainer(blockText), probe };
      const block = take(reusable, kind, blockText) ?? (yield* this.parseBlockStep(blockText, kind, document.definitions, document.earlier));
      if (block.endsHere) return block;
      refused.push(block);
      // Joined until the text doubles, so that the attempts cost at most as much again as the block.
      while (end < text.length && end - start < 2 * blockText.length) end = ends.next().value!;
    }
  }

  /** The block parsed again if the document's definitions give it other stubs, else the block itself. */
  /** `earlier`: the blocks before this one in the document. */
  private *restub(block: ParsedBlock, definitions: Definitions, earlier: ReadonlySet<ParsedBlock>): Steps<ParsedBlock> {
    if (stubsFor(block.uses, block, definitions, earlier, block) !== block.stubs) return yield* this.parseBlockStep(block.text, block, definitions, earlier, block);
    block.against = definitions;
    return block;
  }

  /** `replacing`: the block's parse for the version before, whose container definitions are its own. */
  private *parseBlockStep(text: string, kind: BlockKind, definitions: Definitions, earlier: ReadonlySet<ParsedBlock>, replacing?: ParsedBlock): Steps<ParsedBlock> {
    const block = this.parseBlock(text, kind, definitions, earlier, replacing);
    yield;
    return block;
  }

  /**
   * Parses a block with its probe and stubs after it, or, for the last block, its stubs before
   * it, where nothing the block leaves open can swallow them (the first block has no stubs when
   * it is the last: it is the whole document).
   */
  private parseBlock(text: string, kind: BlockKind, definitions: Definitions, earlier: ReadonlySet<ParsedBlock>, replacing?: ParsedBlock): ParsedBlock {
    const { isFirst, afterUnclosed, probe } = kind;
    const uses = replacing?.text === text ? replacing.uses : labelsUsedIn(text);
    const stubs = stubsFor(uses, kind, definitions, earlier, replacing);
    const stubsBefore = probe === '' && stubs !== '';
    const before = `${afterUnclosed ? UNCLOSED_OPENING : ''}${stubsBefore ? `${stubs.slice(2)}\n\n` : ''}`;
    const after = stubsBefore ? '' : probe + stubs;
    const parsed = parseText(before + text + after, isFirst || afterUnclosed);
    const start = before.length;
    const end = start + text.length;
    // Where the probe starts a node, no node of the block runs past its end.
    const children = parsed.tree.children.filter((node) => offsetOf(node) >= start && offsetOf(node) < end);
    const definitionsHere = definitionsIn(children);
    const line = start === 0 ? 0 : new LineIndex(before).positionAt(start).line;
    return {
      text,
      isFirst,
      afterUnclosed,
      probe,
      stubs,
      uses,
      against: definitions,
      endsHere: probe === '' || probeStartsFresh(probe, parsed.tree.children, end),
      tree: new BlockTree(children, start, line),
      get children() {
        return this.tree.at(this.offset, this.line);
      },
      refused: new Map([...parsed.refusedAttributeBlocks].filter(([offset]) => offset >= start && offset < end).map(([offset, original]) => [offset - start, original])),
      skipped: parsed.skipped
        .filter(({ span }) => span.end > start && span.start < end)
        .map(({ span, cause }) => ({ span: { start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start }, cause })),
      defines: definitionsHere.filter((definition) => definition.depth === 0).map((definition) => definition.label),
      definesInContainer: definitionsHere.filter((definition) => definition.depth === 1).map((definition) => definition.label),
      definesDeeper: definitionsHere.some((definition) => definition.depth > 1),
      offset: start,
      line,
    };
  }
}

/** A version as the parser read it. */
interface Version {
  readonly text: string;
  readonly lines: LineIndex;
  readonly blocks: readonly ParsedBlock[];
  /** The blocks a probe refused. */
  readonly refused: readonly ParsedBlock[];
  readonly unclosed: boolean;
}

/**
 * The blocks of the previous version that an edit to `text` cannot have changed, found without
 * reading the text again: `before`, those before the edit whose probe line lies before it too
 * (the splitter and the probe read nothing further); `after`, by where they would start in
 * `text`, the blocks from each block start after the edit on (the splitter reads from a block
 * start with nothing open, and reads the same text from there); and `others`, the rest, which
 * the blocks the edit touched may still reuse. `changed`: the stretch of the previous text that
 * differs from `text`.
 */
function unchangedBlocks(previous: Version | undefined, text: string, unclosed: boolean, changed: Span | undefined): UnchangedBlocks {
  if (!previous || !changed || previous.unclosed !== unclosed) return { blocks: [], before: [], after: new Map(), others: previous ? [...previous.refused, ...previous.blocks] : [] };
  const { blocks } = previous;
  const prefix = changed.start;
  const suffix = previous.text.length - changed.end;
  let before = 0;
  let start = 0;
  while (before < blocks.length && lineEndAt(previous.text, start + blocks[before]!.text.length) < prefix) start += blocks[before++]!.text.length;
  let firstAfter = blocks.length;
  for (let end = previous.text.length; firstAfter > before; firstAfter--) {
    const blockStart = end - blocks[firstAfter - 1]!.text.length;
    if (blockStart === 0 || blockStart < previous.text.length - suffix) break;
    end = blockStart;
  }
  const after = new Map<number, number>();
  let at = start + text.length - previous.text.length;
  for (let i = before; i < firstAfter; i++) at += blocks[i]!.text.length;
  for (let i = firstAfter; i < Math.min(blocks.length, firstAfter + AFTER_STARTS); at += blocks[i++]!.text.length) after.set(at, i);
  return { blocks, before: blocks.slice(0, before), after, others: [...previous.refused, ...blocks.slice(before, firstAfter + AFTER_STARTS)] };
}

/**
 * How many block starts after an edit may end the parse of the blocks it touched: where the
 * parse goes on past them (an edit that opened a fence), it reads the rest again.
 */
const AFTER_STARTS = 8;

interface UnchangedBlocks {
  /** The previous version's blocks. */
  readonly blocks: readonly ParsedBlock[];
  readonly before: readonly ParsedBlock[];
  /** Where a block of `blocks` would start in the new text: its index. */
  readonly after: ReadonlyMap<number, number>;
  readonly others: readonly ParsedBlock[];
}

/** What, besides its text, decides how a block parses. */
interface BlockKind {
  readonly isFirst: boolean;
  readonly afterUnclosed: boolean;
  readonly probe: string;
}

/** An opening of front matter, parsed before a block of a document that never closes its own. */
const UNCLOSED_OPENING = '---\n\n';

/** Whether a line of the text may start a list item, a block quote or a footnote definition (one too many is safe). */
function mayStartContainer(text: string): boolean {
  return /^[ \t]*(?:(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)|>|\[\^)/m.test(text);
}

/**
 * The line parsed after a block followed by `next`: the container that `next` opens (a list
 * item with its marker, empty if `next`'s is; a block quote; a footnote definition with its
 * label), since micromark ends what a block leaves open according to whether a new container
 * starts, only a list item continues a list across a blank line, and after an indented code
 * block an empty item or one not numbered 1 starts no list; else (a thematic break such as
 * `* * *` too) a paragraph, as always where front matter is left unclosed (no container starts
 * then). None can swallow the stubs after it, and none defines a link: `<` is no link
 * destination, for where footnotes do not parse.
 */
function probeBefore(next: string | undefined, unclosed: boolean): string {
  if (next === undefined) return '';
  if (unclosed) return 'x';
  const footnote = /^\[\^(?:[^\]\\\r\n]|\\.)+\]:/.exec(next);
  if (footnote) return `${footnote[0]} <`;
  const item = /^(?:[*+-]|\d{1,9}[.)])(?=[ \t\r\n]|$)/.exec(next);
  const thematicBreak = /^([*_-])(?:[ \t]*\1){2,}[ \t]*$/.test(next);
  if (item && !thematicBreak) return /^[ \t]*(?:[\r\n]|$)/.test(next.slice(item[0].length)) ? item[0] : `${item[0]} x`;
  return next.startsWith('>') ? '> x' : 'x';
}

/** What a probe is when parsed alone, by probe (a few dozen at most in a real document). */
const probeTypes = new Map<string, string | undefined>();

/** Whether the probe is, after the block, what it is alone, starting where the next block starts. */
function probeStartsFresh(probe: string, children: readonly RootContent[], at: number): boolean {
  const node = children.find((child) => offsetOf(child) === at);
  if (!node) return false;
  if (!probeTypes.has(probe)) {
    if (probeTypes.size >= 1000) probeTypes.clear();
    probeTypes.set(probe, parseText(probe, false).tree.children[0]?.type);
  }
  return node.type === probeTypes.get(probe);
}

function offsetOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function groupByText(blocks: readonly ParsedBlock[]): Map<string, ParsedBlock[]> {
  const groups = new Map<string, ParsedBlock[]>();
  for (const block of blocks) {
    const group = groups.get(block.text);
    if (group) group.push(block);
    else groups.set(block.text, [block]);
  }
  return groups;
}

/** Takes out of `groups` a block parsed from the same text in the same way, if any. */
function take(groups: Map<string, ParsedBlock[]>, kind: BlockKind, text: string): ParsedBlock | undefined {
  const group = groups.get(text);
  const at = group?.findIndex((block) => block.isFirst === kind.isFirst && block.afterUnclosed === kind.afterUnclosed && block.probe === kind.probe) ?? -1;
  return at === -1 ? undefined : group!.splice(at, 1)[0];
}

function definitionsOf(blocks: readonly ParsedBlock[]): Definitions {
  const topLevel = new Set<string>();
  const inContainers: { block: ParsedBlock; labels: readonly string[] }[] = [];
  for (const block of blocks) {
    for (const label of block.defines) topLevel.add(label);
    if (block.definesInContainer.length > 0) inContainers.push({ block, labels: block.definesInContainer });
  }
  return { topLevel: [...topLevel].sort(), inContainers };
}

/**
 * The top-level definitions a text seems to write, for its first parse: lines that open with a
 * bracketed label and a colon. Only a guess, for the parse finds the real ones and parses again
 * the blocks whose stubs the guess got wrong; a good guess spares parsing twice every block that
 * uses a definition.
 */
function definitionsWrittenIn(text: string): Definitions {
  const labels = new Set<string>();
  for (const match of text.matchAll(/^ {0,3}(\[(?:[^[\]\\\r\n]|\\.)+\]):/gm)) labels.add(match[1]!);
  return { topLevel: [...labels].sort(), inContainers: [] };
}

function sameDefinitions(a: Definitions, b: Definitions): boolean {
  return sameList(a.topLevel, b.topLevel) && a.inContainers.length === b.inContainers.length
    && a.inContainers.every((entry, i) => entry.block === b.inContainers[i]!.block && sameList(entry.labels, b.inContainers[i]!.labels));
}

/**
 * The document's definitions that a block may use, as text to parse with it: those whose label
 * the block writes in brackets (`[label]`, `[text][label]`, `[^note]`), compared as CommonMark
 * compares labels. One too many changes nothing. The first block has none when it is the last:
 * it is the whole document.
 */
function stubsFor(uses: ReadonlySet<string>, { isFirst, probe }: BlockKind, definitions: Definitions, earlier: ReadonlySet<ParsedBlock>, self?: ParsedBlock): string {
  const { topLevel, inContainers } = definitions;
  if ((topLevel.length === 0 && inContainers.length === 0) || (isFirst && probe === '') || uses.size === 0) return '';
  const isUsed = (label: string) => uses.has(normalizedDefinitionLabel(label));
  const others = inContainers.filter((entry) => entry.block !== self);
  const seenByAll = [...topLevel, ...others.filter((entry) => earlier.has(entry.block)).flatMap((entry) => entry.labels)].filter(isUsed);
  const seenInContainers = others.filter((entry) => !earlier.has(entry.block)).flatMap((entry) => entry.labels).filter(isUsed);
  const plain = [...new Set(seenByAll)].map((label) => `\n\n${label}: #`).join('');
  return seenInContainers.length === 0 ? plain : `${plain}\n\n:::stub\n${[...new Set(seenInContainers)].map((label) => `${label}: #`).join('\n\n')}\n:::`;
}

/** The labels a block's text writes in brackets (`[label]`, `[text][label]`, `[^note]`), normalized. */
function labelsUsedIn(text: string): ReadonlySet<string> {
  return text.includes('[') ? new Set([...text.matchAll(/\[((?:[^[\]\\]|\\.)+)\]/gs)].map((match) => normalizeLabel(match[1]!))) : NO_LABELS;
}

const NO_LABELS: ReadonlySet<string> = new Set();

/** Definition labels as written (`[x]`, `[^n]`), normalized: a document has few, and every block asks for them. */
const normalizedDefinitions = new Map<string, string>();

function normalizedDefinitionLabel(label: string): string {
  let normalized = normalizedDefinitions.get(label);
  if (normalized === undefined) {
    if (normalizedDefinitions.size >= 10_000) normalizedDefinitions.clear();
    normalized = normalizeLabel(label.slice(1, -1));
    normalizedDefinitions.set(label, normalized);
  }
  return normalized;
}

/** As micromark's `normalizeIdentifier`: `[ß]` and `[SS]` name the same definition, `[a\u00a0b]` and `[a b]` do not. */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** The definitions a block's tree holds: their labels as written, and in how many container directives. */
function definitionsIn(children: readonly RootContent[]): { label: string; depth: number }[] {
  const found: { label: string; depth: number }[] = [];
  const visit = (node: Nodes, depth: number) => {
    if (node.type === 'definition') found.push({ label: `[${node.label ?? node.identifier}]`, depth });
    else if (node.type === 'footnoteDefinition') found.push({ label: `[^${node.label ?? node.identifier}]`, depth });
    if ('children' in node) for (const child of node.children) visit(child, depth + (node.type === 'containerDirective' ? 1 : 0));
  };
  for (const child of children) visit(child, 0);
  return found;
}

function assemble(text: string, lines: LineIndex, blocks: readonly ParsedBlock[]): ParsedMarkdown {
  const end = lines.positionAt(text.length);
  // As in a full parse, the root starts after a byte-order mark.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const refused = new Map<number, string>();
  const skipped: SkippedPart[] = [];
  // Most blocks have neither: the checks spare an iterator for each of thousands of blocks.
  for (const block of blocks) {
    if (block.refused.size > 0) for (const [at, original] of block.refused) refused.set(at + block.offset, original);
    if (block.skipped.length > 0) for (const { span, cause } of block.skipped) skipped.push({ span: { start: span.start + block.offset, end: span.end + block.offset }, cause });
  }
  let tree: Root | undefined;
  return {
    text,
    // Made when read, since it moves the tree of every block (see `BlockTree`).
    get tree() {
      return (tree ??= {
        type: 'root',
        children: blocks.flatMap((block) => block.children),
        position: { start: { line: 1, column: start + 1, offset: start }, end: { line: end.line + 1, column: end.character + 1, offset: text.length } },
      });
    },
    refusedAttributeBlocks: refused,
    skipped,
    lines,
    blocks,
  };
}
