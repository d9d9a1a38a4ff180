/**
 * Where the offsets of one text lie in another that differs from it in one stretch, as after an
 * edit: what comes before the stretch stays, what comes after moves by the change of length.
 * Offsets inside the stretch have no place in the other text.
 */
export class TextShift {
  private constructor(
    /** Length of the text both begin with. */
    private readonly prefix: number,
    /** Where the text both end with starts, in each. */
    private readonly fromSuffix: number,
    private readonly toSuffix: number,
  ) {}

  static between(from: string, to: string): TextShift {
    const prefix = commonPrefixLength(from, to);
    const suffix = commonSuffixLength(from, to, Math.min(from.length, to.length) - prefix);
    return new TextShift(prefix, from.length - suffix, to.length - suffix);
  }

  /** The stretch that differs, in the first text and in the second. */
  get changed(): { readonly from: { start: number; end: number }; readonly to: { start: number; end: number } } {
    return { from: { start: this.prefix, end: Math.max(this.prefix, this.fromSuffix) }, to: { start: this.prefix, end: Math.max(this.prefix, this.toSuffix) } };
  }

  /** The offset in the second text of the character at offset `at` of the first. */
  forward(at: number): number | undefined {
    return moved(at, this.prefix, this.fromSuffix, this.toSuffix);
  }

  /** The offset in the first text of the character at offset `at` of the second. */
  back(at: number): number | undefined {
    return moved(at, this.prefix, this.toSuffix, this.fromSuffix);
  }
}

function moved(at: number, prefix: number, suffix: number, otherSuffix: number): number | undefined {
  if (at >= suffix) return at - suffix + otherSuffix;
  if (at < prefix) return at;
  return undefined;
}

/**
 * Texts are compared this many characters at a time before one at a time: comparing two slices
 * is several times faster than comparing their characters one by one (a keystroke in a megabyte
 * compares the whole text).
 */
const CHUNK = 1024;

/** How many characters `a` and `b` begin with alike. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length + CHUNK <= limit && a.slice(length, length + CHUNK) === b.slice(length, length + CHUNK)) length += CHUNK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** How many characters, up to `limit`, `a` and `b` end with alike. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}
