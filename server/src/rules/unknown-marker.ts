import { MARKER_KINDS } from '../language/markerKinds.js';
import { listOf } from '../text/textHelpers.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: unknown-marker
 *
 * A directive whose name nearly spells a marker name: within one edit of `claim`, or two of
 * `evidence`, `hypothesis`, `assumption` or `indicator`, ignoring case (a swap of neighbouring letters is one edit). Other
 * directives, and prose such as `10:30`, are left alone.
 *
 * @example not-ok
 *   :cliam[A misspelt claim]{#c1}
 *   ^^^^^^^ unknown-marker
 *
 * @example not-ok
 *   ::hypotesis[A misspelt leaf marker]{#h1}
 *   ^^^^^^^^^^^^ unknown-marker
 *
 * @example not-ok
 *   :asumptions[Air defence stays under joint command]{#a1}
 *   ^^^^^^^^^^^^ unknown-marker "did you mean "assumption""
 *   :indicate[a list of further signposts]{.todo}
 *   ^^^^^^^^^^ unknown-marker "did you mean "indicator""
 *
 * @example ok
 *   The meeting began at 10:30 and the vote was 3:1; :abbr[NSDC]{title="Security Council"} is not ours.
 */
export const unknownMarker: Rule = {
  code: 'unknown-marker',
  defaultSeverity: 'warning',
  summary: 'A directive name that nearly spells a marker name (claim, evidence, hypothesis, assumption, indicator).',
  *check(analysis) {
    for (const miss of analysis.syntax.model.nearMisses) {
      yield { span: miss.opening, message: `"${miss.name}" is not a marker name: did you mean "${miss.intended}"? Only ${listOf(MARKER_KINDS, 'and')}, in lower case, are markers.` };
    }
  },
};
