import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkers, referenceTo } from './describe.js';

/**
 * Diagnostic: unsupported-claim
 *
 * A claim that is not grounded: it cites no working source and no grounded marker supports it
 * (by `for=` or by nesting). Not reported when the claim's own attempted sources are all broken
 * (their own diagnostics say so) or when it sits in an ungrounded cycle (`circular-support`).
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
    for (const { marker, facts } of readableMarkers(analysis)) {
      if (marker.kind !== 'claim' || facts.grounded || facts.inUngroundedCycle || facts.onlyBrokenSources) continue;
      const supporters = facts.supporters.filter((supporter) => !supporter.isEmpty);
      const name = capitalize(describeMarker(marker));
      yield {
        span: marker.opening,
        message: supporters.length === 0
          ? `${name} has no source and nothing supports it: cite a source ([@key]) or point evidence at it with ${referenceTo(marker)}.`
          : `${name} is not supported: ${supporters.map(describeMarker).join(', ')} ${supporters.length === 1 ? 'has' : 'have'} no working source. Cite a source there or here ([@key]).`,
      };
    }
  },
};
