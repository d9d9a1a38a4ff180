import type { Span } from '../types.js';
import type { Marker } from './model.js';

/** A site found in the text, before it is known whose content it belongs to. */
export type OwnedSite<T> = T & { readonly offset: number };

export interface OwnershipContext {
  readonly markers: readonly Marker[];
  readonly footnoteReferences: readonly { readonly identifier: string; readonly offset: number }[];
  readonly footnoteDefinitions: readonly { readonly identifier: string; readonly span: Span }[];
}

/**
 * Gives each site the markers whose own content holds it: the innermost marker around it, or,
 * for a site in a footnote's text, the innermost marker around each reference to that footnote.
 */
export function assignOwners<T>(sites: readonly OwnedSite<T>[], context: OwnershipContext): (OwnedSite<T> & { owners: readonly Marker[] })[] {
  const innermost = innermostMarkerFinder(context.markers);
  const referencingMarkers = new Map<string, Marker[]>();
  for (const reference of [...context.footnoteReferences].sort((a, b) => a.offset - b.offset)) {
    const marker = innermost(reference.offset);
    if (!marker) continue;
    const list = referencingMarkers.get(reference.identifier) ?? [];
    if (!list.includes(marker)) list.push(marker);
    referencingMarkers.set(reference.identifier, list);
  }
  const sorted = [...sites].sort((a, b) => a.offset - b.offset);
  const innermostAgain = innermostMarkerFinder(context.markers);
  const footnotes = [...context.footnoteDefinitions].sort((a, b) => a.span.start - b.span.start);
  return sorted.map((site) => {
    const marker = innermostAgain(site.offset);
    const footnote = enclosing(footnotes, site.offset);
    const referencing = footnote ? referencingMarkers.get(footnote.identifier) ?? [] : [];
    return { ...site, owners: [...new Set([...(marker ? [marker] : []), ...referencing])] };
  });
}

/** The footnote definition (they never nest) whose span holds `offset`, by binary search. */
function enclosing<T extends { readonly span: Span }>(sorted: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { span } = sorted[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return sorted[mid];
  }
  return undefined;
}

/**
 * Returns a function that, called with ascending offsets, gives the innermost marker whose content
 * holds each offset. Markers arrive in document order and nest, so one sweep with a stack does it.
 */
function innermostMarkerFinder(markers: readonly Marker[]): (offset: number) => Marker | undefined {
  const open: Marker[] = [];
  let next = 0;
  const popEndedBefore = (offset: number) => {
    while (open.length > 0 && open[open.length - 1]!.content.end <= offset) open.pop();
  };
  return (offset) => {
    while (next < markers.length && markers[next]!.content.start <= offset) {
      const marker = markers[next++]!;
      popEndedBefore(marker.content.start);
      open.push(marker);
    }
    popEndedBefore(offset);
    return open[open.length - 1];
  };
}
