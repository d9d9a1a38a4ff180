import { wrapWords } from '../../text/textHelpers.js';
import { SCORING, type MatrixView } from '../../views/matrix.js';
import type { ViewDocument } from '../viewPages.js';
import { columnLabel, columnNotes, disagreements, LEGEND, MATRIX_TITLE, nameOf, notObservedLine, RATING_MARKS, rowNotes } from '../../views/formats/matrixWords.js';
import { printable } from './text.js';

/** The widest line the text format prints: its last column is cut to fit. */
export const TEXT_WIDTH = 100;

/** The matrix for a terminal: the hypotheses, then the rows as a grid, each line at most `TEXT_WIDTH` wide. */
export function formatMatrixText(documents: readonly ViewDocument<'matrix'>[]): string {
  return documents.map(documentText).join('\n');
}

function documentText({ path, view }: ViewDocument<'matrix'>): string {
  const heading = `${printable(path)}: ${MATRIX_TITLE}\n`;
  if (view.hypotheses.length === 0) return `${heading}  no hypotheses\n`;
  const notes = [notObservedLine(view), ...disagreements(view)].filter((line) => line !== undefined);
  return [
    heading,
    `\n  Hypotheses (${view.hypotheses.length}): score = rows inconsistent with it, lowest = least refuted\n`,
    hypothesesGrid(view),
    `\n  Rows (${view.rows.length}): ${LEGEND}\n`,
    view.rows.length > 0 ? rowsGrid(view) : '    none\n',
    notes.length > 0 ? `\n${notes.map((line) => `  ${printable(line)}\n`).join('')}` : '',
    `\n  How the score is computed:\n${SCORING.flatMap((line) => wrapWords(line, TEXT_WIDTH - 4)).map((line) => `    ${line}\n`).join('')}`,
  ].join('');
}

function hypothesesGrid(view: MatrixView): string {
  return grid(
    ['', 'Hypothesis', 'Status', 'Score', 'Consistent', 'Notes', 'Text'],
    view.hypotheses.map((column, i) => [columnLabel(i), nameOf(column), column.status, String(column.score), String(column.consistent), columnNotes(column).join(', '), column.text]),
  );
}

function rowsGrid(view: MatrixView): string {
  const labels = view.hypotheses.map((_, i) => columnLabel(i));
  return grid(
    ['Row', 'Line', 'Src', ...labels, 'Notes', 'Text'],
    view.rows.map((row) => [nameOf(row), String(row.line), row.sourced ? 'yes' : 'no', ...row.ratings.map((rating) => RATING_MARKS[rating]), rowNotes(row).join(', '), row.text]),
  );
}

/** The widest a column but the last (a name, a note) is printed; longer ones are cut. */
const COLUMN_WIDTH = 18;

/** Cells aligned under their headers, two spaces apart; long ones cut, the last column to fit. */
function grid(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const table = [headers, ...rows].map((cells) => cells.map(printable));
  const widths = headers.map((_, c) => Math.min(COLUMN_WIDTH, Math.max(...table.map((cells) => cells[c]!.length))));
  const last = widths.length - 1;
  const used = 4 + widths.slice(0, last).reduce((sum, width) => sum + width + 2, 0);
  widths[last] = Math.max(0, TEXT_WIDTH - used);
  return table.map((cells) => `    ${cells.map((cell, c) => cut(cell, widths[c]!).padEnd(c === last ? 0 : widths[c]!)).join('  ')}`.trimEnd() + '\n').join('');
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…`.slice(0, width) : text;
}
