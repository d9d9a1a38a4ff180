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
 * Gives sites their owners (see `ownerAssigner`), in the order of their offsets: `withOwners`
 * makes each site's object, so that each kind of site is built with one shape.
 */
export type AssignOwners = <T extends { readonly offset: number }, R>(sites: readonly T[], withOwners: (site: T, owners: readonly Marker[]) => R) => R[];

/**
 * What gives each site the markers whose own content holds it: the innermost marker around it,
 * or, for a site in a footnote's text, the innermost marker around each reference to that
 * footnote. The footnotes' owners are found once for every kind of site.
 */
export function ownerAssigner(context: OwnershipContext): AssignOwners {
  const referencing = referencingMarkers(context);
  const footnotes = [...context.footnoteDefinitions].sort((a, b) => a.span.start - b.span.start);
  return (sites, withOwners) => {
    const sorted = [...sites].sort((a, b) => a.offset - b.offset);
    const innermost = innermostMarkerFinder(context.markers);
    return sorted.map((site) => {
      const marker = innermost(site.offset);
      const footnote = enclosing(footnotes, site.offset);
      const inFootnote = footnote && referencing.get(footnote.identifier);
      return withOwners(site, inFootnote ? inFootnote.with(marker) : ownersOf(marker));
    });
  };
}

const NO_OWNERS: readonly Marker[] = [];

function ownersOf(marker: Marker | undefined): readonly Marker[] {
  return marker ? [marker] : NO_OWNERS;
}

/**
 * The markers around the references to each footnote, and the owners of a site in its text: the
 * marker around the site first, then those. Each distinct list is built once, however many
 * references and sites there are (a footnote cited by thousands of markers stays linear).
 */
function referencingMarkers(context: OwnershipContext): Map<string, { with(marker: Marker | undefined): readonly Marker[] }> {
  const innermost = innermostMarkerFinder(context.markers);
  const markersByFootnote = new Map<string, Set<Marker>>();
  for (const reference of [...context.footnoteReferences].sort((a, b) => a.offset - b.offset)) {
    const marker = innermost(reference.offset);
    if (!marker) continue;
    const markers = markersByFootnote.get(reference.identifier) ?? new Set();
    markers.add(marker);
    markersByFootnote.set(reference.identifier, markers);
  }
  return new Map([...markersByFootnote].map(([identifier, markers]) => {
    const list = [...markers];
    const withMarker = new Map<Marker, readonly Marker[]>();
    const owners = (marker: Marker | undefined): readonly Marker[] => {
      if (!marker) return list;
      let found = withMarker.get(marker);
      if (!found) withMarker.set(marker, (found = [marker, ...list.filter((other) => other !== marker)]));
      return found;
    };
    return [identifier, { with: owners }] as const;
  }));
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
