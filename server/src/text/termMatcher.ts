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
const ONLY_WHITE_SPACE = /^\s+$/u;

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
    const words = [...text.matchAll(WORD)].map((match) => ({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length }));
    const found: TermMatch<T>[] = [];
    for (let first = 0; first < words.length; ) {
      const longest = this.longestAt(text, words, first);
      if (!longest) {
        first++;
        continue;
      }
      found.push({ start: words[first]!.start, end: words[longest.last]!.end, value: longest.value });
      first = longest.last + 1;
    }
    return found;
  }

  private longestAt(text: string, words: readonly { word: string; start: number; end: number }[], first: number): { last: number; value: T } | undefined {
    let node = this.root.next.get(words[first]!.word);
    let longest: { last: number; value: T } | undefined;
    for (let at = first; node; ) {
      if (node.value !== undefined) longest = { last: at, value: node.value };
      const following = words[at + 1];
      if (!following || !ONLY_WHITE_SPACE.test(text.slice(words[at]!.end, following.start))) break;
      node = node.next.get(following.word);
      at++;
    }
    return longest;
  }
}
