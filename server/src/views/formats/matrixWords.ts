import { firstWords } from '../../text/textHelpers.js';
import type { MarkerRef } from '../markerRef.js';
import type { MatrixColumn, MatrixRow, MatrixView, Rating } from '../matrix.js';

/** What every format of the matrix says in the same words. */

export const MATRIX_TITLE = 'Evidence matrix (ACH)';

export const RATING_MARKS: Readonly<Record<Rating, string>> = { consistent: 'C', inconsistent: 'I', none: '·' };

export const LEGEND = 'C consistent (for= or nested), I inconsistent (against=), · not weighed';

/** `H1`, `H2` …: a hypothesis's column, named in the list of hypotheses. */
export function columnLabel(index: number): string {
  return `H${index + 1}`;
}

/** `e-decree`, or the first words of a marker without an id. */
export function nameOf(ref: MarkerRef): string {
  return ref.id ?? `"${firstWords(ref.text, 5)}"`;
}

export function rowNotes(row: MatrixRow): string[] {
  return [...(row.nonDiscriminating ? ['non-discriminating'] : []), ...(row.sensitive ? ['sensitive'] : [])];
}

export function columnNotes(column: MatrixColumn): string[] {
  return column.leastRefuted ? ['least refuted'] : column.weighed ? [] : ['not weighed'];
}

/** What the scores and the statuses written in the document disagree on, a sentence each. */
export function disagreements(view: MatrixView): string[] {
  const least = view.hypotheses.filter((column) => column.leastRefuted).map(nameOf).join(', ') || 'none';
  return [
    ...view.favoredNotLeastRefuted.map((ref) => `${nameOf(ref)} is marked favored but is not the least refuted (least refuted: ${least}).`),
    ...view.rejectedLeastRefuted.map((ref) => `${nameOf(ref)} is marked rejected but is the least refuted${view.hypotheses.filter((column) => column.leastRefuted).length > 1 ? ' (tied)' : ''}.`),
  ];
}

export function notObservedLine(view: MatrixView): string | undefined {
  return view.notObserved.length > 0 ? `Not scored until observed: ${view.notObserved.map((ref) => `${nameOf(ref)} (line ${ref.line})`).join(', ')}.` : undefined;
}
