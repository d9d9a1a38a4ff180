import type { Root, RootContent, Nodes, Paragraph } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { attributeBlockEnd, attributeBlockStart, markerFenceNameEnd } from '../language/scanning.js';
import type { Span } from '../types.js';
import { frontMatterEnd } from '../text/frontMatterFence.js';
import { limitNesting } from './nesting.js';
import { moveTreePoints, shiftTreePoints } from './treePositions.js';
import { LineIndex } from '../text/lineIndex.js';

export interface ParsedMarkdown {
  readonly text: string;
  readonly tree: Root;
  /**
   * Attribute blocks of leaf and container markers that remark-directive refused, by the offset
   * of their `{`, with their original text. They were blanked (`{#e for=}` → `{        }`) and the
   * text parsed again, so that the marker is not lost; the model reads and reports the original.
   */
  readonly refusedAttributeBlocks: ReadonlyMap<number, string>;
  /** The parts left out of the tree, which the model reports: nothing is analysed in them. */
  readonly skipped: readonly SkippedPart[];
  /** The text's line index, when the parser made one (the block-wise parse does), for the model to keep. */
  readonly lines?: LineIndex;
  /**
   * The top-level blocks the tree was assembled from, when the block-wise parse made it: a block
   * reused from the version before is the same object, so that what was read from it can be kept.
   */
  readonly blocks?: readonly TreeBlock[];
}

/** Top-level nodes parsed together from one block of the text. */
export interface TreeBlock {
  readonly text: string;
  /** Where the block starts in the document, as its tree's positions say (until the next parse moves them). */
  readonly offset: number;
  readonly children: readonly RootContent[];
  /** Refused attribute blocks (see `ParsedMarkdown`), by offset in the block. */
  readonly refused: ReadonlyMap<number, string>;
  /** Skipped parts, by offset in the block. */
  readonly skipped: readonly SkippedPart[];
}

/**
 * A part nested deeper than `MAX_NESTING` or a paragraph holding more than `MAX_INLINE_SYNTAX`
 * pieces of inline syntax (both blanked before parsing), or, should the parser fail all the
 * same, the whole text it was given.
 */
export interface SkippedPart {
  readonly span: Span;
  readonly cause: 'too-deep' | 'too-dense' | 'parser-failed';
}

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
/** For a part of a document that does not start it, where `---` is a thematic break. */
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** Parses Markdown with the directive, front matter and GFM syntax. Never throws on any input. */
export function parseMarkdown(text: string): ParsedMarkdown {
  return parseText(text, true);
}

/**
 * Parses `text`, a whole document or (without front matter) a part of one. Parts nested too
 * deeply are blanked first. Leaf and container markers whose attribute block remark-directive
 * refuses are recovered by a second parse.
 */
export function parseText(text: string, frontMatter: boolean): ParsedMarkdown {
  const frontMatterLength = frontMatter ? frontMatterEnd(text) : 0;
  return frontMatterLength > 0 ? withFrontMatterRead(text, frontMatterLength) : parseBody(text, frontMatter);
}

function parseBody(text: string, frontMatter: boolean): ParsedMarkdown {
  const processor = frontMatter ? withFrontMatter : withoutFrontMatter;
  const parse = (source: string) => countByteOrderMark(source, processor.parse(source));
  const limited = limitNesting(text, frontMatter);
  const skipped = [
    ...limited.skipped.map((span): SkippedPart => ({ span, cause: 'too-deep' })),
    ...limited.dense.map((span): SkippedPart => ({ span, cause: 'too-dense' })),
  ].sort((a, b) => a.span.start - b.span.start);
  try {
    const tree = parse(limited.text);
    const refused = findRefusedFenceAttributes(limited.text, tree);
    if (refused.size === 0) return { text, tree, refusedAttributeBlocks: refused, skipped };
    return { text, tree: parse(blank(limited.text, refused)), refusedAttributeBlocks: refused, skipped };
  } catch {
    // A failure inside the parser or its plugins costs this text, not the analysis.
    return { text, tree: { type: 'root', children: [] }, refusedAttributeBlocks: new Map(), skipped: [{ span: { start: 0, end: text.length }, cause: 'parser-failed' }] };
  }
}

/**
 * A text that opens with closed front matter, its `yaml` node read here as remark-frontmatter
 * reads it (the value between the fences, NUL as U+FFFD, the node ending after the closing
 * fence's trailing blanks) and the rest parsed on its own: micromark reads front matter a
 * character at a time, which made a megabyte of it cost more to parse than to read as YAML.
 */
function withFrontMatterRead(text: string, length: number): ParsedMarkdown {
  const byteOrderMark = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const valueStart = lineBreakEnd(text, text.indexOf('---') + 3);
  const fenceEnd = withoutLineBreak(text, length);
  const closingStart = Math.max(text.lastIndexOf('\n', fenceEnd - 1), text.lastIndexOf('\r', fenceEnd - 1)) + 1;
  const value = closingStart > valueStart ? text.slice(valueStart, withoutLineBreak(text, closingStart)).replaceAll('\0', '\ufffd') : '';
  const start = { line: 1, column: 1 + byteOrderMark, offset: byteOrderMark };
  const fenceLine = new LineIndex(text.slice(0, closingStart)).lineCount;
  const yaml: RootContent = {
    type: 'yaml',
    value,
    position: { start: { ...start }, end: { line: fenceLine, column: fenceEnd - closingStart + 1, offset: fenceEnd } },
  };
  const body = parseBody(text.slice(length), false);
  const bodyStart = length > fenceEnd ? { line: fenceLine + 1, column: 1, offset: length } : yaml.position!.end;
  shiftTreePoints([body.tree], length, bodyStart.line - 1);
  // The root ends where the text does (a body the parser failed on has no position).
  const end = length < text.length ? (body.tree.position?.end ?? bodyStart) : bodyStart;
  return {
    text,
    tree: { type: 'root', children: [yaml, ...body.tree.children], position: { start, end: { ...end } } },
    refusedAttributeBlocks: new Map([...body.refusedAttributeBlocks].map(([offset, original]) => [offset + length, original])),
    skipped: body.skipped.map(({ span, cause }) => ({ span: { start: span.start + length, end: span.end + length }, cause })),
  };
}

/** Just past the line break that follows the blanks at `at`. */
function lineBreakEnd(text: string, at: number): number {
  let end = at;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '\r') end++;
  return text[end] === '\n' ? end + 1 : end;
}

/** `end`, moved back over the line break just before it, if any. */
function withoutLineBreak(text: string, end: number): number {
  if (text[end - 1] === '\n') end--;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * micromark skips a byte-order mark and counts positions without it; the model counts in the
 * text as given (an editor may send one), so positions move one character on.
 */
function countByteOrderMark(text: string, tree: Root): Root {
  if (text.charCodeAt(0) !== 0xfeff) return tree;
  moveTreePoints([tree], (point) => {
    if (point.offset !== undefined) point.offset++;
    if (point.line === 1) point.column++;
  });
  return tree;
}

/**
 * A leaf or container marker line whose attribute block does not parse turns into paragraph text.
 * Such lines are found in paragraphs (never in code), as a line that opens with `::name`.
 */
function findRefusedFenceAttributes(text: string, tree: Root): Map<number, string> {
  const refused = new Map<number, string>();
  for (const paragraph of paragraphs(tree)) {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const lines = /[^\r\n]*(?:\r\n?|\n|$)/g;
    lines.lastIndex = start;
    for (let line = lines.exec(text); line && line.index < end; line = lines.exec(text)) {
      const nameEnd = markerFenceNameEnd(line[0]);
      if (nameEnd === undefined) continue;
      const braceAt = attributeBlockStart(text, line.index + nameEnd, line.index + line[0].length);
      if (braceAt !== undefined) refused.set(braceAt, text.slice(braceAt, attributeBlockEnd(text, braceAt, end)));
    }
  }
  return refused;
}

function* paragraphs(node: Nodes): Generator<Paragraph> {
  if (node.type === 'paragraph') yield node;
  if ('children' in node) for (const child of node.children) yield* paragraphs(child);
}

/** Replaces each refused block by braces around spaces of the same length, so offsets hold. */
function blank(text: string, refused: ReadonlyMap<number, string>): string {
  let result = '';
  let copied = 0;
  for (const [at, block] of [...refused].sort(([a], [b]) => a - b)) {
    const filler = block.length >= 2 ? `{${' '.repeat(block.length - 2)}}` : ' ';
    result += text.slice(copied, at) + filler;
    copied = at + block.length;
  }
  return result + text.slice(copied);
}
