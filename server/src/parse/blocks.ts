import { lineEndAt } from '../text/textHelpers.js';

/**
 * Splits a document into top-level blocks that parse the same alone as in the whole document,
 * so that an edit needs only the blocks it touches parsed again.
 *
 * A block ends before a line that starts at column 0 after a blank line, unless something that
 * may hold blank lines is open there: the front matter, a fenced code block, a container
 * directive (`:::`), or an HTML block that only a closing token ends (comments, `<pre>`,
 * `<script>` …). Indented lines never start a block: after a blank line they may continue a list
 * item, a footnote or an indented code block. A fence or such an HTML block that opens indented
 * may belong to a list item whose end would change what it holds: after one, the rest of the
 * document stays one block. Splitting less than possible is always safe.
 */
export function splitBlocks(text: string): number[] {
  const starts = [0];
  const state = new OpenConstructs();
  let previousBlank = false;
  let at = 0;
  let first = true;
  while (at < text.length) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    const blank = /^[ \t]*$/.test(line);
    if (!first && previousBlank && !blank && !/^[ \t]/.test(line) && state.isClosed()) starts.push(at);
    state.read(line, first);
    previousBlank = blank;
    first = false;
    at = nextLineStart(text, end);
  }
  return starts;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CONTAINER = /^ {0,3}(:{3,})[A-Za-z]/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;
const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** What is open at the end of the lines read so far. */
class OpenConstructs {
  private frontMatter = false;
  /** Something opened whose extent depends on the lists around it: no more splits. */
  private uncertain = false;
  private fence: string | undefined;
  private htmlEnd: RegExp | undefined;
  private containers: number[] = [];

  isClosed(): boolean {
    return !this.uncertain && !this.frontMatter && this.fence === undefined && this.htmlEnd === undefined && this.containers.length === 0;
  }

  read(line: string, first: boolean): void {
    if (first && /^---[ \t]*$/.test(line)) {
      this.frontMatter = true;
    } else if (this.frontMatter) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) this.frontMatter = false;
    } else if (this.fence !== undefined) {
      const closing = FENCE.exec(line);
      if (closing && closing[1]![0] === this.fence[0] && closing[1]!.length >= this.fence.length && closing[2]!.trim() === '') this.fence = undefined;
    } else if (this.htmlEnd) {
      if (this.htmlEnd.test(line)) this.htmlEnd = undefined;
    } else {
      this.readOpening(line);
    }
  }

  private readOpening(line: string): void {
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      this.fence = fence[1]!;
      this.uncertain ||= line.startsWith(' ');
      return;
    }
    for (const [start, end] of HTML_UNTIL) {
      if (start.test(line)) {
        if (!end.test(line.replace(start, ''))) this.htmlEnd = end;
        this.uncertain ||= line.startsWith(' ');
        return;
      }
    }
    const close = CONTAINER_CLOSE.exec(line);
    if (close) {
      // A closing fence closes the outermost open container no longer than it, and all inside it.
      const outermost = this.containers.findIndex((length) => length <= close[1]!.length);
      if (outermost !== -1) this.containers = this.containers.slice(0, outermost);
      return;
    }
    const container = CONTAINER.exec(line);
    if (container) {
      this.containers.push(container[1]!.length);
      this.uncertain ||= line.startsWith(' ');
    }
  }
}


function nextLineStart(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end + 1;
}
