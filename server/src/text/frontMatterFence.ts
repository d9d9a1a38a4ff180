/**
 * Where front matter ends, as remark-frontmatter and Pandoc read it: the first line is `---`
 * (after a byte-order mark), and the next line that is `---` closes it. Unclosed, it is none.
 */

/** A fence line's text, opening or closing: three dashes and trailing blanks. */
const FENCE = String.raw`---[ \t]*`;
const FRONT_MATTER_OPENING = new RegExp(String.raw`^\ufeff?${FENCE}(?:\r\n?|\n)`);
const OPENING_LINE = new RegExp(String.raw`^\ufeff?${FENCE}$`);
const CLOSING_LINE = new RegExp(`^${FENCE}$`);

/** Just past the line that closes the front matter, or 0 when the document has none (or never closes it). */
export function frontMatterEnd(text: string): number {
  const opening = FRONT_MATTER_OPENING.exec(text);
  if (!opening) return 0;
  const closing = new RegExp(String.raw`(?<=[\r\n])${FENCE}(?:\r\n?|\n|$)`, 'g');
  closing.lastIndex = opening[0].length;
  const found = closing.exec(text);
  return found ? found.index + found[0].length : 0;
}

/** The same for a text already split into lines: how many lines the front matter takes. */
export function frontMatterLineCount(lines: readonly string[]): number {
  if (lines.length < 2 || !OPENING_LINE.test(lines[0]!)) return 0;
  for (let line = 1; line < lines.length; line++) if (CLOSING_LINE.test(lines[line]!)) return line + 1;
  return 0;
}

/** Whether the first line opens front matter, closed later or not. */
export function opensFrontMatter(text: string): boolean {
  return FRONT_MATTER_OPENING.test(text);
}
