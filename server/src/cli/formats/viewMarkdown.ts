import { capitalize } from '../../text/textHelpers.js';
import type { Cell, ViewPage, ViewTable } from '../viewPages.js';

/** A view as GitHub-flavoured Markdown: a section a document, a GFM table a table. */
export function formatViewMarkdown(pages: readonly ViewPage[]): string {
  return pages.map(pageMarkdown).join('\n');
}

function pageMarkdown(page: ViewPage): string {
  const heading = `## ${escapeMarkdown(page.path)}: ${escapeMarkdown(page.title)}\n\n`;
  if (page.nothing) return `${heading}${escapeMarkdown(capitalize(page.nothing))}.\n`;
  return heading + page.tables.map(tableMarkdown).join('\n');
}

function tableMarkdown(table: ViewTable): string {
  const title = `### ${escapeMarkdown(table.title)}\n\n`;
  if (table.rows.length === 0) return `${title}None.\n`;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return title + line(table.columns.map(escapeMarkdown)) + line(table.columns.map(() => '---')) + table.rows.map((row) => line(row.map(cellMarkdown))).join('');
}

function cellMarkdown(cell: Cell): string {
  return typeof cell === 'string' ? escapeMarkdown(cell) : cell.map(escapeMarkdown).join('; ');
}

/**
 * Document text as literal Markdown on one line: the characters that could open emphasis, code,
 * a link, HTML, an entity, strikethrough, a heading's closing or end a cell are escaped; line
 * breaks and other control characters become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/[\\`*_[\]<>|&~#]/g, (character) => `\\${character}`);
}
