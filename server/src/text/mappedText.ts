import type { Span } from '../types.js';
import { partitionPoint } from './textHelpers.js';

/**
 * Stands in a mapped text where something was removed that breaks a term (code, a citation, a
 * nested marker …): it is neither part of a word nor white space, so no term runs across it.
 */
export const TEXT_BREAK = '\uFFFC';

/** Text read out of a document (not a slice of it), each character mapped back to where it stands. */
export interface MappedText {
  readonly text: string;
  /**
   * Runs of characters copied from the document, by where they start in `text`, ascending: the
   * characters from `at` to the next run's `at` stand at the document offsets from `start` on.
   * A character read from more than one (a character reference) maps to the first of them.
   */
  readonly runs: readonly { readonly at: number; readonly start: number }[];
}

/** The document span of `text` from index `from` to `to` (exclusive, after `from`). */
export function documentSpan(mapped: MappedText, from: number, to: number): Span {
  return { start: offsetAt(mapped, from), end: offsetAt(mapped, to - 1) + 1 };
}

function offsetAt({ runs }: MappedText, index: number): number {
  // The last run that starts at or before `index` (the first starts at 0).
  const run = runs[Math.max(0, partitionPoint(runs.length, (i) => runs[i]!.at <= index) - 1)]!;
  return run.start + index - run.at;
}

/** Builds a mapped text piece by piece, joining pieces that follow each other in the document. */
export class MappedTextBuilder {
  private text = '';
  private readonly runs: { at: number; start: number }[] = [];
  private nextStart = -1;

  /** Appends `text`, which stands in the document from offset `start` on. */
  append(text: string, start: number): void {
    if (text === '') return;
    if (start !== this.nextStart) this.runs.push({ at: this.text.length, start });
    this.text += text;
    this.nextStart = start + text.length;
  }

  /**
   * Appends a break (`TEXT_BREAK`) for something removed at `offset`; one stands for several in a
   * row, and none is needed before the first character.
   */
  appendBreak(offset: number): void {
    if (this.text !== '' && !this.text.endsWith(TEXT_BREAK)) this.append(TEXT_BREAK, offset);
  }

  /** The document offset after the last character appended. */
  get end(): number {
    return this.nextStart;
  }

  build(): MappedText {
    return { text: this.text, runs: this.runs };
  }
}
