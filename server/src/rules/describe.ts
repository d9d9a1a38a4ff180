import type { Analysis } from '../analysis/analysis.js';
import type { LoadedBibliography } from '../analysis/documentContext.js';
import type { MarkerKind } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import { closestName } from '../text/closestName.js';
import { firstWords } from '../text/textHelpers.js';
import type { Span } from '../types.js';

export { capitalize } from '../text/textHelpers.js';

/** `claim "c1"`, or `claim "The annex does not tell…"` for a marker without an id. */
export function describeMarker(marker: Marker): string {
  return `${marker.kind} "${marker.attributes.id ?? firstWords(marker.text, 6)}"`;
}

/** How to point at a marker in `for=`: its id, or a hint to give it one. */
export function referenceTo(marker: Marker): string {
  return marker.attributes.id ? `for=${marker.attributes.id}` : 'for=<id> (after giving it an id, {#id})';
}

type MarkerEntry = { readonly marker: Marker; readonly facts: Analysis['facts'][number] };

interface MarkerLists {
  readonly nonEmpty: readonly MarkerEntry[];
  readonly readable: readonly MarkerEntry[];
  /** `readable` by kind: a rule about one kind need not pass over the thousands of others. */
  readonly readableByKind: ReadonlyMap<MarkerKind, readonly MarkerEntry[]>;
}

/** The lists below, made once per analysis: most rules read one of them. */
const markerLists = new WeakMap<Analysis, MarkerLists>();

function markerListsOf(analysis: Analysis): MarkerLists {
  let lists = markerLists.get(analysis);
  if (!lists) {
    const nonEmpty = analysis.syntax.model.markers.filter((marker) => !marker.isEmpty).map((marker) => ({ marker, facts: analysis.facts[marker.index]! }));
    const readable = nonEmpty.filter((entry) => !entry.marker.attributesRefused);
    lists = { nonEmpty, readable, readableByKind: groupByKind(readable) };
    markerLists.set(analysis, lists);
  }
  return lists;
}

function groupByKind(entries: readonly MarkerEntry[]): Map<MarkerKind, MarkerEntry[]> {
  const byKind = new Map<MarkerKind, MarkerEntry[]>();
  for (const entry of entries) {
    const list = byKind.get(entry.marker.kind);
    if (list) list.push(entry);
    else byKind.set(entry.marker.kind, [entry]);
  }
  return byKind;
}

/** The markers a rule about markers looks at: an empty marker gets only `empty-marker`. */
export function nonEmptyMarkers(analysis: Analysis): readonly MarkerEntry[] {
  return markerListsOf(analysis).nonEmpty;
}

/**
 * The markers a rule about markers other than `bad-attribute` looks at: an empty marker gets only
 * `empty-marker`, and one whose attribute block does not parse only `bad-attribute`, since what
 * was read from that block is a guess (one typo, one diagnostic).
 */
export function readableMarkers(analysis: Analysis): readonly MarkerEntry[] {
  return markerListsOf(analysis).readable;
}

/** `readableMarkers` of one kind, in document order. */
export function readableMarkersOf(analysis: Analysis, kind: MarkerKind): readonly MarkerEntry[] {
  return markerListsOf(analysis).readableByKind.get(kind) ?? [];
}

/** ` Did you mean "x"?` when a candidate is close to `name`, else ''. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const closest = closestName(name, candidates);
  return closest ? ` Did you mean "${closest}"?` : '';
}

/**
 * Where a diagnostic about a bibliography file goes: the `bibliography:` entry that names it, or
 * for a file from the settings the front matter's first line (line 1 without front matter).
 */
export function bibliographySpan(analysis: Analysis, bibliography: LoadedBibliography): Span {
  if (bibliography.reference) return bibliography.reference.span;
  const { frontMatter, lines } = analysis.syntax.model;
  return lines.lineSpan(frontMatter ? lines.positionAt(frontMatter.span.start).line : 0);
}
