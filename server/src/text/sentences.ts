import type { Span } from '../types.js';
import { TEXT_BREAK } from './mappedText.js';

/**
 * A sentence ends at `.`, `!` or `?` followed by white space or the end of the text (so `3.5`
 * does not end one, and `U.S. ` does); what was removed from a mapped text (`TEXT_BREAK`) is
 * passed over. A paragraph break does not end a sentence.
 */
const SENTENCE_END = new RegExp(`[.!?](?=${TEXT_BREAK}*(?:\\s|$))`, 'gu');

/** The sentences of a text, as spans of its indices, in order; together they cover it. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    spans.push({ start, end: match.index + 1 });
    start = match.index + 1;
  }
  if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
  return spans;
}
