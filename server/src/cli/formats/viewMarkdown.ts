import { capitalize } from '../../text/textHelpers.js';
import { escapeMarkdown } from '../../views/formats/markdownEscape.js';
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
