import { sameList } from './textHelpers.js';

/**
 * The candidate closest to `name`, if it is close: one edit for every three characters, at most
 * two, so that short ids like `c9` get no guess. Case is ignored; a swap of neighbours is one edit.
 * Of equally close candidates, the first wins.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return NameIndex.of(candidates).closest(name);
}

/**
 * Of a short list of allowed words, the one most like `word`, however far: the one that keeps the
 * most of its letters in order (`medium` → `moderate`, `favourite` → `favored`), ties to the first.
 * Case is ignored.
 */
export function mostAlike(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; kept: number } | undefined;
  for (const candidate of candidates) {
    const kept = lettersKeptInOrder(word.toLowerCase(), candidate.toLowerCase());
    if (!best || kept > best.kept) best = { candidate, kept };
  }
  return best?.candidate;
}

/** The length of the longest common subsequence of `a` and `b`. */
function lettersKeptInOrder(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const letter of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = letter === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

const REMEMBERED_INDEXES = 4;
const REMEMBERED_ANSWERS = 10_000;

/**
 * The candidates of one list, indexed by the substrings of `q` characters (q-grams) each holds,
 * so that a lookup computes the distance only to candidates that can be close. An edit destroys
 * at most `q + 1` of a name's q-grams, so a candidate within `k` edits holds all but `(q + 1)k`
 * of them, and therefore one of its `(q + 1)k + 1` rarest: only those q-grams' candidates are
 * compared. The longest q that leaves enough q-grams is used (4 for long names, 1 for short).
 * Indexes and answers are kept across analyses: a keystroke rarely changes the names.
 */
class NameIndex {
  private static readonly byList = new WeakMap<readonly string[], NameIndex>();
  /** The last few indexes made, newest last: a new analysis lists the same names in a new array. */
  private static readonly recent: NameIndex[] = [];

  static of(candidates: readonly string[]): NameIndex {
    let index = NameIndex.byList.get(candidates);
    if (!index) {
      index = NameIndex.sameNames(candidates);
      NameIndex.byList.set(candidates, index);
    }
    return index;
  }

  private static sameNames(candidates: readonly string[]): NameIndex {
    const at = NameIndex.recent.findIndex((index) => sameList(index.candidates, candidates));
    const index = at >= 0 ? NameIndex.recent.splice(at, 1)[0]! : NameIndex.afterOneChange(candidates) ?? new NameIndex(candidates);
    NameIndex.recent.push(index);
    if (NameIndex.recent.length > REMEMBERED_INDEXES) NameIndex.recent.shift();
    return index;
  }

  /**
   * An index of `candidates` that keeps the answers of a recent index whose list differs from
   * them in one name only, as after a keystroke in an id: only that name is compared again.
   */
  private static afterOneChange(candidates: readonly string[]): NameIndex | undefined {
    for (const recent of NameIndex.recent) {
      const changed = onlyDifference(recent.candidates, candidates);
      if (changed !== undefined) return new NameIndex(candidates, { from: recent, changed });
    }
    return undefined;
  }

  private readonly lowered: string[];
  /** By q: each q-gram and the candidates that hold it. Built when first needed. */
  private readonly holders = new Map<number, Map<string, number[]>>();
  /** Each name looked up and the closest candidate found, with its distance. */
  private readonly answers = new Map<string, Closest | undefined>();
  /** For each candidate, the last lookup that found it: lists are joined without a set. */
  private readonly lastSeen: Int32Array;
  private lookups = 0;

  private constructor(
    private readonly candidates: readonly string[],
    previous?: { readonly from: NameIndex; readonly changed: number },
  ) {
    this.lowered = candidates.map((candidate) => candidate.toLowerCase());
    this.lastSeen = new Int32Array(candidates.length);
    if (previous) this.keepAnswers(previous.from, previous.changed);
  }

  closest(name: string): string | undefined {
    let answer = this.answers.get(name);
    if (answer === undefined && !this.answers.has(name)) {
      answer = this.search(name);
      if (this.answers.size >= REMEMBERED_ANSWERS) this.answers.clear();
      this.answers.set(name, answer);
    }
    return answer && this.candidates[answer.index];
  }

  /** The answers of `previous`, whose candidates differ from these at `changed` only, checked against the new one there. */
  private keepAnswers(previous: NameIndex, changed: number): void {
    for (const [name, answer] of previous.answers) {
      // The closest was the name that changed: look again.
      if (answer?.index === changed) continue;
      this.answers.set(name, closer(answer, this.compare(name, name.toLowerCase(), allowedSteps(name), changed)));
    }
  }

  private search(name: string): Closest | undefined {
    const lowered = name.toLowerCase();
    const allowed = allowedSteps(name);
    let best: Closest | undefined;
    for (const i of this.mayBeClose(lowered, allowed)) best = closer(best, this.compare(name, lowered, allowed, i));
    return best;
  }

  /** Candidate `i` as an answer for `name`, when it is another name within `allowed` edits. */
  private compare(name: string, lowered: string, allowed: number, i: number): Closest | undefined {
    if (this.candidates[i] === name) return undefined;
    const steps = boundedDistance(lowered, this.lowered[i]!, allowed);
    return steps <= allowed ? { index: i, steps } : undefined;
  }

  /** The candidates that hold one of the name's rarest q-grams; all, for a name too short to tell. */
  private mayBeClose(lowered: string, allowed: number): Iterable<number> {
    const needed = (q: number) => (q + 1) * allowed + 1;
    const q = [4, 3, 2, 1].find((length) => lowered.length - length + 1 >= needed(length));
    if (q === undefined || allowed === 0) return this.lowered.keys();
    const index = this.gramIndex(q);
    const rarest = [...gramsOf(lowered, q)].map((gram) => index.get(gram) ?? []).sort((a, b) => a.length - b.length).slice(0, needed(q));
    // When the rarest q-grams are common, reading them costs more than comparing with every candidate.
    if (rarest.reduce((sum, holders) => sum + holders.length, 0) >= this.lowered.length) return this.lowered.keys();
    return this.distinct(rarest);
  }

  /** The candidates of several lists, each once. */
  private distinct(lists: readonly number[][]): number[] {
    const lookup = ++this.lookups;
    const found: number[] = [];
    for (const list of lists) {
      for (const i of list) {
        if (this.lastSeen[i] === lookup) continue;
        this.lastSeen[i] = lookup;
        found.push(i);
      }
    }
    return found;
  }

  private gramIndex(q: number): Map<string, number[]> {
    let index = this.holders.get(q);
    if (index) return index;
    index = new Map();
    for (const [i, candidate] of this.lowered.entries()) {
      for (const gram of gramsOf(candidate, q)) {
        const holders = index.get(gram);
        if (holders) holders.push(i);
        else index.set(gram, [i]);
      }
    }
    this.holders.set(q, index);
    return index;
  }
}

interface Closest {
  readonly index: number;
  readonly steps: number;
}

/** One edit for every three characters, at most two. */
const allowedSteps = (name: string) => Math.min(2, Math.floor(name.length / 3));

/** Of two answers, the closer; of equally close ones, the one listed first. */
function closer(a: Closest | undefined, b: Closest | undefined): Closest | undefined {
  if (!a || !b) return a ?? b;
  return b.steps < a.steps || (b.steps === a.steps && b.index < a.index) ? b : a;
}

/** The one position at which two lists of one length differ; undefined when they differ elsewhere too, or nowhere. */
function onlyDifference(a: readonly string[], b: readonly string[]): number | undefined {
  if (a.length !== b.length) return undefined;
  let found: number | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (found !== undefined) return undefined;
    found = i;
  }
  return found;
}

function gramsOf(text: string, q: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + q <= text.length; i++) grams.add(text.slice(i, i + q));
  return grams;
}

/** Three rows of the distance table, kept between calls: the distance is computed for thousands of pairs. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * The edit distance of `a` and `b` counting a swap of neighbours as one edit (optimal string
 * alignment), or `bound + 1` as soon as it must exceed `bound`: only the cells within `bound` of
 * the diagonal are computed, and a row whose cells all exceed it ends the work.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  const n = b.length;
  const far = bound + 1;
  if (Math.abs(a.length - n) > bound) return far;
  if (rows[0].length < n + 2) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let [older, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j <= bound ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(n, i + bound);
    current[from - 1] = from === 1 && i <= bound ? i : far;
    let rowMinimum = current[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let cell = Math.min(previous[j - 1]! + (ai === bj ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) cell = Math.min(cell, older[j - 2]! + 1);
      current[j] = Math.min(cell, far);
      rowMinimum = Math.min(rowMinimum, current[j]!);
    }
    if (to < n) current[to + 1] = far;
    if (rowMinimum > bound) return far;
    [older, previous, current] = [previous, current, older];
  }
  return previous[n]!;
}
