import type { Rule } from './rule.js';
import { readableMarkers } from './describe.js';

/**
 * Diagnostic: duplicate-id
 *
 * A marker that reuses an id an earlier marker already has. Reported on every later marker;
 * `for=` and `against=` name the first.
 *
 * @example not-ok
 *   :claim[First use [the source](https://example.org/a)]{#c1}
 *   :claim[Second use [the source](https://example.org/a)]{#c1}
 *   ^^^^^^^ duplicate-id "The id "c1" is already used"
 *
 * @example ok
 *   :claim[First use [the source](https://example.org/a)]{#c1}
 *   :claim[Another claim [the source](https://example.org/a)]{#c2}
 */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  summary: 'Two markers share an id.',
  *check(analysis) {
    for (const { marker } of readableMarkers(analysis)) {
      const id = marker.attributes.id;
      const first = id === undefined ? undefined : analysis.markersById.get(id);
      if (!first || first === marker) continue;
      const line = analysis.syntax.model.lines.positionAt(first.opening.start).line + 1;
      yield { span: marker.opening, message: `The id "${id}" is already used on line ${line}: give this ${marker.kind} an id of its own.` };
    }
  },
};
