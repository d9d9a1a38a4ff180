/** Small operations on text that several modules need. */

/** The offset where the line holding `from` ends, before its line break. */
export function lineEndAt(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** The start of the line after the one that ends (before its line break) at `end`. */
export function nextLineStart(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end + 1;
}

/** The first `count` words of a text, with "…" when some were left out. */
export function firstWords(text: string, count: number): string {
  let end = -1;
  for (let word = 0; word < count; word++) {
    end = text.indexOf(' ', end + 1);
    if (end === -1) return text;
  }
  return `${text.slice(0, end)}…`;
}

/** A text broken at spaces into lines of at most `width` characters (a longer word stays whole, on a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a`, `a and b`, `a, b or c`. */
/** `an assumption`, `a hypothesis`: the word after its indefinite article (by its first letter, enough for our words). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Whether two lists hold the same items in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The first index of a sorted list at which `isBefore` no longer holds (`length` when it holds
 * throughout), found by halving: `isBefore` must hold for a prefix of the list and for nothing after.
 */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
