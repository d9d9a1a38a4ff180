import { capitalize, describeMarker, readableMarkersOf } from './describe.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: hypothesis-without-indicators
 *
 * With a standard: a hypothesis, not `status=rejected`, that no indicator is `for` or `against`
 * (whatever the indicator's status; nested in the hypothesis counts as `for`). Say what would be
 * seen if it held.
 *
 * @example not-ok
 *   ---
 *   standards: phia
 *   ---
 *   :hypothesis[A cold spell drove demand]{#h1}
 *   ^^^^^^^^^^^^ hypothesis-without-indicators "for=h1"
 *   :evidence[Heating degree days were a fifth above normal [the forecast](https://example.org/f)]{#e1 for=h1}
 *
 * @example ok
 *   ---
 *   standards: icd203
 *   ---
 *   :hypothesis[Maintenance at Nyhamna cut supply]{#h1 status=favored}
 *   :evidence[Nyhamna was offline for nine days [the data](https://example.org/d)]{#e1 for=h1}
 *   :indicator[Gassco announces more unplanned work]{#i1 for=h1 status=watch}
 *   :hypothesis[Asian buyers outbid Europe]{#h2}
 *   :evidence[Fewer cargoes came to Europe [the tracker](https://example.org/t)]{#e2 for=h2}
 *   :indicator[The Asian premium widens]{#i2 against=h2 status=absent}
 *   :hypothesis[Traders hoarded gas]{#h3 status=rejected}
 *   :evidence[Withdrawals matched demand [the data](https://example.org/d)]{#e3 against=h3}
 *
 * @example ok
 *   :hypothesis[Without a standard, indicators are optional]{#h1}
 *   :evidence[It was cold [the forecast](https://example.org/f)]{#e1 for=h1}
 */
export const hypothesisWithoutIndicators: Rule = {
  code: 'hypothesis-without-indicators',
  defaultSeverity: 'information',
  summary: 'With a standard: a hypothesis, not rejected, that no indicator names.',
  *check(analysis) {
    if (!analysis.standard) return;
    for (const { marker, facts } of readableMarkersOf(analysis, 'hypothesis')) {
      if (marker.attributes.status === 'rejected') continue;
      if ([...facts.namedFor, ...facts.namedAgainst].some((namer) => namer.kind === 'indicator')) continue;
      const id = marker.attributes.id;
      const how = id ? `:indicator[…]{for=${id}}` : 'an indicator for it (after giving it an id, {#id})';
      yield { span: marker.opening, message: `${capitalize(describeMarker(marker))} has no indicators: name what would be seen if it held, with ${how}.` };
    }
  },
};
