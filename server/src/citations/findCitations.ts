import { PLAIN_KEY } from '../language/names.js';
import type { CitationForm, WrittenCitation } from '../model/model.js';
import type { OwnedSite } from '../model/owners.js';
import { maskSpans } from '../text/mask.js';
import type { Span } from '../types.js';

export type FoundCitation = OwnedSite<WrittenCitation>;

/** A key as written after `@`: plain, or any text in braces (`@{odd key}`). */
const KEY = String.raw`(?:\{[^{}\r\n]+\}|${PLAIN_KEY})`;
const BRACKET = /(?<![\\!\]])\[([^[\]@]*@[^[\]]*)\]/g;
const ITEM = new RegExp(String.raw`^(\s*)([^@]*?)(-?)@(${KEY})(.*)$`, 'su');
const IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}_\\@-])@(${KEY})(?:[ \t]*\[([^[\]@\r\n]*)\])?`, 'gu');
const BLANK_LINE = /\n[ \t>]*\r?\n|\r[ \t>]*\r/;

/**
 * Finds Pandoc citations in the prose of a document. `opaque` spans (code, HTML, links, marker
 * syntax …) are blanked first, so that only prose is searched and a bracket that Markdown made a
 * link is never read as a citation.
 */
export function findCitations(text: string, opaque: readonly Span[]): FoundCitation[] {
  const prose = maskSpans(text, opaque);
  const bracketed = findBracketed(prose);
  const taken = bracketed.map((group) => group.span);
  return [...bracketed.flatMap((group) => group.citations), ...findInText(prose, taken)];
}

function findBracketed(prose: string): { span: Span; citations: FoundCitation[] }[] {
  const groups: { span: Span; citations: FoundCitation[] }[] = [];
  for (const match of prose.matchAll(BRACKET)) {
    const inside = match[1]!;
    if (BLANK_LINE.test(inside)) continue;
    const insideStart = match.index + 1;
    const citations = readItems(inside, insideStart, { start: match.index, end: match.index + match[0].length });
    if (citations) groups.push({ span: { start: match.index, end: match.index + match[0].length }, citations });
  }
  return groups;
}

/** Reads `see @a, p. 4; -@b`; undefined unless every item holds a key, as Pandoc requires. */
function readItems(inside: string, insideStart: number, citationSpan: Span): FoundCitation[] | undefined {
  const citations: FoundCitation[] = [];
  let itemStart = insideStart;
  for (const item of inside.split(';')) {
    const match = ITEM.exec(item);
    if (!match) return undefined;
    const [, space, prefix, minus, rawKey, suffix] = match;
    const at = itemStart + space!.length + prefix!.length;
    const keyStart = at + minus!.length + 1;
    citations.push(citation(rawKey!, 'bracketed', { start: at, end: keyStart + rawKey!.length }, keyStart, {
      prefix: prefix!.trim(),
      locator: suffix!.replace(/^\s*,/, '').trim(),
      suppressAuthor: minus === '-',
      itemSpan: { start: itemStart + space!.length, end: itemStart + item.trimEnd().length },
      citationSpan,
    }));
    itemStart += item.length + 1;
  }
  return citations;
}

function findInText(prose: string, taken: readonly Span[]): FoundCitation[] {
  const citations: FoundCitation[] = [];
  let next = 0;
  for (const match of prose.matchAll(IN_TEXT)) {
    while (next < taken.length && taken[next]!.end <= match.index) next++;
    if (next < taken.length && taken[next]!.start <= match.index) continue;
    const rawKey = match[1]!;
    const span = { start: match.index, end: match.index + 1 + rawKey.length };
    const itemSpan = { start: match.index, end: match.index + match[0].length };
    citations.push(citation(rawKey, 'in-text', span, span.start + 1, { prefix: '', locator: (match[2] ?? '').trim(), suppressAuthor: false, itemSpan, citationSpan: itemSpan }));
  }
  return citations;
}

function citation(
  rawKey: string,
  form: CitationForm,
  span: Span,
  keyStart: number,
  details: { prefix: string; locator: string; suppressAuthor: boolean; itemSpan: Span; citationSpan: Span },
): FoundCitation {
  const braced = rawKey.startsWith('{');
  const key = braced ? rawKey.slice(1, -1) : rawKey;
  const keySpan = braced ? { start: keyStart + 1, end: keyStart + 1 + key.length } : { start: keyStart, end: keyStart + key.length };
  return { key, form, span, keySpan, offset: span.start, ...details };
}
