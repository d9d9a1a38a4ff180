import type { Analysis } from '../analysis/analysis.js';
import { LIST_ATTRIBUTE_NAMES, LIST_ATTRIBUTES, parseAttributesLeniently, type ListAttribute } from '../language/attributes.js';
import { MARKER_KINDS } from '../language/markerKinds.js';
import { PARTIAL_KEY } from '../language/names.js';
import type { Span } from '../types.js';
import { sourceCard } from './sourceCard.js';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'marker-id' | 'source-key' | 'marker-name';
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What the client filters on: a source is found by its key, title, author or year. */
  readonly filterText?: string;
  /** The text the completion replaces: what has been typed of the name. */
  readonly span: Span;
}

const LIST_ATTRIBUTE = new RegExp(String.raw`(?:^|[\s{])(${LIST_ATTRIBUTE_NAMES.join('|')})\s*=\s*["']?(?:[^\s,"'}=]*,\s*)*([^\s,"'}=]*)$`);
const CITATION = new RegExp(String.raw`(?:^|[^\p{L}\p{N}_@\\])-?@(${PARTIAL_KEY})$`, 'u');
const MARKER_NAME = /(?:^|[\s(>*_])(:{1,4})([A-Za-z]*)$/;

/** Ids after `for=`/`against=`, source keys after `@` and in `src=`, marker names after `:`. */
export function getCompletions(analysis: Analysis, offset: number): CompletionEntry[] {
  const { text } = analysis.syntax.model;
  const before = text.slice(lineStart(text, offset), offset);
  const list = LIST_ATTRIBUTE.exec(before);
  if (list && before.lastIndexOf('{') > before.lastIndexOf('}')) {
    const span = { start: offset - list[2]!.length, end: offset };
    const names = LIST_ATTRIBUTES[list[1] as ListAttribute];
    return names === 'source key' ? sourceKeys(analysis, span) : markerIds(analysis, span, ownId(text, offset));
  }
  const citation = CITATION.exec(before);
  if (citation) return sourceKeys(analysis, { start: offset - citation[1]!.length, end: offset });
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

function markerIds(analysis: Analysis, span: Span, ownId: string | undefined): CompletionEntry[] {
  return [...analysis.markersById]
    .filter(([id]) => id !== ownId)
    .map(([id, marker]) => ({ label: id, kind: 'marker-id' as const, detail: `${marker.kind}: ${marker.text}`, span }));
}

function sourceKeys(analysis: Analysis, span: Span): CompletionEntry[] {
  return [...analysis.sources.entries].map((entry) => ({
    label: entry.key,
    kind: 'source-key' as const,
    detail: [entry.title, entry.date].filter(Boolean).join(', ') || entry.url || '',
    documentation: sourceCard(entry),
    filterText: [entry.key, entry.title, entry.author, entry.date?.slice(0, 4)].filter(Boolean).join(' '),
    span,
  }));
}

function markerNames(colons: number, span: Span): CompletionEntry[] {
  const form = colons === 1 ? 'inline marker' : colons === 2 ? 'whole-line marker' : 'block marker';
  return MARKER_KINDS.map((kind) => ({ label: kind, kind: 'marker-name' as const, detail: `${form}: ${kind}`, span }));
}
