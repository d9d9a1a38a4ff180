import { closingFence } from '../model/buildModel.js';
import type { Marker } from '../model/model.js';
import type { Span } from '../types.js';

/**
 * The syntax of a marker around its content, which an export replaces: for an inline or leaf
 * marker `:claim[` and `]{…}`; for a block marker its opening fence and its closing fence (from
 * the first colon: a quote's or list's prefix stays), empty at the marker's end when unclosed.
 */
export interface MarkerParts {
  readonly marker: Marker;
  readonly opening: Span;
  readonly closing: Span;
  /** The colons of a block marker's fences. */
  readonly colons: number;
  /** The label of a block marker (`:::claim[Label]{…}`), which a fence of Pandoc's has no place for. */
  readonly label: string | undefined;
  /** What the line holding a block marker's opening has before it (`> `, spaces): what a line added beside it needs. */
  readonly linePrefix: string;
}

export function markerParts(text: string, marker: Marker): MarkerParts {
  const lineStart = text.lastIndexOf('\n', marker.span.start - 1) + 1;
  const linePrefix = text.slice(lineStart, marker.span.start);
  if (marker.form !== 'block') {
    const opening = { start: marker.span.start, end: marker.content.start };
    return { marker, opening, closing: { start: marker.content.end, end: marker.span.end }, colons: 0, label: undefined, linePrefix };
  }
  const fence = text.slice(marker.opening.start, marker.opening.end);
  const colons = /^:*/.exec(fence)![0].length;
  const label = /^:+[A-Za-z]+\[(.*)\]/.exec(fence.slice(0, marker.attributeBlock ? marker.attributeBlock.start - marker.opening.start : undefined))?.[1];
  const fenceLine = closingFence(text, marker.span, marker.opening.end);
  const closingStart = fenceLine ? text.indexOf(':', fenceLine.start) : marker.span.end;
  return { marker, opening: marker.opening, closing: { start: closingStart, end: marker.span.end }, colons, label: label?.trim() || undefined, linePrefix };
}
