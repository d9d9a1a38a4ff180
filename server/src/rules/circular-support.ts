import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkersOf } from './describe.js';

/**
 * Diagnostic: circular-support
 *
 * Claims that support each other in a cycle with no source anywhere in it, and that nothing
 * outside the cycle grounds. Reported on each claim of the cycle, instead of `unsupported-claim`.
 *
 * @example not-ok
 *   :claim[Claim A leans on claim B]{#ca for=cb}
 *   ^^^^^^^ circular-support
 *   :claim[Claim B leans on claim A]{#cb for=ca}
 *   ^^^^^^^ circular-support
 *
 * @example ok
 *   :claim[Claim C leans on D]{#cc for=cd}
 *   :claim[Claim D leans on C but is sourced [the data](https://example.org/d)]{#cd for=cc}
 */
export const circularSupport: Rule = {
  code: 'circular-support',
  defaultSeverity: 'warning',
  summary: 'Claims support each other in a cycle with no source in it.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkersOf(analysis, 'claim')) {
      if (!facts.inUngroundedCycle) continue;
      const partners = facts.supports.filter((target) => analysis.facts[target.index]!.inUngroundedCycle);
      const via = partners.length > 0 ? ` (through ${partners.map(describeMarker).join(', ')})` : '';
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} is supported only by a circle of claims that leads back to itself${via}, with no source in it: cite a source for one of them.`,
      };
    }
  },
};
