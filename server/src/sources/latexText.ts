/**
 * The plain text a BibTeX field's LaTeX reads as, for hovers and completion: accents composed,
 * formatting kept as its text, commands nobody knows dropped with their arguments (as Pandoc
 * drops them), braces, comments and math delimiters gone.
 */

const COMBINING_ACCENTS: Readonly<Record<string, string>> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', b: '\u0331', d: '\u0323',
};

const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  ldots: '…', dots: '…', textendash: '–', textemdash: '—', textquoteleft: '‘', textquoteright: '’',
  textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»', S: '§', P: '¶',
  copyright: '©', textregistered: '®', texttrademark: '™', pounds: '£', euro: '€', textasciitilde: '~',
  textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>', textunderscore: '_', LaTeX: 'LaTeX', TeX: 'TeX',
  '&': '&', '%': '%', '$': '$', '#': '#', '_': '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', '@': '', '-': '', '/': '',
};

/** Commands whose argument is the text: formatting, quotation, boxes. */
const TEXT_COMMANDS = new Set([
  'textit', 'textbf', 'textsc', 'textsf', 'texttt', 'textrm', 'textup', 'textsl', 'textmd', 'textnormal', 'emph',
  'mkbibquote', 'mkbibemph', 'mkbibitalic', 'mkbibbold', 'enquote', 'mbox', 'hbox', 'url', 'nolinkurl',
  'textsuperscript', 'textsubscript', 'uppercase', 'lowercase', 'MakeUppercase', 'MakeLowercase', 'NoCaseChange', 'ensuremath',
]);

const PUNCTUATION = new Map([['---', '—'], ['--', '–'], ['``', '“'], ["''", '”'], ['~', ' ']]);
const LETTERS = /^[A-Za-z]+/;

export function latexToText(latex: string): string {
  return new LatexReader(latex).read().replace(/\s+/g, ' ').trim().normalize('NFC');
}

class LatexReader {
  private position = 0;

  constructor(private readonly latex: string) {}

  read(until?: '}'): string {
    let text = '';
    while (this.position < this.latex.length) {
      const c = this.latex[this.position]!;
      if (c === until) return text;
      text += this.next(c);
    }
    return text;
  }

  private next(c: string): string {
    if (c === '\\') return this.command();
    if (c === '{') return this.group();
    if (c === '}' || c === '$') {
      this.position++;
      return '';
    }
    if (c === '%') {
      const end = this.latex.indexOf('\n', this.position);
      this.position = end < 0 ? this.latex.length : end;
      return '';
    }
    for (const [written, meant] of PUNCTUATION) {
      if (this.latex.startsWith(written, this.position)) {
        this.position += written.length;
        return meant;
      }
    }
    this.position++;
    return c;
  }

  private group(): string {
    this.position++;
    const text = this.read('}');
    this.position++;
    return text;
  }

  private command(): string {
    this.position++;
    const word = LETTERS.exec(this.latex.slice(this.position, this.position + 40))?.[0];
    const name = word ?? this.latex[this.position] ?? '';
    this.position += name.length;
    if (word) this.skipSpaces();
    const accent = COMBINING_ACCENTS[name];
    // An accent on a dotless i or j (`\'\i`) is written on the letter itself.
    if (accent !== undefined) return this.argument().replace('ı', 'i').replace('ȷ', 'j') + accent;
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) {
      if (this.latex.startsWith('{}', this.position)) this.position += 2;
      return symbol;
    }
    if (name === 'href') {
      this.argument();
      return this.argument();
    }
    if (TEXT_COMMANDS.has(name)) return this.argument();
    while (this.latex[this.position] === '{') this.group();
    return '';
  }

  /** A command's argument: a `{…}` group, or else the next character. */
  private argument(): string {
    if (this.latex[this.position] === '{') return this.group();
    const c = this.latex[this.position] ?? '';
    if (c === '\\') return this.command();
    this.position += c.length;
    return c;
  }

  private skipSpaces(): void {
    while (this.latex[this.position] === ' ' || this.latex[this.position] === '\n' || this.latex[this.position] === '\t') this.position++;
  }
}

/** An author or editor field's names, as "family, given" each (or the name as written, when braced whole). */
export function latexNames(latex: string): string[] {
  return splitAtTopLevel(latex, /\s+and\s+/iy).map(nameToText).filter((name) => name.length > 0);
}

function nameToText(name: string): string {
  const parts = splitAtTopLevel(name.trim(), /\s*,\s*/y).map(latexToText);
  if (parts.length > 1) return [parts[0], parts[Math.min(2, parts.length - 1)]].filter(Boolean).join(', ');
  const words = splitAtTopLevel(name.trim(), /\s+/y);
  if (words.length < 2) return latexToText(name);
  const particle = words.findIndex((word, i) => i > 0 && i < words.length - 1 && /^\p{Ll}/u.test(word));
  const familyStart = particle < 0 ? words.length - 1 : particle;
  return `${latexToText(words.slice(familyStart).join(' '))}, ${latexToText(words.slice(0, familyStart).join(' '))}`;
}

/** `text` split where `separator` (sticky) matches outside braces. */
function splitAtTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(text);
      if (match && match[0].length > 0) {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.filter((part) => part.trim().length > 0);
}
