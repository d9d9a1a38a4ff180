/**
 * The one place where text from a document or a bibliography becomes the Markdown of hovers and
 * completion documentation. Whatever the text holds, it shows as written: it starts no markup, no
 * block and no link, and only `http:`, `https:` and `doi:` targets and workspace files are links.
 */

/** Markdown ends a paragraph or starts a block at a line break, so text is put on one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}

/**
 * Text that Markdown shows as written wherever it stands on a line: each character that can start
 * inline markup (emphasis, code, links, autolinks, HTML, entities, tables) is backslash-escaped,
 * and so is one that could start a block at the start of a line (`#`, `-`, `+`, `=`, `1.`).
 * A bare URL may still be shown as a link, but only to http(s), and never one that swallows the
 * escapes after it or the `](` of a link around it.
 */
export function escapeMarkdown(text: string): string {
  return trimSpaces(oneLine(text))
    // GFM turns `a@b.org` into a mailto: link after escapes are read, so only a character in between stops it.
    .replace(/(?<=[\w+.-])@/g, '\u2060@')
    .replace(/[\\`*_~[\]!<>&|]|:(?=\/\/)|(?<=www)\./gi, '\\$&')
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The text without spaces and tabs at its ends, in one pass (`/[ \t]+$/` is quadratic on long runs). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

/** `code`, with a fence longer than any backtick run inside, so that nothing in it can close it. */
export function inlineCode(text: string): string {
  const content = oneLine(text);
  const longestRun = (content.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  // Markdown drops one space at each end when both are spaces, unless the code is only spaces.
  const padded = /^[` ]|[` ]$/.test(content) && !/^ *$/.test(content) ? ` ${content} ` : content || ' ';
  return `${fence}${padded}${fence}`;
}

/** Bold text; plain when it is empty, as `****` would be a rule. */
export function strong(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped && `**${escaped}**`;
}

/** Italic text; plain when it is empty. */
export function emphasis(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped && `*${escaped}*`;
}

/**
 * The URL that may be opened for a target, or undefined: only `http:`, `https:` and `doi:`
 * (as https://doi.org/…) are links; any other scheme is shown as plain text.
 */
export function openableUrl(target: string): string | undefined {
  const trimmed = target.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (/^doi:/i.test(trimmed)) return `https://doi.org/${trimmed.slice(4)}`;
  return undefined;
}

/** A link if the target may be opened, else the target as code. */
export function linkOrText(target: string): string {
  const url = openableUrl(target);
  return url ? markdownLink(target, url) : inlineCode(target);
}

/** `[label](url)`, the label shown as written and the URL unable to end the link early. */
export function markdownLink(label: string, url: string): string {
  return `[${escapeMarkdown(label) || escapeMarkdown(url)}](${linkDestination(url)})`;
}

/**
 * A URL as a link destination: kept where it is plain (so that it still says where it goes),
 * percent-encoded where Markdown would read a character as the end of the link, a title, an
 * escape or code, and `&` escaped so that it never starts an entity.
 */
function linkDestination(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^\w\-.~:/?#@!$'*+,;=%]/gu, (character) => (character === '&' ? '\\&' : percentEncoded(character)));
}

function percentEncoded(character: string): string {
  if (character.length === 1 && character < '\x80') return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  // A lone surrogate has no UTF-8 form: it is shown, as everywhere, as U+FFFD.
  return /^[\ud800-\udfff]$/.test(character) ? '%EF%BF%BD' : encodeURIComponent(character);
}
