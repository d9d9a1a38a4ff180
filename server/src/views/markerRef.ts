import type { Analysis } from '../analysis/analysis.js';
import { kindRow, type MarkerKind } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';

/** A marker as a view names it: plain data, for any format. */
export interface MarkerRef {
  readonly kind: MarkerKind;
  /** Null for a marker without an id. */
  readonly id: string | null;
  /** Its content as plain text, white space collapsed. */
  readonly text: string;
  /** 1-based, of its opening. */
  readonly line: number;
}

/** A status the marker's kind allows, or `none` when it has none or one its kind does not allow (`bad-attribute`). */
export type StatusOrNone = string;

export function markerRef(analysis: Analysis, marker: Marker): MarkerRef {
  const line = analysis.syntax.model.lines.positionAt(marker.opening.start).line + 1;
  return { kind: marker.kind, id: marker.attributes.id ?? null, text: marker.text, line };
}

export function statusOf(marker: Marker): StatusOrNone {
  const { status } = marker.attributes;
  return status !== undefined && kindRow(marker.kind).values.status?.includes(status) ? status : 'none';
}

/** The markers of one kind, in document order; none for a document that does not use the language. */
export function markersOfKind(analysis: Analysis, kind: MarkerKind): Marker[] {
  return analysis.syntax.usesLanguage ? analysis.syntax.model.markers.filter((marker) => marker.kind === kind) : [];
}
