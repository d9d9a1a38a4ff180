import { describeGround, groundsOf, isKeyJudgment } from '../analysis/grounds.js';
import { capitalize, describeMarker, readableMarkers } from './describe.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: single-source-judgment
 *
 * With a standard: a key judgment (a claim with `confidence=high` or the class `.key`) whose
 * grounds hold exactly one distinct source: the working sources it cites and those of every
 * grounded marker that supports it, directly or through others (not `against=`, not `from=`).
 * Two citations of one key are one source.
 *
 * @example not-ok
 *   ---
 *   standards: icd203
 *   sources:
 *     gassco: https://example.org/gassco
 *     ofgem: https://example.org/ofgem
 *   ---
 *   :claim[Britain will get through the winter without rationing [@gassco]]{#k1 confidence=high}
 *   ^^^^^^^ single-source-judgment "only on [@gassco]"
 *   :evidence[The maintenance calendar has no long outage [@gassco, p. 2]]{#e1 for=k1}
 *   :claim[Storage will end the winter a quarter full]{#k2 .key}
 *   ^^^^^^^ single-source-judgment "only on [@ofgem]"
 *   :claim[Rough has been refilled]{#c3 for=k2}
 *   :evidence[The operator says so [@ofgem]]{#e3 for=c3}
 *   :evidence[Others doubt it [@gassco]]{#e4 against=k2}
 *
 * @example ok
 *   ---
 *   standards: phia
 *   sources:
 *     gassco: https://example.org/gassco
 *     ofgem: https://example.org/ofgem
 *   ---
 *   :claim[Britain will get through the winter without rationing [@gassco]]{#k1 confidence=high}
 *   :evidence[The regulator agrees [@ofgem]]{#e1 for=k1}
 *   :claim[Interconnector flows will reverse only briefly [@ofgem]]{#c2 confidence=moderate}
 *
 * @example ok
 *   ---
 *   sources:
 *     gassco: https://example.org/gassco
 *   ---
 *   :claim[Without a standard, one source is the author's business [@gassco]]{#k1 confidence=high}
 */
export const singleSourceJudgment: Rule = {
  code: 'single-source-judgment',
  defaultSeverity: 'warning',
  summary: 'With a standard: a key judgment whose grounds hold one source.',
  *check(analysis) {
    if (!analysis.standard) return;
    for (const { marker } of readableMarkers(analysis)) {
      if (!isKeyJudgment(marker)) continue;
      const grounds = [...groundsOf(analysis, marker)];
      if (grounds.length !== 1) continue;
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} is a key judgment that rests only on ${describeGround(grounds[0]!)}: find a second, independent source, or lower its confidence.`,
      };
    }
  },
};
