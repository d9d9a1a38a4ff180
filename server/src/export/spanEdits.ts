import type { Span } from '../types.js';

/** Text to put in place of a stretch of the document. */
export interface SpanEdit {
  readonly span: Span;
  readonly text: string;
}

/** The text with each edit made; the edits must not overlap (those at one offset keep their order). */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start);
  let result = '';
  let copied = 0;
  for (const { span, text: replacement } of ordered) {
    result += text.slice(copied, span.start) + replacement;
    copied = span.end;
  }
  return result + text.slice(copied);
}
