import type { MarkerKind } from '../model/markerNames.js';
import type { Range } from '../types.js';
import { symbolName } from './symbols.js';

/** A marker as a fast scan of a file finds it, without a full parse. */
export interface ScannedMarker {
  readonly kind: MarkerKind;
  readonly id: string | undefined;
  readonly text: string;
  readonly range: Range;
}

const OPENING = /(?<![:\w])(:{1,})(claim|evidence|hypothesis)([[{])/g;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/**
 * Finds marker openings and their ids in one pass over the text, skipping fenced code: the cheap
 * index of files that are not open. Labels are read up to the end of their line.
 */
export function scanMarkers(text: string): ScannedMarker[] {
  const markers: ScannedMarker[] = [];
  let fence: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, lineNumber) => {
    const opensOrCloses = FENCE.exec(line)?.[1];
    if (opensOrCloses && (!fence || opensOrCloses.startsWith(fence))) {
      fence = fence ? undefined : opensOrCloses;
      return;
    }
    if (fence || !line.includes(':')) return;
    for (const match of line.matchAll(OPENING)) {
      const rest = line.slice(match.index + match[0].length - 1);
      const label = match[3] === '[' ? /^\[([^\]]*)/.exec(rest)?.[1] ?? '' : '';
      const id = /\{[^}]*?#([A-Za-z][\w-]*)/.exec(rest)?.[1] ?? /\{[^}]*?\bid=["']?([A-Za-z][\w-]*)/.exec(rest)?.[1];
      const end = match.index + match[0].length;
      markers.push({ kind: match[2] as MarkerKind, id, text: label.trim(), range: { start: { line: lineNumber, character: match.index }, end: { line: lineNumber, character: end } } });
    }
  });
  return markers;
}

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: MarkerKind;
  readonly uri: string;
  readonly range: Range;
}

/** Markers of all files whose name (id and first words) holds the query's characters in order. */
export function matchWorkspaceSymbols(files: readonly { uri: string; markers: readonly ScannedMarker[] }[], query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  return files.flatMap((file) =>
    file.markers
      .map((marker) => ({ name: symbolName({ attributes: { id: marker.id }, text: marker.text }), kind: marker.kind, uri: file.uri, range: marker.range }))
      .filter((symbol) => isSubsequence(wanted, symbol.name.toLowerCase())),
  );
}

function isSubsequence(query: string, text: string): boolean {
  let at = 0;
  for (const char of text) if (char === query[at]) at++;
  return at === query.length;
}
