import type { Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { LineIndex } from '../text/lineIndex.js';
import { splitBlocks } from './blocks.js';
import { parseMarkdown, parseText, type ParsedMarkdown, type SkippedPart } from './parseMarkdown.js';

/** One top-level block, parsed alone, with its tree shifted to where the block now lies. */
interface ParsedBlock {
  readonly text: string;
  /** The definitions of other blocks that the block was parsed with, as their stub text. */
  readonly stubs: string;
  readonly children: RootContent[];
  /** Refused attribute blocks, by offset in the block. */
  readonly refused: ReadonlyMap<number, string>;
  /** Skipped parts, by offset in the block. */
  readonly skipped: readonly SkippedPart[];
  /** Link reference and footnote labels the block defines, as written (`[x]`, `[^n]`). */
  readonly defines: readonly string[];
  /**
   * Whether a definition lies inside a container directive. micromark makes such a definition
   * visible to some text of other blocks and not to other text (not to top-level text before
   * it): stubs cannot say that, so such a document is parsed whole.
   */
  readonly definesInContainer: boolean;
  /** Where the tree's positions currently put the block. */
  offset: number;
  line: number;
}

/**
 * Parses successive versions of one document, parsing again only the top-level blocks an edit
 * touched and moving the others. The result equals a full `parseMarkdown` of the same text.
 *
 * Link reference and footnote definitions reach across blocks, so each block is parsed with
 * stubs of the other blocks' definitions that it may use; when the document's definitions change,
 * the blocks that mention a changed label are parsed again.
 */
export class IncrementalParser {
  private blocks: ParsedBlock[] = [];
  /** Every block was parsed with the stubs of the definitions that all the blocks make. */
  private stubsSettled = true;

  parse(text: string): ParsedMarkdown {
    const lines = new LineIndex(text);
    const starts = splitBlocks(text);
    const texts = starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
    const reusable = groupByText(this.blocks);
    const previousDefinitions = definitionsOf(this.blocks);
    const firstPass = texts.map((blockText, i) => take(reusable, blockText, i === 0) ?? this.parseBlock(blockText, i === 0, stubText(previousDefinitions, blockText)));
    if (firstPass.some((block) => block.definesInContainer)) return this.parseWhole(text, firstPass);
    const definitions = definitionsOf(firstPass);
    // Blocks got the stubs of the previous definitions: when those stand, every block is right.
    const blocks = this.stubsSettled && sameList(definitions, previousDefinitions) ? firstPass : firstPass.map((block, i) => {
      const stubs = stubText(definitions, block.text);
      return stubs === block.stubs ? block : this.parseBlock(block.text, i === 0, stubs);
    });
    blocks.forEach((block, i) => moveBlock(block, starts[i]!, lines.positionAt(starts[i]!).line));
    this.blocks = blocks;
    this.stubsSettled = true;
    return assemble(text, lines, blocks);
  }

  /** Parses the document whole, keeping the blocks read so far (their stubs unchecked) for the next version. */
  private parseWhole(text: string, blocks: ParsedBlock[]): ParsedMarkdown {
    this.blocks = blocks;
    this.stubsSettled = false;
    return parseMarkdown(text);
  }

  private parseBlock(text: string, isFirst: boolean, stubs: string): ParsedBlock {
    const parsed = parseText(text + stubs, isFirst);
    const children = stubs === '' ? parsed.tree.children : trimTo(parsed.tree.children, text.length, new LineIndex(text));
    const definitions = definitionsIn(children);
    return {
      text,
      stubs,
      children,
      refused: new Map([...parsed.refusedAttributeBlocks].filter(([offset]) => offset < text.length)),
      skipped: parsed.skipped.filter(({ span }) => span.start < text.length).map(({ span, cause }) => ({ span: { start: span.start, end: Math.min(span.end, text.length) }, cause })),
      defines: definitions.map((definition) => definition.label),
      definesInContainer: definitions.some((definition) => definition.inContainer),
      offset: 0,
      line: 0,
    };
  }
}

function groupByText(blocks: readonly ParsedBlock[]): Map<string, ParsedBlock[]> {
  const groups = new Map<string, ParsedBlock[]>();
  blocks.forEach((block, i) => {
    const key = `${i === 0 ? 'first:' : ''}${block.text}`;
    groups.set(key, [...(groups.get(key) ?? []), block]);
  });
  return groups;
}

function take(groups: Map<string, ParsedBlock[]>, text: string, isFirst: boolean): ParsedBlock | undefined {
  return groups.get(`${isFirst ? 'first:' : ''}${text}`)?.shift();
}

function definitionsOf(blocks: readonly ParsedBlock[]): string[] {
  return [...new Set(blocks.flatMap((block) => block.defines))].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The document's definitions that a block may use, as text to parse after it: those whose label
 * the block writes in brackets (`[label]`, `[text][label]`, `[^note]`), compared as CommonMark
 * compares labels. One too many changes nothing; a block's own definitions come first, so win.
 */
function stubText(definitions: readonly string[], text: string): string {
  if (definitions.length === 0 || !text.includes('[')) return '';
  const used = new Set([...text.matchAll(/\[([^[\]]+)\]/g)].map((match) => normalizeLabel(match[1]!)));
  return definitions
    .filter((label) => used.has(normalizeLabel(label.slice(1, -1))))
    .map((label) => `\n\n${label}: #`)
    .join('');
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The definitions a block's tree holds: their labels as written, and whether a container directive holds them. */
function definitionsIn(children: readonly RootContent[]): { label: string; inContainer: boolean }[] {
  const found: { label: string; inContainer: boolean }[] = [];
  const visit = (node: Nodes, inContainer: boolean) => {
    if (node.type === 'definition') found.push({ label: `[${node.label ?? node.identifier}]`, inContainer });
    else if (node.type === 'footnoteDefinition') found.push({ label: `[^${node.label ?? node.identifier}]`, inContainer });
    if ('children' in node) for (const child of node.children) visit(child, inContainer || node.type === 'containerDirective');
  };
  for (const child of children) visit(child, false);
  return found;
}

/** Drops what the stubs added past the block's end, and ends what ran into them at the block's end. */
function trimTo<T extends Nodes>(nodes: readonly T[], length: number, lines: LineIndex): T[] {
  const end = lines.positionAt(length);
  const endPoint: Point = { line: end.line + 1, column: end.character + 1, offset: length };
  return nodes
    .filter((node) => (node.position?.start.offset ?? 0) < length)
    .map((node) => {
      if (node.position?.end.offset !== undefined && node.position.end.offset > length) node.position.end = { ...endPoint };
      if ('children' in node) (node as { children: Nodes[] }).children = trimTo(node.children as Nodes[], length, lines);
      return node;
    });
}

/** Shifts a block's tree to its new place: offsets and lines move, columns stay (blocks start lines). */
function moveBlock(block: ParsedBlock, offset: number, line: number): void {
  const deltaOffset = offset - block.offset;
  const deltaLine = line - block.line;
  if (deltaOffset === 0 && deltaLine === 0) return;
  const shift = (point: Point) => {
    point.line += deltaLine;
    if (point.offset !== undefined) point.offset += deltaOffset;
  };
  const visit = (node: Nodes) => {
    const position: Position | undefined = node.position;
    if (position) {
      shift(position.start);
      shift(position.end);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  block.children.forEach(visit);
  block.offset = offset;
  block.line = line;
}

function assemble(text: string, lines: LineIndex, blocks: readonly ParsedBlock[]): ParsedMarkdown {
  const end = lines.positionAt(text.length);
  const tree: Root = {
    type: 'root',
    children: blocks.flatMap((block) => block.children),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + 1, column: end.character + 1, offset: text.length } },
  };
  const refused = new Map(blocks.flatMap((block) => [...block.refused].map(([at, original]) => [at + block.offset, original] as const)));
  const skipped = blocks.flatMap((block) => block.skipped.map(({ span, cause }) => ({ span: { start: span.start + block.offset, end: span.end + block.offset }, cause })));
  return { text, tree, refusedAttributeBlocks: refused, skipped };
}
