import type { Analysis } from '../analysis/analysis.js';
import type { Location, Span } from '../types.js';
import { symbolAt, type SymbolAt } from './symbolAt.js';

/** An id or a source key: the two kinds of name that references and rename follow. */
export type Name = { readonly kind: 'id'; readonly name: string } | { readonly kind: 'key'; readonly name: string };

export function nameAt(analysis: Analysis, offset: number): { name: Name; span: Span } | undefined {
  const symbol = symbolAt(analysis, offset);
  const name = symbol && nameOf(symbol);
  return name && symbol ? { name, span: symbol.span } : undefined;
}

function nameOf(symbol: SymbolAt): Name | undefined {
  switch (symbol.kind) {
    case 'citation': return { kind: 'key', name: symbol.citation.key };
    case 'source-key': return { kind: 'key', name: symbol.entry.key };
    case 'reference': return { kind: 'id', name: symbol.item.text };
    case 'marker-id': return { kind: 'id', name: symbol.marker.attributes.id! };
    default: return undefined;
  }
}

/** Where a name is declared: the `#id` of markers, a source's key in the front matter or a bibliography file. */
export function declarations(analysis: Analysis, name: Name): Location[] {
  const { lines } = analysis.syntax.model;
  const uri = analysis.context.uri.toString();
  if (name.kind === 'id') {
    return analysis.syntax.model.markers
      .filter((marker) => marker.attributes.id === name.name && marker.idSpan)
      .map((marker) => ({ uri, range: lines.rangeOf(marker.idSpan!) }));
  }
  const entry = analysis.sources.get(name.name);
  if (!entry) return [];
  if (entry.origin.kind === 'front-matter') return [{ uri, range: lines.rangeOf(entry.origin.keySpan) }];
  return entry.origin.keyRange ? [{ uri: entry.origin.uri, range: entry.origin.keyRange }] : [];
}

/** Where a name is used in the document: citations and `src=` for keys, `for=`/`against=` for ids. */
export function uses(analysis: Analysis, name: Name): Location[] {
  const { lines } = analysis.syntax.model;
  const uri = analysis.context.uri.toString();
  const spans = name.kind === 'key'
    ? analysis.citations.filter((citation) => citation.key === name.name).map((citation) => citation.keySpan)
    : analysis.syntax.model.markers.flatMap((marker) => marker.listItems.filter((item) => item.attribute !== 'src' && item.text === name.name).map((item) => item.span));
  return spans.map((span) => ({ uri, range: lines.rangeOf(span) }));
}
