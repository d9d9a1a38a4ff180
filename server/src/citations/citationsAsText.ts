import { findCitations } from './findCitations.js';

/**
 * A marker's text for a label (the outline, workspace symbols), each bracketed citation shown as a
 * reader sees it once rendered: `[see @a, p. 4; -@b]` as `(see a, p. 4; b)`.
 */
export function citationsAsText(text: string): string {
  if (!text.includes('@') || !text.includes('[')) return text;
  const groups = new Map<number, { end: number; items: string[] }>();
  for (const citation of findCitations(text, [])) {
    if (citation.form !== 'bracketed') continue;
    const { start, end } = citation.citationSpan;
    const group = groups.get(start) ?? { end, items: [] };
    group.items.push([citation.prefix, citation.locator ? `${citation.key}, ${citation.locator}` : citation.key].filter(Boolean).join(' '));
    groups.set(start, group);
  }
  let result = '';
  let copied = 0;
  for (const [start, { end, items }] of [...groups].sort(([a], [b]) => a - b)) {
    result += `${text.slice(copied, start)}(${items.join('; ')})`;
    copied = end;
  }
  return result + text.slice(copied);
}
