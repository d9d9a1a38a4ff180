import type { Analysis } from '../analysis/analysis.js';
import { citationsAsText } from '../citations/citationsAsText.js';
import { kindRow, type MarkerKind, type OutlineKind } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import { firstWords } from '../text/textHelpers.js';
import type { Range } from '../types.js';

export interface MarkerSymbol {
  /** The id and the first words: `c1 — The annex does not tell…`. */
  readonly name: string;
  readonly kind: MarkerKind;
  readonly outline: OutlineKind;
  readonly detail: string;
  /** The whole marker. */
  readonly range: Range;
  /** Its opening, what the outline reveals. */
  readonly selectionRange: Range;
  readonly children: MarkerSymbol[];
}

/** The outline: every marker, nested as in the text. */
export function getDocumentSymbols(analysis: Analysis): MarkerSymbol[] {
  const { markers, lines } = analysis.syntax.model;
  const symbols = new Map<Marker, MarkerSymbol>();
  const roots: MarkerSymbol[] = [];
  for (const marker of markers) {
    const symbol: MarkerSymbol = {
      name: symbolName(marker),
      kind: marker.kind,
      outline: kindRow(marker.kind).outline,
      detail: markerDetail(analysis, marker),
      range: lines.rangeOf(marker.span),
      selectionRange: lines.rangeOf(marker.opening),
      children: [],
    };
    symbols.set(marker, symbol);
    (marker.parent ? symbols.get(marker.parent)!.children : roots).push(symbol);
  }
  return roots;
}

export function symbolName(marker: { readonly attributes: { readonly id?: string | undefined }; readonly text: string }): string {
  const start = firstWords(citationsAsText(marker.text), 8);
  return marker.attributes.id ? `${marker.attributes.id} — ${start}` : start || '(empty)';
}

function markerDetail(analysis: Analysis, marker: Marker): string {
  const facts = analysis.facts[marker.index]!;
  switch (marker.kind) {
    case 'claim': return facts.grounded ? 'claim, supported' : 'claim, unsupported';
    case 'evidence': return facts.sourced ? 'evidence, sourced' : 'evidence, no source';
    case 'hypothesis':
    case 'assumption':
    case 'indicator': return `${marker.kind}${marker.attributes.status ? `, ${marker.attributes.status}` : ''}`;
  }
}

/** Folding ranges: each block marker, from its opening fence to its closing one. */
export function getFoldingRanges(analysis: Analysis): { startLine: number; endLine: number }[] {
  const { markers, lines } = analysis.syntax.model;
  return markers
    .filter((marker) => marker.form === 'block')
    .map((marker) => ({ startLine: lines.positionAt(marker.span.start).line, endLine: lines.positionAt(marker.span.end).line }))
    .filter((range) => range.endLine > range.startLine);
}
