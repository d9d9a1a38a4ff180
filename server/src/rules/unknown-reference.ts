import { LIST_TARGET_KINDS, type MarkerKind } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import type { Rule } from './rule.js';
import { capitalize, describeMarker, didYouMean, readableMarkers } from './describe.js';

/**
 * Diagnostic: unknown-reference
 *
 * An id in `for=`, `against=`, `assumes=` or `from=` that no marker of the document has (on a
 * marker whose kind takes that attribute: the ids of a misplaced one are ignored).
 *
 * @example not-ok
 *   :claim[Kyiv changed course]{#c1}
 *   ^^^^^^^ unsupported-claim
 *   :evidence[The decree of 18 February [the decree](https://example.org/d)]{#e1 for=c2}
 *   ^^^^^^^^^^ unknown-reference "no marker has the id "c2""
 *
 * @example not-ok
 *   :claim[Kyiv changed course]{#claim-kyiv}
 *   ^^^^^^^ unsupported-claim
 *   :evidence[The decree of 18 February [the decree](https://example.org/d)]{#e1 for=claim-kiyv}
 *   ^^^^^^^^^^ unknown-reference "Did you mean "claim-kyiv"?"
 *
 * @example not-ok
 *   :claim[The rotation will be announced late [the data](https://example.org/d)]{#c1 assumes=a-ghost from=h-ghost}
 *   ^^^^^^^ unknown-reference "assumes=a-ghost"
 *   ^^^^^^^ unknown-reference "from=h-ghost"
 *
 * @example not-ok
 *   :hypothesis[Moscow wants a base [the data](https://example.org/d)]{#h-base}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :claim[It stays [the data](https://example.org/d)]{#c-base from=h-bsae}
 *   ^^^^^^^ unknown-reference "Did you mean "h-base"?"
 *
 * @example ok
 *   :claim[Kyiv changed course]{#c1}
 *   :evidence[The decree of 18 February [the decree](https://example.org/d)]{#e1 for=c1}
 */
export const unknownReference: Rule = {
  code: 'unknown-reference',
  defaultSeverity: 'error',
  summary: 'A for=, against=, assumes= or from= id names no marker.',
  *check(analysis) {
    let candidates: ReturnType<typeof candidateIds> | undefined;
    for (const { marker, facts } of readableMarkers(analysis)) {
      for (const { id, attribute } of facts.unknownReferences) {
        candidates ??= candidateIds(analysis.markersById);
        const ids = candidates.byAttribute.get(attribute) ?? candidates.all;
        yield {
          span: marker.opening,
          message: `${capitalize(describeMarker(marker))} has ${attribute}=${id}, but no marker has the id "${id}": correct the id or give the intended marker {#${id}}.${didYouMean(id, ids)}`,
        };
      }
    }
  },
};

/** The ids a misspelt one may have meant: any, or for `assumes=` and `from=` those of an assumption or a hypothesis. */
function candidateIds(markersById: ReadonlyMap<string, Marker>): { all: string[]; byAttribute: Map<string, string[]> } {
  const all: string[] = [];
  const idsByKind = new Map<MarkerKind, string[]>();
  for (const [id, marker] of markersById) {
    all.push(id);
    const ids = idsByKind.get(marker.kind);
    if (ids) ids.push(id);
    else idsByKind.set(marker.kind, [id]);
  }
  return { all, byAttribute: new Map(Object.entries(LIST_TARGET_KINDS).map(([attribute, kind]) => [attribute, idsByKind.get(kind) ?? []])) };
}
