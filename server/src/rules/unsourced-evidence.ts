import type { Rule } from './rule.js';
import { capitalize, describeMarker, readableMarkers } from './describe.js';

/**
 * Diagnostic: unsourced-evidence
 *
 * An evidence marker whose own content and attributes cite no source: no `[@key]`, no
 * `src=key`, no link to a web page or workspace file. Not reported when every source it tried
 * is broken: the broken source has a diagnostic of its own.
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
 */
export const unsourcedEvidence: Rule = {
  code: 'unsourced-evidence',
  defaultSeverity: 'warning',
  summary: 'An evidence marker cites no source.',
  *check(analysis) {
    for (const { marker, facts } of readableMarkers(analysis)) {
      if (marker.kind !== 'evidence' || facts.sourced || facts.onlyBrokenSources) continue;
      yield {
        span: marker.opening,
        message: `${capitalize(describeMarker(marker))} cites no source: add a citation ([@key]), src=key or a link to the source.`,
      };
    }
  },
};
