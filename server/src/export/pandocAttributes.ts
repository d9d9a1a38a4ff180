import { parseAttributesLeniently, type RawAttributes } from '../language/attributes.js';
import type { MarkerKind } from '../language/markerKinds.js';

/** A name Pandoc takes for a key of an attribute block. */
const ATTRIBUTE_NAME = /^[A-Za-z_][\w.:-]*$/;
/** A value Pandoc reads without quotes. */
const BARE_VALUE = /^[\w.,:/+-]+$/;

/**
 * A marker's attributes as a Pandoc attribute block: its id, its kind as the first class, its
 * other classes and every other attribute, as written (`{#c1 .claim .key for=h1,h2}`).
 */
export function pandocAttributes(kind: MarkerKind, attributeText: string | undefined): string {
  const raw: RawAttributes = attributeText ? parseAttributesLeniently(attributeText) : {};
  const parts: string[] = [];
  const id = raw['id'];
  if (id) parts.push(/^[^\s{}"'=#.]+$/.test(id) ? `#${id}` : `id=${quoted(id)}`);
  for (const name of [kind, ...(raw['class'] ?? '').split(/\s+/)].filter(Boolean)) parts.push(`.${name}`);
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'id' || name === 'class' || !ATTRIBUTE_NAME.test(name)) continue;
    parts.push(`${name}=${BARE_VALUE.test(value) ? value : quoted(value)}`);
  }
  return `{${parts.join(' ')}}`;
}

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}
