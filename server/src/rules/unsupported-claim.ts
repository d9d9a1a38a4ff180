import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkersOf, referenceTo } from './describe.js';

/**
 * Diagnostic: unsupported-claim
 *
 * A claim that is not grounded: it cites no working source, no grounded marker supports it (by
 * `for=` or by nesting), and it is not drawn (`from=`) from hypotheses that grounded markers each
 * weigh. Not reported when the claim's own attempted sources are all broken (their own
 * diagnostics say so) or when it sits in an ungrounded cycle (`circular-support`). For a claim
 * with `from=`, the message names the hypotheses that no grounded marker weighs. Assumptions
 * and indicators not yet observed support nothing.
 *
 * @example not-ok
 *   :claim[Economic ties had collapsed before the decree]{#c1}
 *   ^^^^^^^ unsupported-claim
 *
 * @example not-ok
 *   :claim[Kyiv lobbied Brussels to ease sanctions]{#c1}
 *   ^^^^^^^ unsupported-claim
 *   :evidence[an official said so in private]{#e1 for=c1}
 *   ^^^^^^^^^^ unsourced-evidence
 *
 * @example not-ok
 *   :hypothesis[Yerevan trades its loyalty for aid]{#h1}
 *   :evidence[Aid pledges rose]{#e1 for=h1}
 *   ^^^^^^^^^^ unsourced-evidence
 *   :claim[Yerevan turns west for money]{#c1 from=h1}
 *   ^^^^^^^ unsupported-claim "no grounded marker weighs hypothesis "h1""
 *   :claim[It alone weighs its hypothesis]{#c2 for=h2 from=h2}
 *   ^^^^^^^ unsupported-claim "hypothesis "h2""
 *   :hypothesis[The alliance would not defend it]{#h2}
 *   :claim[Satellite images would settle it :assumption[once the cloud lifts [the forecast](https://example.org/f)]{#a1}]{#c3}
 *   ^^^^^^^ unsupported-claim
 *   :claim[The power supply is at risk]{#c4}
 *   ^^^^^^^ unsupported-claim
 *   :indicator[The plant cuts its output [the bulletin](https://example.org/b)]{#i1 for=c4 status=watch}
 *
 * @example ok
 *   :hypothesis[Yerevan plans to join NATO]{#h1 status=rejected}
 *   :evidence[The Prime Minister ruled it out [the interview](https://example.org/i)]{#e1 against=h1}
 *   :hypothesis[The alliance would not defend it]{#h2}
 *   :indicator[The alliance sends no mission [the interview](https://example.org/i)]{#i1 for=h2 status=observed}
 *   :claim[The freeze is a verdict on the alliance]{#c1 from=h1,h2,h-ghost for=c2}
 *   ^^^^^^^ unknown-reference
 *   :claim[The freeze will last]{#c2}
 *
 * @example ok
 *   ---
 *   sources:
 *     trade: https://example.org/trade-statistics
 *   ---
 *   :claim[Economic ties had collapsed before the decree]{#c1}
 *   :evidence[Trade fell by two thirds after 2022 [@trade]]{#e1 for=c1}
 *
 * @example ok
 *   :::claim{#c2}
 *   The measures are mostly symbolic, as [the annex](https://example.org/annex) shows.
 *   :::
 */
export const unsupportedClaim: Rule = {
  code: 'unsupported-claim',
  defaultSeverity: 'warning',
  summary: 'A claim cites no working source and no sourced marker supports it.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkersOf(analysis, 'claim')) {
      if (facts.grounded || facts.inUngroundedCycle || facts.onlyBrokenSources) continue;
      const supporters = facts.supporters.filter((supporter) => !supporter.isEmpty);
      const name = capitalize(describeMarker(marker));
      yield {
        span: marker.opening,
        message: facts.drawnFrom.length > 0
          ? `${name} is drawn from hypotheses that are not all weighed: no grounded marker weighs ${facts.unweighed.map(describeMarker).join(', ')}. Weigh ${facts.unweighed.length === 1 ? 'it' : 'each'} with sourced evidence (for= or against=), or cite a source here ([@key]).`
          : supporters.length === 0
            ? `${name} has no source and nothing supports it: cite a source ([@key]) or point evidence at it with ${referenceTo(marker)}.`
            : `${name} is not supported: ${supporters.map(describeMarker).join(', ')} ${supporters.length === 1 ? 'has' : 'have'} no working source. Cite a source there or here ([@key]).`,
      };
    }
  },
};
