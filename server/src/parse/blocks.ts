import { frontMatterEnd, opensFrontMatter } from '../text/frontMatterFence.js';
import { lineEndAt, nextLineStart } from '../text/textHelpers.js';

/**
 * Proposes where the top-level blocks after the one starting at `from` start, reading from `from`
 * with nothing open, and ends with the document's length. A proposal is where a block is likely
 * to end so that the next parses alone as in the whole document; `IncrementalParser` checks each
 * proposal it uses against the parse of the block before it, joins blocks where one was wrong,
 * and asks again from each block end it accepts. So this function decides only how much is
 * reused, never what the result is.
 *
 * Front matter ends a block, and only when a later line closes it (as remark-frontmatter reads
 * it): an unclosed `---` is a thematic break and the rest splits as usual. Then a block ends
 * before a line that starts at column 0 after a blank line, unless something that may hold
 * blank lines is open there: a fenced code block, a container directive (`:::`), or an HTML
 * block that only a closing token ends (comments, `<pre>`, `<script>` …). Indented lines never
 * start a block: after a blank line they may continue a list item, a footnote or an indented
 * code block (and every block but the first may be parsed after stubs that end in a footnote).
 * A fence or such an HTML block that opens indented may belong to a list item that ends before
 * it closes: the splitter then misreads what follows until the parser corrects it.
 */
export function* blockEnds(text: string, from: number): Generator<number> {
  const state = new OpenConstructs();
  let at = from === 0 ? frontMatterEnd(text) : from;
  let afterFrontMatter = at > from;
  let previousBlank = false;
  let paragraphBefore = false;
  while (at < text.length) {
    const end = lineEndAt(text, at);
    const line = text.slice(at, end);
    const blank = /^[ \t]*$/.test(line);
    // micromark skips a byte-order mark only where its input starts: a block may not start with one.
    const startsBlock = !blank && !/^[ \t\ufeff]/.test(line) && (afterFrontMatter || (previousBlank && state.isClosed()));
    if (startsBlock) yield at;
    afterFrontMatter &&= blank;
    state.read(line, !paragraphBefore || at === from);
    previousBlank = blank;
    // Roughly: a line that is not blank or a heading may leave a paragraph open, which only some HTML blocks interrupt.
    paragraphBefore = !blank && !/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);
    at = nextLineStart(text, end);
  }
  yield text.length;
}

/**
 * Whether the document opens front matter that no line closes. micromark then reads the whole
 * document while it looks for the closing fence, and starts no list, block quote or footnote
 * definition anywhere in it: each block must be parsed after such an opening too.
 */
export function opensUnclosedFrontMatter(text: string): boolean {
  return opensFrontMatter(text) && frontMatterEnd(text) === 0;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** A directive name starts with anything but whitespace, punctuation and symbols (micromark-extension-directive). */
const CONTAINER = /^ {0,3}(:{3,})[^\s\p{P}\p{S}]/u;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;

/**
 * HTML blocks that only a closing token ends: how they open, what ends them, and how many
 * characters of the opening the end may share (`<!-->` and `<?>` end where they open).
 */
const HTML_UNTIL: readonly (readonly [RegExp, RegExp, number])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, 0],
  [/^ {0,3}<!--/, /-->/, 2],
  [/^ {0,3}<\?/, /\?>/, 1],
  [/^ {0,3}<![A-Za-z]/, />/, 0],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/, 0],
];
/** HTML blocks that a blank line ends; the lines they hold open nothing (CommonMark's kinds 6 and 7). */
const HTML_NAMED =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** A complete tag alone on its line, which opens an HTML block where it cannot continue a paragraph. */
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** What is open at the end of the lines read so far. */
class OpenConstructs {
  private fence: string | undefined;
  private htmlEnd: RegExp | undefined;
  private htmlUntilBlank = false;
  private containers: number[] = [];

  isClosed(): boolean {
    return this.fence === undefined && this.htmlEnd === undefined && !this.htmlUntilBlank && this.containers.length === 0;
  }

  read(line: string, noParagraphBefore: boolean): void {
    // A container's closing fence is tried before its content, so it also closes a fence or HTML block open inside.
    if (this.closesContainer(line)) {
      this.fence = undefined;
      this.htmlEnd = undefined;
      this.htmlUntilBlank = false;
    } else if (this.fence !== undefined) {
      const closing = FENCE.exec(line);
      if (closing && closing[1]![0] === this.fence[0] && closing[1]!.length >= this.fence.length && closing[2]!.trim() === '') this.fence = undefined;
    } else if (this.htmlEnd) {
      if (this.htmlEnd.test(line)) this.htmlEnd = undefined;
    } else if (this.htmlUntilBlank) {
      this.htmlUntilBlank = !/^[ \t]*$/.test(line);
    } else {
      this.readOpening(line, noParagraphBefore);
    }
  }

  /** Closes the outermost open container no longer than the line's fence, and all inside it. */
  private closesContainer(line: string): boolean {
    const close = this.containers.length > 0 ? CONTAINER_CLOSE.exec(line) : null;
    const outermost = close ? this.containers.findIndex((length) => length <= close[1]!.length) : -1;
    if (outermost === -1) return false;
    this.containers = this.containers.slice(0, outermost);
    return true;
  }

  private readOpening(line: string, noParagraphBefore: boolean): void {
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      this.fence = fence[1]!;
      return;
    }
    for (const [start, end, shared] of HTML_UNTIL) {
      const opening = start.exec(line);
      if (opening) {
        if (!end.test(line.slice(opening[0].length - shared))) this.htmlEnd = end;
        return;
      }
    }
    if (HTML_NAMED.test(line) || (noParagraphBefore && HTML_TAG_LINE.test(line))) {
      this.htmlUntilBlank = true;
      return;
    }
    const container = CONTAINER.exec(line);
    if (container) this.containers.push(container[1]!.length);
  }
}

