import { SCORING, type MatrixView } from '../matrix.js';
import { escapeMarkdown } from './markdownEscape.js';
import type { NamedView } from './namedView.js';
import { columnLabel, columnNotes, disagreements, LEGEND, MATRIX_TITLE, nameOf, notObservedLine, RATING_MARKS, rowNotes } from './matrixWords.js';

/** The matrix as GitHub-flavoured Markdown: a section a document, the hypotheses and the rows as GFM tables. */
export function formatMatrixMarkdown(documents: readonly NamedView<MatrixView>[]): string {
  return documents.map(documentMarkdown).join('\n');
}

function documentMarkdown({ path, view }: NamedView<MatrixView>): string {
  const heading = `## ${escapeMarkdown(path)}: ${MATRIX_TITLE}\n\n`;
  if (view.hypotheses.length === 0) return `${heading}No hypotheses.\n`;
  const notes = [notObservedLine(view), ...disagreements(view)].filter((line) => line !== undefined);
  return [
    heading,
    '### Hypotheses\n\n',
    table(
      ['', 'Hypothesis', 'Status', 'Score', 'Consistent', 'Notes', 'Text'],
      view.hypotheses.map((column, i) => [columnLabel(i), nameOf(column), column.status, String(column.score), String(column.consistent), columnNotes(column).join(', '), column.text]),
    ),
    `\n### Rows\n\n${escapeMarkdown(LEGEND)}.\n\n`,
    view.rows.length > 0 ? rowsTable(view) : 'None.\n',
    notes.length > 0 ? `\n${notes.map((line) => `- ${escapeMarkdown(line)}\n`).join('')}` : '',
    `\n**How the score is computed.** ${SCORING.map(escapeMarkdown).join(' ')}\n`,
  ].join('');
}

function rowsTable(view: MatrixView): string {
  const labels = view.hypotheses.map((column, i) => `${columnLabel(i)} ${nameOf(column)}`);
  const rows = view.rows.map((row) => [nameOf(row), row.kind, String(row.line), row.sourced ? 'yes' : 'no', ...row.ratings.map((rating) => RATING_MARKS[rating]), rowNotes(row).join(', '), row.text]);
  const scores = ['Score', '', '', '', ...view.hypotheses.map((column) => String(column.score)), '', ''];
  return table(['Row', 'Kind', 'Line', 'Sourced', ...labels, 'Notes', 'Text'], [...rows, scores]);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return line(headers.map(escapeMarkdown)) + line(headers.map(() => '---')) + rows.map((cells) => line(cells.map(escapeMarkdown))).join('');
}
