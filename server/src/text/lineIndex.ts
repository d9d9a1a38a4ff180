import type { Position, Range, Span } from '../types.js';
import { partitionPoint } from './textHelpers.js';

/**
 * Converts between UTF-16 offsets and zero-based line/character positions.
 * CRLF, CR and LF all end a line, as in CommonMark and LSP.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly lineStarts: number[];

  /** `lineStarts`: where each line starts, when `afterEdit` knows it. */
  constructor(readonly text: string, lineStarts?: number[]) {
    this.lineStarts = lineStarts ?? pushLineStarts(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, which differs from this index's text only in one stretch (`from` here,
   * `to` in `text`): the lines before it are kept and those after it moved, only the stretch is
   * read (a keystroke in a megabyte reads a few characters, not the megabyte).
   */
  afterEdit(text: string, from: Span, to: Span): LineIndex {
    // A line start depends on the two characters around it: those both before the stretch are kept.
    const starts = [0];
    let next = 1;
    for (; next < this.lineStarts.length && this.lineStarts[next]! <= from.start - 1; next++) starts.push(this.lineStarts[next]!);
    pushLineStarts(text, Math.max(0, from.start - 1), to.end, starts);
    const moved = to.end - from.end;
    while (next < this.lineStarts.length && this.lineStarts[next]! < from.end + 1) next++;
    for (; next < this.lineStarts.length; next++) {
      const start = this.lineStarts[next]! + moved;
      if (start > starts[starts.length - 1]!) starts.push(start);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The last line that starts at or before the offset (the first starts at 0).
    const line = partitionPoint(this.lineStarts.length, (i) => this.lineStarts[i]! <= clamped) - 1;
    return { line, character: clamped - this.lineStarts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The span of a line, without its line ending. */
  lineSpan(line: number): Span {
    const start = this.lineStarts[line] ?? this.text.length;
    return { start, end: this.lineEnd(line) };
  }

  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Pushes onto `starts` where the lines that the characters from `from` to `to` end start. */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
