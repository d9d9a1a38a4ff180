import type { SourceEntry } from '../sources/sourceEntry.js';

/** A source as a CSL item, as Pandoc's citeproc reads one (in `references:` or a CSL-JSON file). */
export type CslItem = Readonly<Record<string, unknown>>;

/** A source of the front matter's `sources:` as a CSL item with its key as id. */
export function cslItem(entry: SourceEntry): CslItem {
  const item: Record<string, unknown> = { id: entry.key, type: entry.url ? 'webpage' : 'document' };
  if (entry.title) item['title'] = entry.title;
  if (entry.author) item['author'] = entry.author.split('; ').map(cslName);
  if (entry.publisher) item['publisher'] = entry.publisher;
  if (entry.date) item['issued'] = cslDate(entry.date);
  if (entry.url) item['URL'] = entry.url;
  if (entry.doi) item['DOI'] = entry.doi.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (entry.accessed) item['accessed'] = cslDate(entry.accessed);
  if (entry.note) item['note'] = entry.note;
  return item;
}

/** `Family, Given` as the two parts of a name; any other name as written. */
function cslName(name: string): Record<string, string> {
  const comma = name.indexOf(', ');
  return comma > 0 ? { family: name.slice(0, comma), given: name.slice(comma + 2) } : { literal: name };
}

/** `2026`, `2026-02` or `2026-02-23` as date parts; any other date as written. */
function cslDate(date: string): Record<string, unknown> {
  const parts = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (!parts) return { literal: date };
  return { 'date-parts': [parts.slice(1).filter((part): part is string => part !== undefined).map(Number)] };
}
