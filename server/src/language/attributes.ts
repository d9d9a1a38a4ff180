import type { Span } from '../types.js';

/** Attributes as remark-directive gives them: `#x` becomes `id`, `.y` joins `class`. */
export type RawAttributes = Readonly<Record<string, string>>;

/**
 * The attributes that hold lists, and what their items name: `for=a,b` and `against=a,b` name
 * markers by id, `src=k1,k2` sources by key, `assumes=` assumptions and `from=` hypotheses by id.
 */
export const LIST_ATTRIBUTES = { for: 'marker id', against: 'marker id', src: 'source key', assumes: 'assumption id', from: 'hypothesis id' } as const;
export type ListAttribute = keyof typeof LIST_ATTRIBUTES;
export const LIST_ATTRIBUTE_NAMES = Object.keys(LIST_ATTRIBUTES) as readonly ListAttribute[];

/** The attributes that hold one word, from the values each kind allows (`MarkerKindRow.values`). */
export const VALUE_ATTRIBUTES = ['confidence', 'status'] as const;
export type ValueAttribute = (typeof VALUE_ATTRIBUTES)[number];

/** Other spellings of allowed values, read as the value itself. */
const VALUE_SPELLINGS: Readonly<Record<string, string>> = { favoured: 'favored' };

/** The class that makes a claim a key judgment (`{.key}`, `{.important .key}`, `class="key"`). */
export const KEY_CLASS = 'key';

/**
 * The attributes of a marker that the annotation language gives meaning to. A list is undefined
 * when the attribute is absent; an empty entry stays as `''` so a rule can report it.
 */
export type MarkerAttributes = {
  readonly raw: RawAttributes;
  readonly id: string | undefined;
  /** Its classes include `.key`: a key judgment. */
  readonly key: boolean;
} & { readonly [name in ListAttribute]: readonly string[] | undefined } & { readonly [name in ValueAttribute]: string | undefined };

export function readMarkerAttributes(raw: RawAttributes): MarkerAttributes {
  return {
    raw,
    id: raw['id'],
    key: (raw['class'] ?? '').split(/\s+/).includes(KEY_CLASS),
    for: splitList(raw['for']),
    against: splitList(raw['against']),
    src: splitList(raw['src']),
    assumes: splitList(raw['assumes']),
    from: splitList(raw['from']),
    confidence: readValue(raw['confidence']),
    status: readValue(raw['status']),
  };
}

function readValue(value: string | undefined): string | undefined {
  return value !== undefined && Object.hasOwn(VALUE_SPELLINGS, value) ? VALUE_SPELLINGS[value] : value;
}

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim());
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

/** One id or key written in `for=`, `against=` or `src=`, where it is written. */
export interface ListItem {
  readonly attribute: ListAttribute;
  readonly text: string;
  readonly span: Span;
}

const LIST_VALUE = new RegExp(String.raw`(?:^|[\s{])(${LIST_ATTRIBUTE_NAMES.join('|')})\s*=\s*(?:"([^"]*)|'([^']*)|([^\s}"']*))`, 'g');

/**
 * Where the items of `for=`, `against=` and `src=` are written in an attribute block that starts
 * at `blockStart`, for features that point at one item or rename it.
 */
export function listItemsIn(blockText: string, blockStart: number): ListItem[] {
  const items: ListItem[] = [];
  for (const value of blockText.matchAll(LIST_VALUE)) {
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

/** Where the value of `name=` is written (the last one counts, as for remark-directive). */
export function valueSpanIn(blockText: string, blockStart: number, name: ValueAttribute): Span | undefined {
  let found: Span | undefined;
  for (const match of blockText.matchAll(new RegExp(String.raw`(?:^|[\s{])${name}\s*=\s*["']?([^\s}"']*)`, 'g'))) {
    const start = blockStart + match.index + match[0].length - match[1]!.length;
    found = { start, end: start + match[1]!.length };
  }
  return found;
}
