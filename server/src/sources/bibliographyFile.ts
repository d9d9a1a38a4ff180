import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { isMap, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';
import { withLineFeeds, yamlReason } from './frontMatter.js';
import { detailsFromValue, namesToText, scalarToText, type SourceDetails } from './sourceEntry.js';

export interface BibliographyItem extends SourceDetails {
  readonly key: string;
  /** Where the entry's key is written in its file, when it can be found. */
  readonly keyRange: Range | undefined;
}

export interface BibliographyParseResult {
  readonly items: readonly BibliographyItem[];
  /** Why the file (or part of it) could not be read, with a zero-based line where the parser says. */
  readonly error?: { readonly message: string; readonly line: number | undefined };
}

export type BibliographyFormat = 'csl-json' | 'bibtex' | 'yaml';

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
  } catch (error) {
    return { items: [], error: { message: String(error instanceof Error ? error.message : error), line: undefined } };
  }
}

function parseCslJson(text: string): BibliographyParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const line = position ? new LineIndex(text).positionAt(Number(position[1])).line : lastLine(text);
    return { items: [], error: { message: message.replace(/ in JSON at position \d+.*$/, ''), line } };
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
  if (!first) return { items };
  const line = /at line (\d+)/.exec(first.error);
  return { items, error: { message: first.error.replace(/ at line \d+, column \d+/, ''), line: line ? Number(line[1]) - 1 : undefined } };
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
  if (error) {
    return { items: [], error: { message: yamlReason(error), line: new LineIndex(text).positionAt(error.pos[0]).line } };
  }
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

function lastLine(text: string): number {
  return Math.max(0, new LineIndex(text.trimEnd()).lineCount - 1);
}
