/** A term found in a text: where (indices of the text, `end` exclusive) and what it stands for. */
export interface TermMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  value?: T;
}

/** Words are runs of letters, marks and digits: a hyphen, an apostrophe or any other sign ends one. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** The next word of a term: white space, then a word (sticky, from where the last word ended). */
const NEXT_WORD = /\s+([\p{L}\p{M}\p{N}]+)/uy;

/**
 * Finds terms of one or more words in a text: as whole words, ignoring case, with any white
 * space (line breaks included) between the words of a term, and the longest term where several
 * start at the same word (`very unlikely`, not `unlikely`). Matches do not overlap.
 */
export class TermMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };

  /** `terms`: each written with single spaces between its words; a term given twice keeps its first value. */
  constructor(terms: Iterable<readonly [string, T]>) {
    for (const [term, value] of terms) {
      let node = this.root;
      for (const word of term.toLowerCase().split(' ')) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map() }));
        node = child;
      }
      if (node.value === undefined) node.value = value;
    }
  }

  matches(text: string): TermMatch<T>[] {
    const lower = text.toLowerCase();
    // Lower case is read from the whole text at once where that keeps every index (it nearly always does).
    const fold = lower.length === text.length ? (start: number, end: number) => lower.slice(start, end) : (start: number, end: number) => text.slice(start, end).toLowerCase();
    const found: TermMatch<T>[] = [];
    const words = new RegExp(WORD);
    for (let word = words.exec(text); word; word = words.exec(text)) {
      const first = this.root.next.get(fold(word.index, word.index + word[0].length));
      const longest = first && this.longestFrom(text, fold, first, word.index + word[0].length);
      if (!longest) continue;
      found.push({ start: word.index, end: longest.end, value: longest.value });
      words.lastIndex = longest.end;
    }
    return found;
  }

  /** The longest term that goes on from `node`, whose last word so far ends at `end`. */
  private longestFrom(text: string, fold: (start: number, end: number) => string, node: TrieNode<T>, end: number): { end: number; value: T } | undefined {
    let longest = node.value === undefined ? undefined : { end, value: node.value };
    const next = new RegExp(NEXT_WORD);
    for (let current: TrieNode<T> | undefined = node; current && current.next.size > 0; ) {
      next.lastIndex = end;
      const word = next.exec(text);
      if (!word) break;
      const wordEnd = word.index + word[0].length;
      current = current.next.get(fold(wordEnd - word[1]!.length, wordEnd));
      if (current?.value !== undefined) longest = { end: wordEnd, value: current.value };
      end = wordEnd;
    }
    return longest;
  }
}
