import { capitalize } from '../../text/textHelpers.js';
import type { Cell, ViewPage, ViewTable } from '../viewPages.js';

/** A view as GitHub-flavoured Markdown: a section a document, a GFM table a table. */
export function formatViewMarkdown(pages: readonly ViewPage[]): string {
  return pages.map(pageMarkdown).join('\n');
}

function pageMarkdown(page: ViewPage): string {
  const heading = `## ${escape(page.path)}: ${escape(page.title)}\n\n`;
  if (page.nothing) return `${heading}${escape(capitalize(page.nothing))}.\n`;
  return heading + page.tables.map(tableMarkdown).join('\n');
}

function tableMarkdown(table: ViewTable): string {
  const title = `### ${escape(table.title)}\n\n`;
  if (table.rows.length === 0) return `${title}None.\n`;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return title + line(table.columns.map(escape)) + line(table.columns.map(() => '---')) + table.rows.map((row) => line(row.map(cellMarkdown))).join('');
}

function cellMarkdown(cell: Cell): string {
  return typeof cell === 'string' ? escape(cell) : cell.map(escape).join('; ');
}

/**
 * Document text as literal Markdown on one line: the characters that could open emphasis, code,
 * a link, HTML, an entity, strikethrough, a heading's closing or end a cell are escaped; line
 * breaks and other control characters become spaces.
 */
function escape(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/[\\`*_[\]<>|&~#]/g, (character) => `\\${character}`);
}
