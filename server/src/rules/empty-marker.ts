import type { Rule } from './rule.js';
import { capitalize, describeMarker } from './describe.js';

/**
 * Diagnostic: empty-marker
 *
 * A marker with no text. It may still be referenced, but it supports nothing, and it gets no
 * other diagnostic until it has text.
 *
 * @example not-ok
 *   :claim[]{#c2}
 *   ^^^^^^^ empty-marker
 *
 * @example ok
 *   :claim[The decree is mostly symbolic [the decree](https://example.org/d)]{#c2}
 */
export const emptyMarker: Rule = {
  code: 'empty-marker',
  defaultSeverity: 'warning',
  summary: 'A marker with no text.',
  *check(analysis) {
    for (const marker of analysis.syntax.model.markers) {
      if (!marker.isEmpty) continue;
      const name = marker.attributes.id ? capitalize(describeMarker(marker)) : `This ${marker.kind}`;
      yield { span: marker.opening, message: `${name} is empty: write the ${marker.kind} between its brackets or fences, or remove it.` };
    }
  },
};
