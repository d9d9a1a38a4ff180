import { isMarkerLike, MARKER_KINDS } from './markerKinds.js';
import { DIRECTIVE_NAME } from './names.js';

/**
 * Just past the `]` that closes the label opening at `start`, honouring nesting and escapes; or
 * undefined when the label is not closed before `limit` (mid-edit, remark sees no label then).
 */
export function labelEnd(text: string, start: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i + 1;
  }
  return undefined;
}

/**
 * The offset of the `{` that follows a marker name and its optional `[label]`, if any. The label
 * must close before `limit` (the directive's end for an inline marker, the line's end for a leaf
 * or container fence): a limit further on would make many unclosed labels quadratic.
 */
export function attributeBlockStart(text: string, afterName: number, limit: number): number | undefined {
  const at = text[afterName] === '[' ? labelEnd(text, afterName, limit) : afterName;
  return at !== undefined && text[at] === '{' ? at : undefined;
}

/**
 * Finds the end of an attribute block that starts with `{` at `start` and that remark-directive
 * refused: just past its `}`, or, for a block left open mid-edit (`{#c title="oops`), the end of
 * its line, the start of the next marker on it (even within quotes: one typo must not take the
 * next marker's attributes) or `limit`. Quoted values may hold `}`, not a line end.
 */
export function attributeBlockEnd(text: string, start: number, limit = text.length): number {
  let quote: string | undefined;
  for (let i = start + 1; i < limit; i++) {
    const char = text[i]!;
    if (char === '\n' || char === '\r' || (char === ':' && startsMarker(text, i))) return i;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '}') {
      return i + 1;
    }
  }
  return limit;
}

const MARKER_START = new RegExp(`:{1,3}(${DIRECTIVE_NAME})[[{]`, 'y');

function startsMarker(text: string, at: number): boolean {
  MARKER_START.lastIndex = at;
  const match = MARKER_START.exec(text);
  return match !== null && isMarkerLike(match[1]!);
}

const FENCE_LINE = new RegExp(`^[ \\t>]*:{2,}(${DIRECTIVE_NAME})`);

/**
 * Where the name ends on a line that opens a leaf or container marker, or one nearly named so
 * (`::claim[…]`, `> :::evidense{…}`); undefined for any other line.
 */
export function markerFenceNameEnd(line: string): number | undefined {
  const fence = FENCE_LINE.exec(line);
  return fence && isMarkerLike(fence[1]!) ? fence[0].length : undefined;
}

/**
 * A marker's colons and name, not preceded by a colon or a word character and followed by a
 * label, an attribute block, white space or the line's end: group 1 holds the colons, group 2
 * the kind. For a scan of the text that does not parse it; global, so for `matchAll`, which
 * copies it, not for `exec`.
 */
export const MARKER_OPENING = new RegExp(`(?<![:\\w])(:{1,})(${MARKER_KINDS.join('|')})(?=[[{\\s]|$)`, 'g');
