import { expectsSource } from '../language/markerKinds.js';
import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkers } from './describe.js';

/**
 * Diagnostic: unsourced-evidence
 *
 * An evidence marker (or an indicator with `status=observed`, which is evidence in every respect)
 * whose own content and attributes cite no source: no `[@key]`, no `src=key`, no link to a web
 * page or workspace file. Not reported when every source it tried is broken: the broken source
 * has a diagnostic of its own. An indicator still watched for needs no source.
 *
 * @example not-ok
 *   :evidence[Troops moved on 3 May]{#e1}
 *   ^^^^^^^^^^ unsourced-evidence
 *
 * @example ok
 *   ---
 *   sources:
 *     s1: https://example.org/s1
 *   ---
 *   :evidence[Troops moved on 3 May [@s1]]{#e1}
 *   :evidence[The ministry said so]{#e2 src=s1}
 *   :evidence[The [decree](https://example.org/decree) says so]{#e3}
 *   :indicator[Gas arrives by the Trans-Balkan route]{#i1 status=watch}
 *
 * @example not-ok
 *   :indicator[Gas arrives by the Trans-Balkan route]{#i1 status=observed}
 *   ^^^^^^^^^^^ unsourced-evidence "Indicator "i1" cites no source"
 */
export const unsourcedEvidence: Rule = {
  code: 'unsourced-evidence',
  defaultSeverity: 'warning',
  summary: 'An evidence marker (or an observed indicator) cites no source.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkers(analysis)) {
      if (!expectsSource(marker.kind, marker.attributes.status) || facts.sourced || facts.onlyBrokenSources) continue;
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} cites no source: add a citation ([@key]), src=key or a link to the source.`,
      };
    }
  },
};
