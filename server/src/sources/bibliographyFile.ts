import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { isMap, isSeq, parseDocument, type YAMLError } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';
import { withLineFeeds, yamlReason } from './frontMatter.js';
import { findJsonError } from './jsonError.js';
import { detailsFromValue, namesToText, scalarToText, type SourceDetails } from './sourceEntry.js';

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
    switch (format) {
      case 'csl-json': return parseCslJson(text);
      case 'bibtex': return parseBibtexText(text);
      case 'yaml': return parseYamlBibliography(text);
    }
  } catch {
    // The parsers' own exceptions (a YAML alias to no anchor, a LaTeX command) quote the file.
    return { items: [], error: { message: `not valid ${FORMAT_NAMES[format]}`, line: undefined } };
  }
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

function cslDetails(record: Record<string, unknown>): SourceDetails {
  return compact({
    title: scalarToText(record['title']),
    author: namesToText(record['author']) ?? namesToText(record['editor']),
    publisher: scalarToText(record['publisher']) ?? scalarToText(record['container-title']),
    date: cslDate(record['issued']),
    url: scalarToText(record['URL']),
    doi: scalarToText(record['DOI']),
    accessed: cslDate(record['accessed']),
    note: scalarToText(record['note']),
  });
}

function cslDate(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return scalarToText(value);
  const record = value as Record<string, unknown>;
  const parts = (record['date-parts'] as unknown[][] | undefined)?.[0];
  if (Array.isArray(parts) && parts.length > 0) return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
  return scalarToText(record['literal']) ?? scalarToText(record['raw']);
}

function parseBibtexText(text: string): BibliographyParseResult {
  const library = parseBibtex(text, { sentenceCase: false });
  const lines = keyLines(text, /@\w+\s*[{(]\s*([^,\s]+)\s*,/g);
  const items = library.entries.map((entry): BibliographyItem => {
    const fields = entry.fields as Record<string, unknown>;
    return {
      key: entry.key,
      keyRange: lines.get(entry.key),
      ...compact({
        title: scalarToText(fields['title']),
        author: namesToText(fields['author']) ?? namesToText(fields['editor']),
        publisher: listToText(fields['publisher']) ?? listToText(fields['institution']) ?? listToText(fields['organization']) ?? scalarToText(fields['journal']) ?? scalarToText(fields['journaltitle']),
        date: scalarToText(fields['date']) ?? bibtexDate(fields['year'], fields['month']),
        url: scalarToText(fields['url']),
        doi: scalarToText(fields['doi']),
        accessed: scalarToText(fields['urldate']),
        note: scalarToText(fields['note']),
      }),
    };
  });
  const first = library.errors[0];
  return first ? { items, error: bibtexError(first.error) } : { items };
}

/** The parser's messages quote up to 20 characters of the file, and the entry type: only their kind is kept. */
const BIBTEX_REASONS: readonly (readonly [RegExp, string])[] = [
  [/^Token mismatch/, 'unexpected text'],
  [/^Unterminated brace-value/, 'a value in braces is not closed'],
  [/^Unterminated quote-value/, 'a value in quotes is not closed'],
  [/^Unclosed math section/, 'a math section ($…$) is not closed'],
  [/^Runaway key/, 'an entry key does not end'],
  [/equals sign missing/, 'a field has no = before its value'],
  [/^Unresolved @string reference/, 'an @string abbreviation that is not defined'],
  [/-part name/, 'a name with more parts than family, given and suffix'],
  [/^unhandled /, 'a LaTeX command it cannot read'],
];

function bibtexError(message: string): ParseError {
  const reason = BIBTEX_REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? 'not valid BibTeX';
  // The position is appended after the quoted text, so the last one is the parser's.
  const position = [...message.matchAll(/ at line (\d+), column (\d+)/g)].pop();
  return position ? { message: reason, line: Number(position[1]) - 1, column: Number(position[2]) - 1 } : { message: reason, line: undefined };
}

function bibtexDate(year: unknown, month: unknown): string | undefined {
  const y = scalarToText(year);
  const m = scalarToText(month);
  return y && m && /^\d+$/.test(m) ? `${y}-${m.padStart(2, '0')}` : y;
}

function listToText(value: unknown): string | undefined {
  return Array.isArray(value) ? value.map(scalarToText).filter(Boolean).join('; ') || undefined : scalarToText(value);
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

function compact(details: Record<string, string | undefined>): SourceDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
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

