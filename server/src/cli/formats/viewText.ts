import type { Cell, ViewPage, ViewTable } from '../viewPages.js';
import { printable } from './text.js';

/**
 * A view for a terminal: each document under its path and the view's title, each table under its
 * title, one block a row: the row's first cell, then a line for each other cell under the
 * column's name (names aligned; a list one item a line).
 */
export function formatViewText(pages: readonly ViewPage[]): string {
  return pages.map(pageText).join('\n');
}

function pageText(page: ViewPage): string {
  const heading = `${printable(page.path)}: ${page.title}\n`;
  if (page.nothing) return `${heading}  ${page.nothing}\n`;
  return heading + page.tables.map(tableText).join('');
}

function tableText(table: ViewTable): string {
  const title = `\n  ${table.title} (${table.rows.length})\n`;
  if (table.rows.length === 0) return `${title}    none\n`;
  const [, ...labels] = table.columns.map((column) => column.toLowerCase());
  const width = Math.max(...labels.map((label) => label.length));
  return title + table.rows.map((row) => rowText(row, labels, width)).join('');
}

function rowText([first, ...rest]: readonly Cell[], labels: readonly string[], width: number): string {
  const indent = ' '.repeat(6 + width + 2);
  const lines = rest.map((cell, i) => {
    const items = typeof cell === 'string' ? [cell] : cell;
    const [head = '—', ...tail] = items.map(printable);
    return `      ${labels[i]!.padEnd(width)}  ${head || '—'}\n${tail.map((item) => `${indent}${item}\n`).join('')}`;
  });
  return `    ${printable(String(first))}\n${lines.join('')}`;
}
