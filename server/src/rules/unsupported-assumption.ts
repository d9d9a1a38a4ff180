import { isUnsupportedAssumption } from '../analysis/techniques.js';
import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkers } from './describe.js';

/**
 * Diagnostic: unsupported-assumption
 *
 * A claim or hypothesis that rests on an assumption marked `status=unsupported`, by `assumes=` or
 * by nesting it. Reported once per judgment and assumption, on the judgment's opening.
 *
 * @example not-ok
 *   :assumption[The spring calendar is still the real one]{#a1 status=unsupported}
 *   :claim[A battalion will stay [the plan](https://example.org/plan)]{#c1 assumes=a1,a1}
 *   ^^^^^^^ unsupported-assumption "rests on assumption "a1""
 *
 * @example not-ok
 *   :::hypothesis{#h1}
 *   ^^^^^^^^^^^^^^^^^^ unsupported-assumption
 *   Moscow wants a permanent base, :assumption[since the range has room]{#a2 status=unsupported}.
 *   :::
 *   :evidence[New barracks were built [the report](https://example.org/r)]{#e1 for=h1}
 *
 * @example ok
 *   :assumption[Minsk still decides who is based on its soil]{#a1 status=caveated}
 *   :claim[Most troops will leave [the statement](https://example.org/s)]{#c1 assumes=a1}
 */
export const unsupportedAssumption: Rule = {
  code: 'unsupported-assumption',
  defaultSeverity: 'warning',
  summary: 'A claim or hypothesis rests on an assumption marked status=unsupported.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkers(analysis)) {
      for (const assumption of facts.restsOn) {
        if (!isUnsupportedAssumption(assumption)) continue;
        yield {
          span: marker.opening,
          message: `${capitalize(describeMarker(marker))} rests on ${describeMarker(assumption)}, which is marked status=unsupported: back the assumption and change its status, or rework the ${marker.kind} so that it does not depend on it.`,
        };
      }
    }
  },
};
