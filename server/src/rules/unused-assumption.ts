import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkersOf } from './describe.js';

/**
 * Diagnostic: unused-assumption
 *
 * An assumption that no claim or hypothesis rests on: none names it in `assumes=` and it is not
 * nested in one. A premise that nothing depends on can be removed, or the judgments that take it
 * for granted should say so.
 *
 * @example not-ok
 *   :assumption[Belarusian conscripts will fill the gaps]{#a1 status=solid}
 *   ^^^^^^^^^^^^ unused-assumption "assumes=a1"
 *
 * @example ok
 *   :assumption[Belarusian conscripts will fill the gaps]{#a1 status=solid}
 *   :claim[The front stays manned [the report](https://example.org/r)]{#c1 assumes=a1}
 *   :claim[Satellite images would settle it :assumption[once the cloud lifts]{#a2}]{#c2}
 *   ^^^^^^^ unsupported-claim
 */
export const unusedAssumption: Rule = {
  code: 'unused-assumption',
  defaultSeverity: 'hint',
  summary: 'An assumption that no claim or hypothesis rests on.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkersOf(analysis, 'assumption')) {
      if (facts.restedOnBy.length > 0) continue;
      const id = marker.attributes.id;
      const how = id ? `assumes=${id}` : 'assumes= (after giving it an id, {#id})';
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} is not used: name it with ${how} on the claims or hypotheses that rest on it, or remove it.`,
      };
    }
  },
};
