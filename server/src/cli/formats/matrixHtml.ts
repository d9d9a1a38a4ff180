import { SCORING, type MatrixView } from '../../views/matrix.js';
import type { ViewDocument } from '../viewPages.js';
import { columnLabel, columnNotes, disagreements, LEGEND, MATRIX_TITLE, nameOf, notObservedLine, RATING_MARKS, rowNotes } from '../../views/formats/matrixWords.js';

/**
 * The matrix as one standalone HTML page: no script and nothing fetched (its content security
 * policy allows only its own style sheet), light or dark as the reader's system prefers, every
 * text from a document escaped.
 */
export function formatMatrixHtml(documents: readonly ViewDocument<'matrix'>[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${MATRIX_TITLE}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${MATRIX_TITLE}</h1>
${documents.map(documentHtml).join('')}<footer><h2>How the score is computed</h2>
${SCORING.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</footer>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
  --ok-bg: #dafbe1; --ok-fg: #116329; --bad-bg: #ffebe9; --bad-fg: #a40e26; --note: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
  --ok-bg: #12361f; --ok-fg: #7ee787; --bad-bg: #4b1113; --bad-fg: #ffa198; --note: #e3b341; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem; max-width: 80rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th, td:nth-child(-n+4) { white-space: nowrap; }
td.rating { text-align: center; font-weight: 600; }
td.consistent { background: var(--ok-bg); color: var(--ok-fg); }
td.inconsistent { background: var(--bad-bg); color: var(--bad-fg); }
td.none { color: var(--muted); }
.note { color: var(--note); font-weight: 600; }
.muted, footer { color: var(--muted); }
`;

function documentHtml({ path, view }: ViewDocument<'matrix'>): string {
  const heading = `<section>\n<h2>${escapeHtml(path)}</h2>\n`;
  if (view.hypotheses.length === 0) return `${heading}<p>No hypotheses.</p>\n</section>\n`;
  const notes = [notObservedLine(view), ...disagreements(view)].filter((line) => line !== undefined);
  return `${heading}<h3>Hypotheses</h3>
${hypothesesTable(view)}<h3>Rows</h3>
<p class="muted">${escapeHtml(LEGEND)}.</p>
${view.rows.length > 0 ? rowsTable(view) : '<p>None.</p>\n'}${notes.map((line) => `<p class="note">${escapeHtml(line)}</p>\n`).join('')}</section>
`;
}

function hypothesesTable(view: MatrixView): string {
  const rows = view.hypotheses.map((column, i) => cells([columnLabel(i), nameOf(column), column.status, String(column.score), String(column.consistent), columnNotes(column).join(', '), column.text]));
  return `<table>\n<tr>${['', 'Hypothesis', 'Status', 'Score', 'Consistent', 'Notes', 'Text'].map(header).join('')}</tr>\n${rows.map((row) => `<tr>${row}</tr>\n`).join('')}</table>\n`;
}

function rowsTable(view: MatrixView): string {
  const headers = ['Row', 'Kind', 'Line', 'Sourced', ...view.hypotheses.map((column, i) => `${columnLabel(i)} ${nameOf(column)}`), 'Notes', 'Text'];
  const rows = view.rows.map((row) => {
    const ratings = row.ratings.map((rating) => `<td class="rating ${rating}">${RATING_MARKS[rating]}</td>`).join('');
    return `${cells([nameOf(row), row.kind, String(row.line), row.sourced ? 'yes' : 'no'])}${ratings}${cells([rowNotes(row).join(', '), row.text])}`;
  });
  const scores = `<th>Score</th><td></td><td></td><td></td>${view.hypotheses.map((column) => `<td class="rating">${column.score}</td>`).join('')}<td></td><td></td>`;
  return `<table>\n<tr>${headers.map(header).join('')}</tr>\n${[...rows, scores].map((row) => `<tr>${row}</tr>\n`).join('')}</table>\n`;
}

function header(text: string): string {
  return `<th>${escapeHtml(text)}</th>`;
}

function cells(texts: readonly string[]): string {
  return texts.map((text) => `<td>${escapeHtml(text)}</td>`).join('');
}

/** Text as HTML that can only be text: the five characters that could open markup or end an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
