import { NOT_ALLOWED, readGrade, readRetracted, type Retraction } from '../language/sourceGrades.js';
import type { Range, Span } from '../types.js';

/** Where a source is defined: a key of the front matter, or an entry of a bibliography file. */
export type SourceOrigin =
  | { readonly kind: 'front-matter'; readonly keySpan: Span }
  | { readonly kind: 'file'; readonly uri: string; readonly keyRange: Range | undefined };

export interface SourceDetails {
  readonly title?: string;
  readonly author?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly doi?: string;
  readonly accessed?: string;
  readonly note?: string;
  /** An Admiralty code (`B2`). */
  readonly grade?: string;
  readonly retraction?: Retraction;
  /** The fields whose value is not allowed (`grade: B7`, `retracted: 1`): `bad-source-grade`. */
  readonly badFields?: readonly GradeField[];
}

export type GradeField = 'grade' | 'retracted';

export interface SourceEntry extends SourceDetails {
  readonly key: string;
  readonly origin: SourceOrigin;
}

const DETAIL_FIELDS = ['title', 'author', 'publisher', 'date', 'url', 'doi', 'accessed', 'note'] as const;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Reads the details of a source written as in front matter: a bare string (a URL, or else a
 * title) or a map of the known fields. Names may be a string, a list of strings or of
 * `{family, given}` maps, as CSL writes them. Returns undefined for a value of any other shape.
 */
export function detailsFromValue(value: unknown): SourceDetails | undefined {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') return value.trim() === '' ? {} : SCHEME.test(value) ? { url: value } : { title: value };
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const details: Record<string, string> = {};
  for (const field of DETAIL_FIELDS) {
    const text = field === 'author' ? namesToText(record[field]) : scalarToText(record[field]);
    if (text) details[field] = text;
  }
  return { ...details, ...gradeDetails(record['grade'], record['retracted']) };
}

/** The `grade` and `retracted` fields, as every format gives them (BibTeX as texts). */
export function gradeDetails(gradeValue: unknown, retractedValue: unknown): Pick<SourceDetails, 'grade' | 'retraction' | 'badFields'> {
  const grade = readGrade(gradeValue);
  const retraction = readRetracted(retractedValue);
  const badFields = [grade === NOT_ALLOWED && 'grade', retraction === NOT_ALLOWED && 'retracted'].filter((field): field is GradeField => field !== false);
  return compact({
    grade: grade === NOT_ALLOWED ? undefined : grade,
    retraction: retraction === NOT_ALLOWED ? undefined : retraction,
    badFields: badFields.length > 0 ? badFields : undefined,
  });
}

/**
 * An empty source: a stub with none of title, author, url and doi (an empty text is none), which
 * sources nothing until it is filled in.
 */
export function isEmptySource(details: SourceDetails): boolean {
  return !details.title && !details.author && !details.url && !details.doi;
}

export function scalarToText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** `"A. Author"`, `["A", "B"]` or `[{family: "A", given: "B"}]` as `"A; B"` or `"A, B"`. */
export function namesToText(value: unknown): string | undefined {
  const names = Array.isArray(value) ? value : [value];
  const texts = names.map(nameToText).filter((name): name is string => Boolean(name));
  return texts.length > 0 ? texts.join('; ') : undefined;
}

function nameToText(name: unknown): string | undefined {
  if (typeof name !== 'object' || name === null) return scalarToText(name);
  const record = name as Record<string, unknown>;
  const literal = scalarToText(record['literal']) ?? scalarToText(record['name']);
  if (literal) return literal;
  const family = scalarToText(record['family']) ?? scalarToText(record['lastName']);
  const given = scalarToText(record['given']) ?? scalarToText(record['firstName']);
  return [family, given].filter(Boolean).join(', ') || undefined;
}

/** The details of a CSL item (CSL-JSON, CSL YAML, Pandoc's `references:`). */
export function cslDetails(record: Record<string, unknown>): SourceDetails {
  const details = compact({
    title: scalarToText(record['title']),
    author: namesToText(record['author']) ?? namesToText(record['editor']),
    publisher: scalarToText(record['publisher']) ?? scalarToText(record['container-title']),
    date: cslDate(record['issued']),
    url: scalarToText(record['URL']),
    doi: scalarToText(record['DOI']),
    accessed: cslDate(record['accessed']),
    note: scalarToText(record['note']),
  });
  return { ...details, ...gradeDetails(record['grade'], record['retracted']) };
}

function cslDate(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return scalarToText(value);
  const record = value as Record<string, unknown>;
  const parts = (record['date-parts'] as unknown[][] | undefined)?.[0];
  if (Array.isArray(parts) && parts.length > 0) return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
  return scalarToText(record['literal']) ?? scalarToText(record['raw']);
}

/** The fields that have a value: an entry's details hold no `undefined`. */
export function compact<T extends Record<string, unknown>>(details: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
