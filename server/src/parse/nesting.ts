import { maskSpans } from '../text/mask.js';
import { lineEndAt } from '../text/textHelpers.js';
import { frontMatterEnd } from '../text/frontMatterFence.js';
import type { Span } from '../types.js';

/**
 * How deep block quotes and lists (on one line), block markers, and brackets with emphasis (in one
 * paragraph) may nest. micromark takes time that grows with the square of the depth or worse,
 * and remark-gfm's tree walks recurse until the stack runs out (at a few thousand levels), so
 * the parts deeper than this are blanked before parsing and reported. markdown-it stops at the
 * same depth by default; no analysis comes near it.
 */
export const MAX_NESTING = 32;

/**
 * Past this many pieces of inline syntax (runs of `*`, `_`, `~` or `` ` ``; `[`, `]`, `!`, `&`,
 * `<`, `\`, `:`), a paragraph is skipped: micromark merges the text around each such character with a
 * splice of the paragraph's whole list of events, so its time grows with their number times the
 * paragraph's length (160 KB of code spans in one paragraph: 12 s; 1 MB: minutes). A paragraph
 * at the bound takes about 0.2 s; a real one holds a few hundred.
 */
export const MAX_INLINE_SYNTAX = 4_000;

export interface LimitedText {
  /** The text with those parts blanked (same length, line breaks kept). */
  readonly text: string;
  /** The stretches that hold parts too deep, one per paragraph or run of lines: what is reported. */
  readonly skipped: readonly Span[];
  /** The paragraphs holding more than `MAX_INLINE_SYNTAX` pieces of inline syntax, blanked whole. */
  readonly dense: readonly Span[];
}

/**
 * Finds, in the text alone, the parts that nest deeper than `MAX_NESTING` (and the unmatched
 * brackets of long paragraphs) and the paragraphs too dense to parse, in one linear pass per construct. The counts are upper bounds read from the syntax (code included), so a skipped
 * part is always deep, never the reverse, and the result depends only on the lines around it.
 */
export function limitNesting(text: string, frontMatter: boolean): LimitedText {
  const from = frontMatter ? frontMatterEnd(text) : 0;
  const lines = [...linesOf(text, from)];
  const inline = deepInline(text, lines);
  const deep = [...deepLinePrefixes(text, lines), ...deepIndentedItems(text, lines), ...deepBlockMarkers(text, lines), ...inline.deep];
  const shallow = deep.length === 0 && inline.unmatched.length === 0 ? text : maskSpans(text, [...deep, ...inline.unmatched]);
  // Counted in what is left, so that what was blanked already does not count.
  const dense = [...denseParagraphs(shallow, lines)];
  return { text: dense.length === 0 ? shallow : maskSpans(shallow, dense), skipped: regions(text, deep), dense };
}

const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$))/y;
const CODE_FENCE = /^(`{3,}|~{3,})(.*)$/;
const MARKER_OPENING = /^(:{3,})[A-Za-z]/;
const MARKER_CLOSING = /^(:{3,})[ \t]*$/;
const BLANK = /^[ \t>]*$/;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function* linesOf(text: string, from: number): Generator<Span> {
  for (let start = from; start < text.length; ) {
    const end = lineEndAt(text, start);
    yield { start, end };
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}

/** Where a line's block quote and list markers end, and where the markers past the limit start. */
function containerPrefix(text: string, line: Span): { end: number; deepFrom: number | undefined } {
  let at = line.start;
  for (let depth = 1; at < line.end; depth++) {
    CONTAINER_MARKER.lastIndex = at;
    if (!CONTAINER_MARKER.test(text)) break;
    if (depth > MAX_NESTING) return { end: line.end, deepFrom: skipSpaces(text, at, line.end) };
    at = CONTAINER_MARKER.lastIndex;
  }
  return { end: skipSpaces(text, at, line.end), deepFrom: undefined };
}

function skipSpaces(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/** Block quotes and list items opened on one line (`> > > …`, `- - - …`): the rest of the line. */
function* deepLinePrefixes(text: string, lines: readonly Span[]): Generator<Span> {
  for (const line of lines) {
    const { deepFrom } = containerPrefix(text, line);
    if (deepFrom !== undefined) yield { start: deepFrom, end: line.end };
  }
}

const LIST_ITEM = /([-+*]|\d{1,9}[.)])([ \t]+|$)/y;

/**
 * List items nested by indentation, an item a line (`- a`, `  - b`, `    - c` …): from the marker
 * of an item opened inside `MAX_NESTING` others to the end of its line. Open items are tracked
 * by their content column; a line indented less than an item's closes it (a lazy continuation
 * line closes it early, so the depth is never overestimated).
 */
function* deepIndentedItems(text: string, lines: readonly Span[]): Generator<Span> {
  const contentColumns: number[] = [];
  for (const line of lines) {
    const markerAt = skipSpaces(text, line.start, line.end);
    if (markerAt === line.end) continue;
    const indent = markerAt - line.start;
    while (contentColumns.length > 0 && indent < contentColumns[contentColumns.length - 1]!) contentColumns.pop();
    LIST_ITEM.lastIndex = markerAt;
    const item = LIST_ITEM.exec(text);
    if (!item) continue;
    const spaces = item[2]!.length;
    contentColumns.push(indent + item[1]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces));
    if (contentColumns.length > MAX_NESTING) yield { start: markerAt, end: line.end };
  }
}

/** The fence a line opens, from its match of `CODE_FENCE`: three backticks followed by one more are inline code. */
function opensCodeFence(fence: RegExpExecArray | null): string | undefined {
  return fence && !(fence[1]![0] === '`' && fence[2]!.includes('`')) ? fence[1] : undefined;
}

function closesCodeFence(fence: RegExpExecArray | null, open: string): boolean {
  return fence !== null && fence[1]![0] === open[0] && fence[1]!.length >= open.length && fence[2]!.trim() === '';
}

/**
 * Block markers (`:::name`) opened inside `MAX_NESTING` others: their fence lines. Code fences
 * are followed so that fences shown in code count for nothing.
 */
function* deepBlockMarkers(text: string, lines: readonly Span[]): Generator<Span> {
  const open: { colons: number; deep: boolean }[] = [];
  let codeFence: string | undefined;
  for (const line of lines) {
    const bodyStart = containerPrefix(text, line).end;
    const body = text.slice(bodyStart, line.end);
    const fence = CODE_FENCE.exec(body);
    if (codeFence !== undefined) {
      if (closesCodeFence(fence, codeFence)) codeFence = undefined;
      continue;
    }
    codeFence = opensCodeFence(fence);
    if (codeFence !== undefined) continue;
    const closing = MARKER_CLOSING.exec(body);
    if (closing) {
      // It closes the outermost open marker no longer than it, and everything inside that one.
      const closed = open.findIndex((marker) => marker.colons <= closing[1]!.length);
      if (closed === -1) continue;
      if (open[closed]!.deep) yield { start: bodyStart, end: line.end };
      open.length = closed;
      continue;
    }
    const opening = MARKER_OPENING.exec(body);
    if (!opening) continue;
    const deep = open.length >= MAX_NESTING;
    open.push({ colons: opening[1]!.length, deep });
    if (deep) yield { start: bodyStart, end: line.end };
  }
}

/**
 * Past this length, a paragraph's brackets that close nothing (or that nothing closes) are
 * blanked, silently, since they are plain text: micromark looks back over the whole paragraph
 * from each one (or from each word after one), which takes minutes on a few hundred KB.
 */
const LONG_PARAGRAPH = 10_000;

/** The runs of lines between blank lines. */
function* paragraphsOf(text: string, lines: readonly Span[]): Generator<Span> {
  let start: number | undefined;
  let end = 0;
  for (const line of lines) {
    if (BLANK.test(text.slice(line.start, line.end))) {
      if (start !== undefined) yield { start, end };
      start = undefined;
    } else {
      start ??= line.start;
      end = line.end;
    }
  }
  if (start !== undefined) yield { start, end };
}

/**
 * Brackets (links, images, inline markers) and emphasis delimiters opened inside `MAX_NESTING`
 * others within one paragraph, with the brackets that close them: reported. Emphasis is counted
 * by delimiter characters, opened and closed as CommonMark's flanking rules allow; a run that
 * would open too many loses its first characters, so that what is left still opens.
 */
function deepInline(text: string, lines: readonly Span[]): { deep: Span[]; unmatched: Span[] } {
  const deep: Span[] = [];
  const unmatched: Span[] = [];
  for (const paragraph of paragraphsOf(text, lines)) {
    const long = paragraph.end - paragraph.start > LONG_PARAGRAPH;
    const open: number[] = [];
    /** Brackets past the limit: deep when something closes them, plain text otherwise. */
    const blanked: number[] = [];
    const emphasis = new Map<string, number>();
    const depth = () => open.length + [...emphasis.values()].reduce((sum, count) => sum + count, 0);
    for (let at = paragraph.start; at < paragraph.end; at++) {
      const char = text[at]!;
      if (char === '\\') {
        at++;
      } else if (char === '[') {
        if (depth() < MAX_NESTING) open.push(at);
        else blanked.push(at);
      } else if (char === ']') {
        // The bracket that closes a blanked one goes too: micromark would look back for its opening.
        const opening = blanked.pop();
        if (opening !== undefined) deep.push({ start: opening, end: opening + 1 }, { start: at, end: at + 1 });
        else if (open.length > 0) open.pop();
        else if (long) unmatched.push({ start: at, end: at + 1 });
      } else if (char === '*' || char === '_' || char === '~') {
        let end = at;
        while (text[end] === char) end++;
        const { left, right } = flanking(text[at - 1], text[end]);
        const length = end - at;
        if (right) emphasis.set(char, Math.max(0, (emphasis.get(char) ?? 0) - length));
        if (left) {
          const opened = Math.min(length, Math.max(0, MAX_NESTING - depth()));
          emphasis.set(char, (emphasis.get(char) ?? 0) + opened);
          if (opened < length) deep.push({ start: at, end: end - opened });
        }
        at = end - 1;
      }
    }
    // A loop, not push(...): a spread of a million brackets would overflow the stack.
    for (const at of [...blanked, ...(long ? open : [])]) unmatched.push({ start: at, end: at + 1 });
  }
  return { deep, unmatched };
}

/** CommonMark's left- and right-flanking delimiter runs, from the characters around the run. */
function flanking(before: string | undefined, after: string | undefined): { left: boolean; right: boolean } {
  const spaceBefore = before === undefined || WHITESPACE.test(before);
  const spaceAfter = after === undefined || WHITESPACE.test(after);
  const punctuationBefore = before !== undefined && PUNCTUATION.test(before);
  const punctuationAfter = after !== undefined && PUNCTUATION.test(after);
  return {
    left: !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore),
    right: !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter),
  };
}

/** A run of one delimiter character is one token for micromark, so it counts once. */
const INLINE_SYNTAX = /([*_~`])\1*|[[\]!&<\\:]/g;
/** A line that may start a block other than a paragraph's continuation (or a quoted or listed paragraph). */
const BLOCK_START = /^[ \t>]*(?:[#`~\-+*_=<|:]|\d{1,9}[.)]|\[\^)/;
const INDENTED = /^(?: {4}|\t)/;

/**
 * The paragraphs, read from the lines alone, that hold more than `MAX_INLINE_SYNTAX` pieces of
 * inline syntax. A paragraph here runs from a line that may start a block to the next such
 * line or blank line; lines that may be code (fenced, or indented after a blank line), HTML or
 * a table row start a stretch that is never counted, so code, HTML and tables are never skipped.
 */
function* denseParagraphs(text: string, lines: readonly Span[]): Generator<Span> {
  let paragraph: { start: number; end: number; count: number } | undefined;
  let codeFence: string | undefined;
  let previousBlank = true;
  const close = function* () {
    if (paragraph && paragraph.count > MAX_INLINE_SYNTAX) yield { start: paragraph.start, end: paragraph.end };
    paragraph = undefined;
  };
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    const blank = BLANK.test(body);
    const fence = CODE_FENCE.exec(body.replace(/^[ \t>]*/, ''));
    if (codeFence !== undefined) {
      if (closesCodeFence(fence, codeFence)) codeFence = undefined;
    } else if (blank || fence || previousBlank || BLOCK_START.test(body)) {
      yield* close();
      codeFence = opensCodeFence(fence);
      if (codeFence === undefined && !blank && !mayBeCodeHtmlOrTable(body, previousBlank)) paragraph = { start: line.start, end: line.end, count: 0 };
    } else if (body.includes('|')) {
      paragraph = undefined;
    }
    previousBlank = blank;
    if (!paragraph) continue;
    paragraph.end = line.end;
    paragraph.count += body.match(INLINE_SYNTAX)?.length ?? 0;
  }
  yield* close();
}

function mayBeCodeHtmlOrTable(line: string, afterBlank: boolean): boolean {
  return line.includes('|') || /^[ \t>]*</.test(line) || (afterBlank && INDENTED.test(line));
}

/** Joins the blanked spans that no blank line separates, so that one deep part is one region. */
function regions(text: string, spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const joined: Span[] = [];
  for (const span of sorted) {
    const last = joined[joined.length - 1];
    if (last && !/\n[ \t>]*\r?\n|\r[ \t>]*\r/.test(text.slice(last.end, span.start))) joined[joined.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else joined.push(span);
  }
  return joined;
}
