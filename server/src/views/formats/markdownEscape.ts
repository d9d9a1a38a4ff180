/**
 * Document text as literal Markdown on one line: the characters that could open emphasis, code,
 * a link, HTML, an entity, strikethrough, a heading's closing or end a cell are escaped; line
 * breaks and other control characters become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/[\\`*_[\]<>|&~#]/g, (character) => `\\${character}`);
}
