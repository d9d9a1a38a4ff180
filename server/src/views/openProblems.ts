import type { Analysis } from '../analysis/analysis.js';
import type { Marker } from '../model/model.js';
import type { OpenProblem, OpenProblemKind } from '../protocol.js';
import type { Code, Diagnostic } from '../types.js';

/** The longest text a problem carries: a label's worth, not a whole block of prose. */
const TEXT_LENGTH = 100;

// Each a kind of the protocol and a diagnostic code: the compiler checks both.
const KINDS: readonly string[] = ['unsupported-claim', 'untested-hypothesis'] satisfies (OpenProblemKind & Code)[];
const isOpenProblemKind = (code: string): code is OpenProblemKind => KINDS.includes(code);

/**
 * The unsupported claims and untested hypotheses of one analysed document: exactly the markers
 * that its diagnostics of those codes flag (so severities set to `off` and silencing comments
 * leave them out, as they leave out the diagnostics), in the diagnostics' order.
 */
export function openProblems(analysis: Analysis, diagnostics: readonly Diagnostic[]): OpenProblem[] {
  const { lines, markers } = analysis.syntax.model;
  const byOpening = new Map(markers.map((marker) => [marker.opening.start, marker]));
  return diagnostics.flatMap(({ code, range }) => {
    if (!isOpenProblemKind(code)) return [];
    const marker = byOpening.get(lines.offsetAt(range.start));
    return marker ? [problemOf(code, marker, range)] : [];
  });
}

function problemOf(kind: OpenProblemKind, marker: Marker, range: OpenProblem['range']): OpenProblem {
  return { kind, id: marker.attributes.id ?? null, text: shortened(marker.text), range };
}

function shortened(text: string): string {
  if (text.length <= TEXT_LENGTH) return text;
  const cut = text.slice(0, TEXT_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > TEXT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
