import type { Analysis } from '../analysis/analysis.js';
import { parseAttributesLeniently } from '../language/attributes.js';
import { kindRow, type MarkerKind, type OutlineKind } from '../language/markerKinds.js';
import { attributeBlockEnd, labelEnd, MARKER_OPENING } from '../language/scanning.js';
import { frontMatterLineCount } from '../text/frontMatterFence.js';
import type { Range } from '../types.js';
import { symbolName } from './symbols.js';

/** A marker as the workspace index knows it. */
export interface IndexedMarker {
  readonly kind: MarkerKind;
  readonly id: string | undefined;
  readonly text: string;
  readonly range: Range;
}

/** The markers of an analysed (open) document, for the index. */
export function indexedMarkers(analysis: Analysis): IndexedMarker[] {
  const { lines } = analysis.syntax.model;
  return analysis.syntax.model.markers.map((marker) => ({ kind: marker.kind, id: marker.attributes.id, text: marker.text, range: lines.rangeOf(marker.opening) }));
}

const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_START = /^ {0,3}<(?:[A-Za-z][\w-]*[\s/>]|[A-Za-z][\w-]*$|!--)/;
const BLANK = /^\s*$/;

/**
 * Finds markers in one pass over the text, without a full parse: the cheap index of files that
 * are not open. It skips front matter, fenced and indented code, HTML blocks and inline code;
 * labels are read on their opening line, and a block marker is named by the first line of its
 * content.
 */
export function scanMarkers(text: string): IndexedMarker[] {
  const lines = text.split(/\r\n|\r|\n/);
  const markers: IndexedMarker[] = [];
  let fence: string | undefined;
  let html: 'comment' | 'block' | undefined;
  let previousBlank = true;
  const bodyStart = frontMatterLineCount(lines);
  lines.forEach((line, number) => {
    if (number < bodyStart) return;
    const blank = BLANK.test(line);
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      return;
    }
    if (html) {
      if ((html === 'comment' && line.includes('-->')) || (html === 'block' && blank)) html = undefined;
      return;
    }
    const opensFence = CODE_FENCE.exec(line)?.[1];
    if (opensFence) {
      fence = opensFence;
      return;
    }
    if (HTML_START.test(line)) {
      html = line.includes('<!--') ? (line.includes('-->') ? undefined : 'comment') : blank ? undefined : 'block';
      return;
    }
    if (wasBlank && /^( {4}|\t)/.test(line)) return;
    markers.push(...markersOnLine(line, number, lines));
  });
  return markers;
}

/** The scan's own copy of the pattern, for `exec`, which keeps its place in it (`matchAll` would copy it on every line). */
const OPENINGS = new RegExp(MARKER_OPENING);

function markersOnLine(line: string, number: number, lines: readonly string[]): IndexedMarker[] {
  if (!line.includes(':')) return [];
  const prose = line.includes('`') ? line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)) : line;
  const found: IndexedMarker[] = [];
  OPENINGS.lastIndex = 0;
  for (let match = OPENINGS.exec(prose); match; match = OPENINGS.exec(prose)) {
    const colons = match[1]!.length;
    const afterName = match.index + match[0].length;
    const isFence = colons >= 3 && /^[ \t>]*$/.test(prose.slice(0, match.index));
    if (!isFence && prose[afterName] !== '[') continue;
    const labelClose = prose[afterName] === '[' ? labelEnd(prose, afterName, prose.length) : afterName;
    if (labelClose === undefined) continue;
    const label = prose[afterName] === '[' ? line.slice(afterName + 1, labelClose - 1) : '';
    const id = prose[labelClose] === '{' ? parseAttributesLeniently(prose.slice(labelClose, attributeBlockEnd(prose, labelClose))).id : undefined;
    const text = isFence && !label ? firstContentLine(lines, number + 1) : label;
    // The range is the opening, as the analysis gives it: `:claim[`, or a block's whole fence line.
    const end = isFence ? line.trimEnd().length : afterName + 1;
    found.push({ kind: match[2] as MarkerKind, id, text: text.replace(/\s+/g, ' ').trim(), range: { start: { line: number, character: match.index }, end: { line: number, character: end } } });
  }
  return found;
}


function firstContentLine(lines: readonly string[], from: number): string {
  for (let i = from; i < lines.length && i < from + 5; i++) {
    const line = lines[i]!.replace(/^[ \t>]*/, '');
    if (line.trim() !== '' && !/^:{3,}/.test(line)) return line;
  }
  return '';
}

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: MarkerKind;
  readonly outline: OutlineKind;
  readonly uri: string;
  readonly range: Range;
}

/** Markers of all files whose name (id and first words) holds the query's characters in order. */
export function matchWorkspaceSymbols(files: readonly { uri: string; markers: readonly IndexedMarker[] }[], query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const mayMatch = CHECKABLE_QUERY.test(wanted) ? (marker: IndexedMarker) => mayBeInName(wanted, marker) : () => true;
  return files.flatMap((file) =>
    file.markers
      .filter(mayMatch)
      .map((marker) => ({ marker, name: nameOf(marker) }))
      .filter(({ name }) => isSubsequence(wanted, name.toLowerCase()))
      .map(({ marker, name }) => ({ name, kind: marker.kind, outline: kindRow(marker.kind).outline, uri: file.uri, range: marker.range })),
  );
}

/** Each marker's name, made once: the index keeps its markers until their file changes. */
const names = new WeakMap<IndexedMarker, string>();

function nameOf(marker: IndexedMarker): string {
  let name = names.get(marker);
  if (name === undefined) {
    name = symbolName({ attributes: { id: marker.id }, text: marker.text });
    names.set(marker, name);
  }
  return name;
}

/**
 * A name (`symbolName`) is the id and the first words of the text with each citation as a reader
 * sees it: but for the spaces, the dash, the ellipsis and a citation's `(`, `)`, `;` and `,`, its
 * characters are the id's and the text's, in order. So a query of other ASCII characters that the
 * id and the text do not hold in order cannot match, and its name need not be made.
 */
const CHECKABLE_QUERY = /^[\x21-\x27\x2a\x2b\x2d-\x3a\x3c-\x7e]*$/;

function mayBeInName(wanted: string, marker: IndexedMarker): boolean {
  if (!marker.id && !marker.text) return true;
  return isSubsequence(wanted, `${marker.id ?? ''}${marker.text}`.toLowerCase());
}

function isSubsequence(query: string, text: string): boolean {
  let at = 0;
  for (let i = 0; i < text.length && at < query.length; i++) if (text[i] === query[at]) at++;
  return at === query.length;
}
