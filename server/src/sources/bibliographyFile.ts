import { isMap, isSeq, parseDocument, type YAMLError } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';
import { withLineFeeds, yamlReason } from './frontMatter.js';
import { scanBibtex } from './bibtex.js';
import { findJsonError } from './jsonError.js';
import { latexNames, latexToText } from './latexText.js';
import { compact, cslDetails, detailsFromValue, gradeDetails, scalarToText, type SourceDetails } from './sourceEntry.js';

export interface BibliographyItem extends SourceDetails {
  readonly key: string;
  /** Where the entry's key is written in its file, when it can be found. */
  readonly keyRange: Range | undefined;
}

export interface BibliographyParseResult {
  readonly items: readonly BibliographyItem[];
  /**
   * Why the file (or part of it) could not be read, with a zero-based line and column where the
   * parser says. The message is a short reason of our own words: it never quotes the file, which
   * may be anything a document names.
   */
  readonly error?: ParseError;
}

interface ParseError {
  readonly message: string;
  readonly line: number | undefined;
  readonly column?: number;
}

export type BibliographyFormat = 'csl-json' | 'bibtex' | 'yaml';

const FORMAT_NAMES: Readonly<Record<BibliographyFormat, string>> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', yaml: 'YAML' };

export function formatOf(path: string): BibliographyFormat | undefined {
  const extension = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'json') return 'csl-json';
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  return undefined;
}

/** Reads a bibliography file's text. Never throws: what cannot be read becomes `error`. */
export function parseBibliography(text: string, format: BibliographyFormat): BibliographyParseResult {
  try {
    const result = parseAs(format, text);
    return { ...result, items: lastOfEachKey(result.items) };
  } catch {
    // The parsers' own exceptions (a YAML alias to no anchor, a LaTeX command) quote the file.
    return { items: [], error: { message: `not valid ${FORMAT_NAMES[format]}`, line: undefined } };
  }
}

function parseAs(format: BibliographyFormat, text: string): BibliographyParseResult {
  switch (format) {
    case 'csl-json': return parseCslJson(text);
    case 'bibtex': return parseBibtexText(text);
    case 'yaml': return parseYamlBibliography(text);
  }
}

/** Pandoc cites the last entry of a key that a file defines twice. */
function lastOfEachKey(items: readonly BibliographyItem[]): readonly BibliographyItem[] {
  const last = new Map(items.map((item) => [item.key, item]));
  return last.size === items.length ? items : items.filter((item) => last.get(item.key) === item);
}

/** An error at `offset` of `text`, with its zero-based line and column. */
function errorAt(message: string, text: string, offset: number): ParseError {
  const { line, character } = new LineIndex(text).positionAt(offset);
  return { message, line, column: character };
}

function parseCslJson(text: string): BibliographyParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const error = findJsonError(text) ?? { reason: 'not valid JSON', offset: 0 };
    return { items: [], error: errorAt(error.reason, text, error.offset) };
  }
  if (!Array.isArray(data)) {
    return { items: [], error: { message: 'a CSL-JSON bibliography is a list of entries ([{"id": …}, …])', line: 0 } };
  }
  return { items: cslList(data, keyLines(text, /"id"\s*:\s*"?([^",}\s]+)/g)) };
}

function parseBibtexText(text: string): BibliographyParseResult {
  const scan = scanBibtex(text);
  const index = new LineIndex(text);
  const items = scan.entries.map((entry): BibliographyItem => ({ key: entry.key, keyRange: index.rangeOf(entry.keySpan), ...bibtexDetails(entry.fields) }));
  return scan.error ? { items, error: errorAt(scan.error.message, text, scan.error.offset) } : { items };
}

function bibtexDetails(fields: ReadonlyMap<string, string>): SourceDetails {
  const text = (...names: string[]): string | undefined => firstPresent(fields, names, latexToText);
  const verbatim = (name: string): string | undefined => firstPresent(fields, [name], (value) => value.trim());
  const latex = (name: string): string | undefined => {
    const value = fields.get(name);
    return value === undefined ? undefined : latexToText(value);
  };
  const details = compact({
    title: text('title'),
    author: firstPresent(fields, ['author', 'editor'], (value) => latexNames(value).join('; ')),
    publisher: text('publisher', 'institution', 'organization', 'journal', 'journaltitle'),
    date: verbatim('date') ?? bibtexDate(fields.get('year'), fields.get('month')),
    url: verbatim('url'),
    doi: verbatim('doi'),
    accessed: verbatim('urldate'),
    note: text('note'),
  });
  return { ...details, ...gradeDetails(latex('grade'), latex('retracted')) };
}

/** The first of `names` whose value reads as some text. */
function firstPresent(fields: ReadonlyMap<string, string>, names: readonly string[], read: (value: string) => string): string | undefined {
  for (const name of names) {
    const value = fields.get(name);
    const text = value === undefined ? '' : read(value);
    if (text) return text;
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibtexDate(year: string | undefined, month: string | undefined): string | undefined {
  const y = year && latexToText(year);
  if (!y) return undefined;
  const m = month?.trim().toLowerCase() ?? '';
  const number = /^\d{1,2}$/.test(m) ? Number(m) : MONTHS.indexOf(m) + 1;
  return number > 0 ? `${y}-${String(number).padStart(2, '0')}` : y;
}

/** A map like front matter `sources:`, or a CSL YAML file with a `references:` list. */
function parseYamlBibliography(text: string): BibliographyParseResult {
  const document = parseDocument(withLineFeeds(text), { prettyErrors: false });
  const error = document.errors[0];
  if (error) return { items: [], error: errorAt(yamlFileReason(error), text, error.pos[0]) };
  const root = document.contents;
  const references = isMap(root) ? root.get('references') : undefined;
  if (isSeq(references)) return { items: cslList(references.toJSON() as unknown[], keyLines(text, /\bid\s*:\s*['"]?([^'"\s,}]+)/g)) };
  if (!isMap(root)) {
    return { items: [], error: { message: 'a YAML bibliography is a map from each source key to its fields, like sources: in front matter', line: 0 } };
  }
  const lines = keyLines(text, /^['"]?([^\s:#'"][^:'"]*?)['"]?[ \t]*:/gm);
  const items: BibliographyItem[] = [];
  for (const pair of root.items) {
    const key = scalarToText((pair.key as { value?: unknown } | null)?.value);
    if (!key) continue;
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const details = detailsFromValue(value) ?? {};
    items.push({ key, keyRange: lines.get(key), ...details });
  }
  return { items };
}

/** YAML errors that name what the file says (a directive, a tag, an escape), by kind only. */
const YAML_REASONS: Readonly<Record<string, string>> = {
  BAD_DIRECTIVE: 'a directive (%…) it does not know',
  TAG_RESOLVE_FAILED: 'a tag (!…) it cannot resolve',
  BAD_DQ_ESCAPE: 'an invalid escape in a double-quoted string',
};

/** The reason without what some messages append after a colon (`…extra characters: |x`); an indicator (` : `) stays. */
function yamlFileReason(error: YAMLError): string {
  return YAML_REASONS[error.code] ?? yamlReason(error).replace(/(?<=\w): .*$/s, '');
}

function cslList(list: unknown[], lines: ReadonlyMap<string, Range>): BibliographyItem[] {
  return list.flatMap((entry): BibliographyItem[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const key = scalarToText(record['id']);
    return key ? [{ key, keyRange: lines.get(key), ...cslDetails(record) }] : [];
  });
}

/** Where each key that `pattern` (global, key in group 1) finds is written, in one pass over the text. */
function keyLines(text: string, pattern: RegExp): Map<string, Range> {
  const index = new LineIndex(text);
  const ranges = new Map<string, Range>();
  const withIndices = new RegExp(pattern.source, `${pattern.flags}d`);
  for (const match of text.matchAll(withIndices)) {
    const [start, end] = match.indices![1]!;
    if (!ranges.has(match[1]!)) ranges.set(match[1]!, index.rangeOf({ start, end }));
  }
  return ranges;
}

