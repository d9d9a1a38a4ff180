import type { Analysis } from '../analysis/analysis.js';
import { LIST_ATTRIBUTE_NAMES, LIST_ATTRIBUTES, parseAttributesLeniently, VALUE_ATTRIBUTES, type ListAttribute, type ValueAttribute } from '../language/attributes.js';
import { isMarkerKind, kindRow, LIST_TARGET_KINDS, MARKER_KINDS, takesAttribute, type MarkerKind } from '../language/markerKinds.js';
import { KEY_PATTERN, PARTIAL_KEY } from '../language/names.js';
import type { SourceEntry } from '../sources/sourceEntry.js';
import type { Span } from '../types.js';
import { sourceCard } from './sourceCard.js';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'marker-id' | 'source-key' | 'marker-name' | 'attribute-name' | 'attribute-value';
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What the client filters on: a source is found by its key, title, author or year, the word that matched first. */
  readonly filterText?: string;
  /** The order of the list, best first; the first is preselected. */
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** The text inserted, when it is not the label (a key that is not a plain Pandoc key goes in braces). */
  readonly insertText?: string;
  /** The text the completion replaces: what has been typed of the name. */
  readonly span: Span;
}

export const MAX_SOURCES = 100;

const LIST_ATTRIBUTE = new RegExp(String.raw`(?:^|[\s{])(${LIST_ATTRIBUTE_NAMES.join('|')})\s*=\s*["']?(?:[^\s,"'}=]*,\s*)*([^\s,"'}=]*)$`);
const CITATION = new RegExp(String.raw`(?:^|[^\p{L}\p{N}_@\\])-?@(${PARTIAL_KEY})$`, 'u');
const MARKER_NAME = /(?:^|[\s(>*_])(:{1,4})([A-Za-z]*)$/;
/** The attribute block being written, after its marker's name and label: the kind, then what the block holds so far. */
const OPEN_BLOCK = /(?<![:\w]):{1,}([a-z]+)(?:\[.*\])?\{([^{}]*)$/;
const ATTRIBUTE_NAME = /(?:^|\s)([a-z]*)$/;
const VALUE = new RegExp(String.raw`(?:^|\s)(${VALUE_ATTRIBUTES.join('|')})\s*=\s*["']?([a-z]*)$`);

/**
 * Ids after `for=`/`against=` (assumptions after `assumes=`, hypotheses after `from=`), source
 * keys after `@` and in `src=`, the attributes a marker's kind takes and the values it allows,
 * marker names after `:`.
 */
export function getCompletions(analysis: Analysis, offset: number): CompletionEntry[] {
  const { text } = analysis.syntax.model;
  const before = text.slice(lineStart(text, offset), offset);
  const list = LIST_ATTRIBUTE.exec(before);
  if (list && before.lastIndexOf('{') > before.lastIndexOf('}')) {
    const span = { start: offset - list[2]!.length, end: offset };
    const attribute = list[1] as ListAttribute;
    return LIST_ATTRIBUTES[attribute] === 'source key' ? sourceKeys(analysis, span, list[2]!, 'attribute') : markerIds(analysis, span, ownId(text, offset), LIST_TARGET_KINDS[attribute]);
  }
  const block = OPEN_BLOCK.exec(before);
  if (block && isMarkerKind(block[1]!)) return attributeCompletions(block[1], block[2]!, offset);
  const citation = CITATION.exec(before);
  if (citation) return sourceKeys(analysis, { start: offset - citation[1]!.length, end: offset }, citation[1]!, 'citation');
  const marker = MARKER_NAME.exec(before);
  if (marker) return markerNames(marker[1]!.length, { start: offset - marker[2]!.length, end: offset });
  return [];
}

function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The id of the attribute block the cursor is in (`{#c1 for=|}`): a marker does not support itself. */
function ownId(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('{', offset);
  const close = text.slice(offset).search(/[}\r\n]/);
  return parseAttributesLeniently(text.slice(start, close === -1 ? text.length : offset + close)).id;
}

function markerIds(analysis: Analysis, span: Span, ownId: string | undefined, kind: MarkerKind | undefined): CompletionEntry[] {
  return [...analysis.markersById]
    .filter(([id, marker]) => id !== ownId && (kind === undefined || marker.kind === kind))
    .map(([id, marker]) => ({ label: id, kind: 'marker-id' as const, detail: `${marker.kind}: ${marker.text}`, span }));
}

/**
 * The sources whose key, title, author or year holds what has been typed, best first: a key that
 * starts with it, then a title word, an author, a year that does, then any that holds it. Each is
 * filtered by the word that matched, so that the client, which scores by its own fuzzy match,
 * keeps this order; it asks again as the user types, so the best `MAX_SOURCES` are enough (a
 * library of 20,000 entries would otherwise send megabytes per keystroke).
 */
function sourceKeys(analysis: Analysis, span: Span, typed: string, where: 'citation' | 'attribute'): CompletionEntry[] {
  const ranked = [...analysis.sources.entries].flatMap((entry, index) => {
    const match = bestMatch(entry, typed.toLowerCase());
    return match ? [{ entry, index, ...match }] : [];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, MAX_SOURCES).map(({ entry, word }, position) => ({
    label: entry.key,
    kind: 'source-key' as const,
    detail: [entry.title, entry.date].filter(Boolean).join(', ') || entry.url || '',
    documentation: sourceCard(entry),
    filterText: [...new Set([word, entry.key, entry.title, entry.author, entry.date?.slice(0, 4)].filter(Boolean))].join(' '),
    sortText: String(position).padStart(6, '0'),
    ...(position === 0 && typed ? { preselect: true } : {}),
    ...(where === 'citation' && !KEY_PATTERN.test(entry.key) ? { insertText: `{${entry.key}}` } : {}),
    span,
  }));
}

/** How well a source matches what was typed (lower is better), and the word that matched. */
function bestMatch(entry: SourceEntry, typed: string): { rank: number; word: string } | undefined {
  if (!typed) return { rank: 0, word: entry.key };
  const fields = [[entry.key], words(entry.title), words(entry.author), [entry.date?.slice(0, 4)]];
  for (const [rank, field] of fields.entries()) {
    const word = field.find((candidate) => candidate?.toLowerCase().startsWith(typed));
    if (word) return { rank, word };
  }
  const holder = fields.flat().find((candidate) => candidate?.toLowerCase().includes(typed));
  return holder ? { rank: fields.length, word: holder } : undefined;
}

function words(text: string | undefined): string[] {
  return text?.split(/[^\p{L}\p{N}]+/u).filter(Boolean) ?? [];
}

/** In a marker's attribute block: the values its kind allows after `status=` or `confidence=`, else the attributes it takes. */
function attributeCompletions(kind: MarkerKind, written: string, offset: number): CompletionEntry[] {
  const value = VALUE.exec(written);
  if (value) {
    const allowed = kindRow(kind).values[value[1] as ValueAttribute] ?? [];
    const span = { start: offset - value[2]!.length, end: offset };
    return allowed.map((label) => ({ label, kind: 'attribute-value' as const, detail: `${value[1]} of ${kindRow(kind).plural}`, span }));
  }
  const name = ATTRIBUTE_NAME.exec(written);
  if (!name) return [];
  const span = { start: offset - name[1]!.length, end: offset };
  return [...LIST_ATTRIBUTE_NAMES, ...VALUE_ATTRIBUTES]
    .filter((attribute) => takesAttribute(kind, attribute))
    .map((attribute) => ({ label: attribute, kind: 'attribute-name' as const, detail: `${attribute}= on ${kindRow(kind).plural}`, insertText: `${attribute}=`, span }));
}

function markerNames(colons: number, span: Span): CompletionEntry[] {
  const form = colons === 1 ? 'inline marker' : colons === 2 ? 'whole-line marker' : 'block marker';
  return MARKER_KINDS.map((kind) => ({ label: kind, kind: 'marker-name' as const, detail: `${form}: ${kind}`, span }));
}
