import { cannotTellApart, hypothesesOf } from '../analysis/techniques.js';
import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkersOf } from './describe.js';

/**
 * Diagnostic: non-diagnostic-indicator
 *
 * An indicator that is `for` every hypothesis of the document (at least two, rejected and empty
 * ones included) and `against` none of them: seeing it would not tell them apart. Whatever its
 * status.
 *
 * @example not-ok
 *   :hypothesis[Moscow cut the gas to press Chișinău]{#h1}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :hypothesis[The cut is a dispute over the debt]{#h2 status=rejected}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :indicator[Spot prices rise]{#i1 for=h1,h2 status=watch}
 *   ^^^^^^^^^^^ non-diagnostic-indicator "against"
 *
 * @example ok
 *   :hypothesis[Moscow cut the gas to press Chișinău]{#h1}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :hypothesis[The cut is a dispute over the debt]{#h2}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :hypothesis[No route was ready in time]{#h3}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :indicator[Spot prices rise]{#i1 for=h1,h2 status=watch}
 *   :indicator[The plant switches to coal]{#i2 for=h1,h2 against=h3}
 */
export const nonDiagnosticIndicator: Rule = {
  code: 'non-diagnostic-indicator',
  defaultSeverity: 'information',
  summary: 'An indicator for every hypothesis (at least two) and against none.',
  *check(analysis) {
    const hypotheses = hypothesesOf(analysis.syntax.model.markers);
    for (const { marker, facts } of readableMarkersOf(analysis, 'indicator')) {
      if (!cannotTellApart(facts, hypotheses)) continue;
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} is for every hypothesis and against none, so seeing it would not tell them apart: point it against the hypotheses it would weaken, or choose a development that only some of them predict.`,
      };
    }
  },
};
