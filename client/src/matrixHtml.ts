import type { EvidenceMatrix, MatrixEvidenceRow, MatrixHypothesis, MatrixMarker, MatrixRating } from '../../server/src/protocol.js';

/**
 * The evidence matrix webview's HTML, without `vscode`: the page (its content security policy,
 * script and style sheet) and the matrix itself, which the page's script puts in place. Every text
 * from the document is escaped here; the page's policy runs no script but its own besides.
 */

export type RowOrder = 'diagnosticity' | 'document';

export interface PageResources {
  /** The webview's `cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function matrixPage({ cspSource, nonce, scriptUri, styleUri }: PageResources): string {
  const policy = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(styleUri)}">
<title>Evidence Matrix</title>
</head>
<body>
<main id="matrix" aria-live="polite"><p class="note">Reading the analysis…</p></main>
<script nonce="${nonce}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>
`;
}

const SYMBOLS: Readonly<Record<MatrixRating, string>> = { consistent: 'C', inconsistent: 'I', none: '·' };
const WORDS: Readonly<Record<MatrixRating, string>> = { consistent: 'consistent', inconsistent: 'inconsistent', none: 'not weighed' };

/**
 * The matrix of one document, rows in `order`; `note` says why it is not the active editor's.
 * Rows and hypothesis headers carry `data-reveal` (`row:N`, `hypothesis:N`, indexes into the
 * matrix's own lists) and the order buttons `data-order`: what the page's script posts back.
 */
export function matrixBody(matrix: EvidenceMatrix, order: RowOrder, note?: string): string {
  const header = `<header><h1>Evidence matrix of <span class="path">${escapeHtml(matrix.path)}</span></h1>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}</header>\n`;
  if (matrix.hypotheses.length === 0) return `${header}<p class="empty">No hypotheses: mark some with <code>:::hypothesis{#h-…}</code> and weigh them with <code>for=</code> and <code>against=</code>.</p>\n`;
  const rows = order === 'document' ? matrix.rows.map((_, i) => i) : matrix.diagnosticOrder;
  return [
    header,
    orderButtons(order),
    '<table>\n',
    `<caption>Rows: the markers that weigh a hypothesis. ${legend()}</caption>\n`,
    `<thead><tr><th scope="col">Row</th><th scope="col">Sourced</th>${matrix.hypotheses.map(hypothesisHeader).join('')}</tr></thead>\n`,
    `<tbody>\n${rows.map((i) => rowHtml(matrix, i)).join('')}</tbody>\n`,
    `<tfoot><tr><th scope="row" colspan="2">Score (inconsistent rows)</th>${matrix.hypotheses.map((column) => `<td class="score">${column.score}</td>`).join('')}</tr></tfoot>\n`,
    '</table>\n',
    matrix.rows.length === 0 ? '<p class="empty">No marker weighs a hypothesis yet.</p>\n' : '',
    matrix.notes.length > 0 ? `<ul class="notes">${matrix.notes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>\n` : '',
    `<section class="scoring"><h2>How the score is computed</h2>${matrix.scoring.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>\n`,
  ].join('');
}

/** What the panel says when the first editor it is opened for is no analysis. */
export function notAnalysisBody(name: string): string {
  return `<p class="note">${escapeHtml(name)} is not an analysis that Tradecraft checks: open a Markdown analysis to see its evidence matrix.</p>\n`;
}

function orderButtons(order: RowOrder): string {
  const button = (value: RowOrder, label: string) => `<button type="button" data-order="${value}" aria-pressed="${value === order}">${label}</button>`;
  return `<div class="order" role="group" aria-label="Order of the rows">Sort rows: ${button('diagnosticity', 'most diagnostic first')}${button('document', 'in document order')}</div>\n`;
}

function legend(): string {
  return (['consistent', 'inconsistent', 'none'] as const).map((rating) => `<span class="rating ${rating}" aria-hidden="true">${SYMBOLS[rating]}</span> ${WORDS[rating]}`).join(', ');
}

function hypothesisHeader(column: MatrixHypothesis, index: number): string {
  const flags = [column.leastRefuted ? 'least refuted' : column.weighed ? '' : 'not weighed'].filter(Boolean);
  const tooltip = `${nameOf(column)} (line ${column.line}): ${column.text}\nStatus ${column.status}, score ${column.score}. Click to show it in the editor.`;
  return `<th scope="col" class="hypothesis" data-reveal="hypothesis:${index}" tabindex="0" title="${escapeHtml(tooltip)}">`
    + `<span class="name">${escapeHtml(nameOf(column))}</span><span class="text">${escapeHtml(column.text)}</span>`
    + `<span class="facts">${escapeHtml(column.status)} · score ${column.score}</span>${flags.map((flag) => `<span class="flag">${flag}</span>`).join('')}</th>`;
}

function rowHtml(matrix: EvidenceMatrix, index: number): string {
  const row = matrix.rows[index]!;
  const sources = matrix.rowSources[index] ?? [];
  const about = `${nameOf(row)} (${row.kind}, line ${row.line}): ${row.text}\n${sources.length > 0 ? `Sources: ${sources.join('; ')}` : 'No working source.'}`;
  const cells = row.ratings.map((rating, h) => ratingCell(rating, matrix.hypotheses[h]!, about)).join('');
  return `<tr data-reveal="row:${index}" tabindex="0" title="${escapeHtml(`${about}\nClick to show it in the editor.`)}">`
    + `<th scope="row"><span class="name">${escapeHtml(nameOf(row))}</span><span class="text">${escapeHtml(row.text)}</span>${rowFlags(row)}</th>`
    + `<td class="${row.sourced ? 'sourced' : 'unsourced'}">${row.sourced ? 'yes' : 'no'}</td>${cells}</tr>\n`;
}

function rowFlags(row: MatrixEvidenceRow): string {
  const flags = [...(row.nonDiscriminating ? ['non-discriminating'] : []), ...(row.sensitive ? ['sensitive'] : [])];
  return flags.map((flag) => `<span class="flag">${flag}</span>`).join('');
}

function ratingCell(rating: MatrixRating, column: MatrixHypothesis, about: string): string {
  const tooltip = `${WORDS[rating]} with ${nameOf(column)}\n${about}`;
  return `<td class="rating ${rating}" aria-label="${WORDS[rating]}" title="${escapeHtml(tooltip)}">${SYMBOLS[rating]}</td>`;
}

/** `e-decree`, or the kind of a marker without an id (its text is shown beside it). */
function nameOf(marker: MatrixMarker): string {
  return marker.id ?? marker.kind;
}

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
