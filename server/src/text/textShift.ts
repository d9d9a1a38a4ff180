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
    const shorter = Math.min(from.length, to.length);
    let prefix = 0;
    while (prefix < shorter && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < shorter - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix++;
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
