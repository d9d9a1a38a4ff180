/** Helpers for the Markdown that hovers show. */

/** Escapes the characters that would start inline markup, so that Markdown shows text as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** `code`, with backticks in the text handled. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
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
  return url ? `[${escapeMarkdown(target)}](${encodeURI(decodeURIComponentSafe(url)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)})` : inlineCode(target);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
