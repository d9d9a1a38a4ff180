import type { Span } from '../types.js';
import { isMarkerLike } from './markerNames.js';

/** Attributes as remark-directive gives them: `#x` becomes `id`, `.y` joins `class`. */
export type RawAttributes = Readonly<Record<string, string>>;

/** The attributes of a marker that the annotation language gives meaning to. */
export interface MarkerAttributes {
  readonly raw: RawAttributes;
  readonly id: string | undefined;
  /** Undefined when the attribute is absent; an empty entry stays as `''` so a rule can report it. */
  readonly for: readonly string[] | undefined;
  readonly against: readonly string[] | undefined;
  readonly src: readonly string[] | undefined;
  readonly confidence: string | undefined;
  readonly status: string | undefined;
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export const HYPOTHESIS_STATUSES = ['open', 'favored', 'rejected'] as const;

export function readMarkerAttributes(raw: RawAttributes): MarkerAttributes {
  return {
    raw,
    id: raw['id'],
    for: splitList(raw['for']),
    against: splitList(raw['against']),
    src: splitList(raw['src']),
    confidence: raw['confidence'],
    status: raw['status'],
  };
}

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim());
}

/**
 * Finds the end of an attribute block that starts with `{` at `start` and that remark-directive
 * refused: just past its `}`, or, for a block left open mid-edit (`{#c title="oops`), the end of
 * its line, the start of the next marker on it (even within quotes: one typo must not take the
 * next marker's attributes) or `limit`. Quoted values may hold `}`, not a line end.
 */
export function attributeBlockEnd(text: string, start: number, limit = text.length): number {
  let quote: string | undefined;
  for (let i = start + 1; i < limit; i++) {
    const char = text[i]!;
    if (char === '\n' || char === '\r' || (char === ':' && startsMarker(text, i))) return i;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '}') {
      return i + 1;
    }
  }
  return limit;
}

const MARKER_START = /:{1,3}([A-Za-z][A-Za-z0-9_-]*)[[{]/y;

function startsMarker(text: string, at: number): boolean {
  MARKER_START.lastIndex = at;
  const match = MARKER_START.exec(text);
  return match !== null && isMarkerLike(match[1]!);
}

/**
 * Reads an attribute block that remark-directive refused (`{#e2 for=}`), keeping what can be read:
 * `#id`, `.class`, `name=value`, `name="value"`, `name` alone; `name=` with no value reads as `''`.
 */
export function parseAttributesLeniently(block: string): RawAttributes {
  const attributes: Record<string, string> = {};
  const inner = block.replace(/^\{/, '').replace(/\}$/, '');
  const token = /([#.])([^\s#.{}"'=]+)|([^\s=#.{}"']+)\s*(?:=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s}"']*)))?/g;
  for (const match of inner.matchAll(token)) {
    const [, shortcut, shortcutValue, name, doubleQuoted, singleQuoted, bare] = match;
    if (shortcut === '#') attributes['id'] = shortcutValue!;
    else if (shortcut === '.') attributes['class'] = [attributes['class'], shortcutValue].filter(Boolean).join(' ');
    else if (name) attributes[name] = doubleQuoted ?? singleQuoted ?? bare ?? '';
  }
  return attributes;
}

export type ListAttribute = 'for' | 'against' | 'src';

/** One id or key written in `for=`, `against=` or `src=`, where it is written. */
export interface ListItem {
  readonly attribute: ListAttribute;
  readonly text: string;
  readonly span: Span;
}

/**
 * Where the items of `for=`, `against=` and `src=` are written in an attribute block that starts
 * at `blockStart`, for features that point at one item or rename it.
 */
export function listItemsIn(blockText: string, blockStart: number): ListItem[] {
  const items: ListItem[] = [];
  const list = /(?:^|[\s{])(for|against|src)\s*=\s*(?:"([^"]*)|'([^']*)|([^\s}"']*))/g;
  for (const value of blockText.matchAll(list)) {
    const text = value[2] ?? value[3] ?? value[4] ?? '';
    const listStart = blockStart + value.index + value[0].length - text.length;
    for (const item of text.matchAll(/[^,]+/g)) {
      const trimmed = item[0].trim();
      if (!trimmed) continue;
      const start = listStart + item.index + item[0].indexOf(trimmed);
      items.push({ attribute: value[1] as ListAttribute, text: trimmed, span: { start, end: start + trimmed.length } });
    }
  }
  return items;
}

/** Where the id is written (`#id` or `id=id`; the last one counts, as for remark-directive). */
export function idSpanIn(blockText: string, blockStart: number, id: string): Span | undefined {
  let found: Span | undefined;
  for (const match of blockText.matchAll(/(?:^|[\s{])(?:#|id\s*=\s*["']?)([^\s#.{}"'=]+)/g)) {
    if (match[1] !== id) continue;
    const start = blockStart + match.index + match[0].length - id.length;
    found = { start, end: start + id.length };
  }
  return found;
}
