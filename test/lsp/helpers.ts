/** Small helpers shared by the protocol tests: ranges in fixture texts, applying edits, errors. */
import { positionOf, type Position } from './lspClient.js';

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * The range of `length` characters starting `shift` characters into the `occurrence`th `needle`
 * of `text` (by default the needle from `shift` to its end).
 */
export function rangeOf(text: string, needle: string, shift = 0, length = needle.length - shift, occurrence = 1): Range {
  return { start: positionOf(text, needle, shift, occurrence), end: positionOf(text, needle, shift + length, occurrence) };
}

/** The offset of an LSP position (UTF-16 code units; `\r\n`, `\r` and `\n` end lines). */
export function offsetAt(text: string, position: Position): number {
  let line = 0;
  let offset = 0;
  while (line < position.line) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next === -1) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
    line++;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits (all against the original text, none overlapping) as a client would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** A checker for `assert.rejects`: a JSON-RPC error response with this code and a message matching `message`. */
export function responseError(code: number, message: RegExp): (error: unknown) => boolean {
  return (error) => {
    const { code: actual, message: text } = error as { code?: unknown; message?: unknown };
    if (actual !== code || typeof text !== 'string' || !message.test(text)) {
      throw new Error(`expected error ${code} matching ${message}, got ${JSON.stringify({ code: actual, message: text })}`);
    }
    return true;
  };
}

/** Error codes of JSON-RPC and LSP. */
export const INVALID_REQUEST = -32600;

/** A BibTeX file of the fixtures: one report with an institution and a URL. */
export const BIBTEX_FIXTURE = `@report{stats-2023,
  title = {Foreign Trade of Ukraine in 2023},
  institution = {State Statistics Service of Ukraine},
  year = {2023},
  url = {https://ukrstat.gov.ua/trade-2023}
}
`;

/** A CSL-JSON file of the fixtures: one article with an author, a date and a URL. */
export const CSL_JSON_FIXTURE = `[
  {
    "id": "osw-2025",
    "title": "Belarus after the election",
    "author": [{ "family": "Klysinski", "given": "Kamil" }],
    "issued": { "date-parts": [[2025, 3, 1]] },
    "URL": "https://www.osw.waw.pl/en/example"
  }
]
`;
