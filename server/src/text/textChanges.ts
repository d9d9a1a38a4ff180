import type { Range } from '../types.js';
import { LineIndex } from './lineIndex.js';

/** A change an editor sends: a range replaced, or, without a range, the whole text (LSP's shape). */
export type TextChange = { readonly range: Range; readonly text: string } | { readonly text: string };

/**
 * The text after the changes, applied one after the other (each range is in the text the change
 * before left), with positions read as LSP reads them: a range written end first is the same
 * range, and a position past its line's end stands at the end. `lines` is an index of `text`
 * already built, if there is one.
 */
export function applyTextChanges(text: string, changes: readonly TextChange[], lines?: LineIndex): string {
  let index = lines?.text === text ? lines : undefined;
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
    } else {
      index ??= new LineIndex(text);
      const start = index.offsetAt(change.range.start);
      const end = index.offsetAt(change.range.end);
      text = text.slice(0, Math.min(start, end)) + change.text + text.slice(Math.max(start, end));
    }
    index = undefined;
  }
  return text;
}
