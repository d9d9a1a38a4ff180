import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkersOf } from './describe.js';

/**
 * Diagnostic: untested-hypothesis
 *
 * A hypothesis that no marker weighs: nothing is `for` or `against` it, and nothing is nested in
 * it. Competing explanations should each be tested against the evidence.
 *
 * @example not-ok
 *   :hypothesis[Domestic politics before elections drove the shift]{#h4}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *
 * @example ok
 *   :hypothesis[A new chief of staff changed course]{#h1}
 *   :evidence[Officials across government shared the old view [the report](https://example.org/r)]{#e1 against=h1}
 */
export const untestedHypothesis: Rule = {
  code: 'untested-hypothesis',
  defaultSeverity: 'information',
  summary: 'No marker is for or against a hypothesis.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkersOf(analysis, 'hypothesis')) {
      if (facts.supporters.length > 0 || facts.opponents.length > 0) continue;
      const id = marker.attributes.id;
      const how = id ? `for=${id} or against=${id}` : 'for= or against= (after giving it an id, {#id})';
      yield { span: marker.opening, message: `${capitalize(describeMarker(marker))} is never tested: point evidence at it with ${how}.` };
    }
  },
};
