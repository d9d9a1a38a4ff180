import type { Span } from '../types.js';

/**
 * Replaces the characters of `spans` with spaces, keeping line breaks, so that offsets and lines
 * of what is left are those of the original text.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let result = '';
  let copied = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, copied);
    if (span.end <= start) continue;
    result += text.slice(copied, start) + text.slice(start, span.end).replace(/[^\r\n]/g, ' ');
    copied = span.end;
  }
  return result + text.slice(copied);
}
