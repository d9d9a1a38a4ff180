import type { Span } from '../types.js';

/**
 * BibTeX read as Pandoc reads it (`pandoc --citeproc`, whose grammar this follows): the same
 * entries with the same keys, where a `%` starts a comment outside braces, `@comment`,
 * `@preamble` and `@string` are not entries, and `@xdata` entries are not sources. Field values
 * are the raw LaTeX, `@string`s expanded.
 */
export interface BibtexEntry {
  readonly type: string;
  readonly key: string;
  readonly keySpan: Span;
  /** Lower-case field name → raw value. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface BibtexScan {
  readonly entries: readonly BibtexEntry[];
  /** Where Pandoc would stop with an error, and why in our words. Entries after it are still read. */
  readonly error?: { readonly offset: number; readonly message: string };
}

const KEY_PUNCTUATION = new Set(".:;?!`'()$/*@_+=-[]&");
const FIELD_PUNCTUATION = new Set('-_:+');
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

const STRAY_AT = 'an @ that starts no entry (an entry is @type{key, …}; other text with an @ goes after a %)';

class BibtexSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function scanBibtex(text: string): BibtexScan {
  const scanner = new Scanner(text);
  const entries: BibtexEntry[] = [];
  let error: BibtexScan['error'];
  while (scanner.skipToEntry()) {
    const start = scanner.position;
    try {
      const entry = scanner.entry();
      if (entry.type !== 'xdata') entries.push(entry);
    } catch (failure) {
      if (!(failure instanceof BibtexSyntaxError)) throw failure;
      error ??= { offset: failure.offset, message: failure.message };
      scanner.position = start + 1;
    }
  }
  return error ? { entries, error } : { entries };
}

class Scanner {
  position = 0;
  private readonly strings = new Map<string, string>();

  constructor(private readonly text: string) {}

  /** Skips text, comments and `@comment`/`@preamble`/`@string` up to the next entry's `@`. */
  skipToEntry(): boolean {
    for (;;) {
      this.skipWhile((c) => c !== '@' && c !== '%');
      if (this.peek() === '%') {
        this.skipComment();
        continue;
      }
      if (this.position >= this.text.length) return false;
      if (!this.nonEntry()) return true;
    }
  }

  entry(): BibtexEntry {
    this.expect('@', STRAY_AT);
    const type = this.take(isLetter, STRAY_AT).toLowerCase();
    this.spaces();
    this.expect('{', this.peek() === '(' ? 'an entry in parentheses, @type(…), which Pandoc does not read: use braces' : STRAY_AT);
    this.spaces();
    const keyStart = this.position;
    const key = this.take(isKeyCharacter, 'an entry without a key (write @type{key, …})');
    const keySpan = { start: keyStart, end: this.position };
    this.spaces();
    this.expect(',', 'a key is followed by a comma, and holds only letters, digits and .:;?!`\'()$/*@_+=-[]&');
    this.spaces();
    const fields = this.fields();
    this.spaces();
    this.expect('}', 'an entry is not closed by } (fields are name = value, separated by commas)');
    return { type, key, keySpan, fields };
  }

  /** `@comment`, `@preamble` or `@string` at the cursor, read and skipped; false (cursor kept) otherwise. */
  private nonEntry(): boolean {
    const start = this.position;
    try {
      this.position++;
      if (this.keyword('comment')) {
        this.spaces();
        if (this.peek() === '{') this.braced();
        else this.skipWhile((c) => c !== '@' && c !== '%');
        return true;
      }
      if (this.keyword('preamble')) {
        this.spaces();
        this.braced();
        return true;
      }
      if (this.keyword('string')) {
        this.spaces();
        this.expect('{', '');
        this.spaces();
        const [name, value] = this.field();
        this.expect('}', '');
        this.strings.set(name, value);
        return true;
      }
    } catch (failure) {
      if (!(failure instanceof BibtexSyntaxError)) throw failure;
    }
    this.position = start;
    return false;
  }

  private fields(): Map<string, string> {
    const fields = new Map<string, string>();
    while (isFieldCharacter(this.peek())) {
      const [name, value] = this.field();
      fields.set(name, value);
      if (this.peek() !== ',') break;
      this.position++;
      this.spaces();
    }
    return fields;
  }

  private field(): [string, string] {
    const name = this.take(isFieldCharacter, 'a field without a name').toLowerCase();
    this.spaces();
    this.expect('=', 'a field has no = before its value');
    this.spaces();
    const parts: string[] = [];
    for (;;) {
      const part = this.value();
      if (part === undefined) break;
      parts.push(part);
      const beforeHash = this.position;
      this.spaces();
      if (this.peek() !== '#') {
        this.position = beforeHash;
        break;
      }
      this.position++;
      this.spaces();
    }
    this.spaces();
    return [name, parts.join('')];
  }

  private value(): string | undefined {
    const c = this.peek();
    if (c === '{') return this.braced();
    if (c === '"') return this.quoted();
    if (!isFieldCharacter(c)) return undefined;
    const name = this.take(isFieldCharacter, '').toLowerCase();
    return this.strings.get(name) ?? name;
  }

  /** A `{…}` group's inner text, nested groups and `\{` `\}` kept as written. */
  private braced(): string {
    const open = this.position;
    let depth = 0;
    for (; this.position < this.text.length; this.position++) {
      const c = this.text[this.position];
      if (c === '\\' && (this.text[this.position + 1] === '{' || this.text[this.position + 1] === '}')) this.position++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.position++;
        return this.text.slice(open + 1, this.position - 1);
      }
    }
    throw new BibtexSyntaxError(this.text.length, 'a value in braces is not closed');
  }

  /** A `"…"` value: braced groups kept, `\x` kept, a `%` comment dropped up to the line's end. */
  private quoted(): string {
    const parts: string[] = [];
    this.position++;
    for (;;) {
      const start = this.position;
      this.skipWhile((c) => c !== '"' && c !== '{' && c !== '\\' && c !== '%');
      parts.push(this.text.slice(start, this.position));
      const c = this.peek();
      if (c === undefined) throw new BibtexSyntaxError(this.text.length, 'a value in quotes is not closed');
      if (c === '"') {
        this.position++;
        return parts.join('');
      }
      if (c === '{') parts.push(`{${this.braced()}}`);
      else if (c === '%') this.skipComment();
      else {
        parts.push(this.text.slice(this.position, this.position + 2));
        this.position += 2;
      }
    }
  }

  /** White space and `%` comments. */
  private spaces(): void {
    for (;;) {
      this.skipWhile((c) => SPACE.test(c));
      if (this.peek() !== '%') return;
      this.skipComment();
    }
  }

  private skipComment(): void {
    this.skipWhile((c) => c !== '\n');
  }

  private keyword(word: string): boolean {
    if (this.text.slice(this.position, this.position + word.length).toLowerCase() !== word) return false;
    this.position += word.length;
    return true;
  }

  private take(accepts: (c: string) => boolean, problem: string): string {
    const start = this.position;
    this.skipWhile(accepts);
    if (this.position === start) throw new BibtexSyntaxError(start, problem);
    return this.text.slice(start, this.position);
  }

  private expect(c: string, problem: string): void {
    if (this.peek() !== c) throw new BibtexSyntaxError(this.position, problem);
    this.position++;
  }

  private skipWhile(accepts: (c: string) => boolean): void {
    while (this.position < this.text.length && accepts(this.text[this.position]!)) this.position++;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }
}

function isLetter(c: string): boolean {
  return LETTER.test(c);
}

function isKeyCharacter(c: string): boolean {
  return LETTER_OR_DIGIT.test(c) || KEY_PUNCTUATION.has(c);
}

function isFieldCharacter(c: string | undefined): c is string {
  return c !== undefined && (LETTER_OR_DIGIT.test(c) || FIELD_PUNCTUATION.has(c));
}
