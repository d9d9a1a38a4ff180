import { closestTerm, type Icd203Row } from '../language/standards.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: mixed-estimative-scale
 *
 * With `icd203`: the claims and hypotheses use terms of both rows of the ICD 203 scale (`very
 * likely` and `highly probable`). Reported on every use of a term of the row used fewer times in
 * the document (the second row when both are used as often), counted before silencing and
 * severities apply; a term in both a row and the PHIA column counts for its row. Evidence is not
 * counted: it may quote others.
 *
 * @example not-ok
 *   ---
 *   standards: icd203
 *   ---
 *   :claim[Crossings will very likely rise [the statistics](https://example.org/s)]{#c1}
 *   :claim[A deal is improbable [the briefing](https://example.org/b)]{#c2}
 *                    ^^^^^^^^^^ mixed-estimative-scale "write "unlikely""
 *   :claim[A return to 2021 is almost no chance [the statistics](https://example.org/s)]{#c3}
 *
 * @example not-ok
 *   ---
 *   standards: icd203
 *   ---
 *   :claim[Crossings will likely rise [the statistics](https://example.org/s)]{#c1}
 *   :hypothesis[The flows are probably organised by the state]{#h1}
 *                             ^^^^^^^^ mixed-estimative-scale "second row"
 *   :evidence[Officials call it highly probable [the briefing](https://example.org/b)]{#e1 for=h1}
 *   :indicator[Smugglers' routes move with the border guards' postings]{#i1 for=h1 status=watch}
 *
 * @example ok
 *   ---
 *   standards: icd203
 *   ---
 *   :claim[Crossings will very likely rise [the statistics](https://example.org/s)]{#c1}
 *   :evidence[Officials call a deal improbable [the briefing](https://example.org/b)]{#e1 for=c1}
 */
export const mixedEstimativeScale: Rule = {
  code: 'mixed-estimative-scale',
  defaultSeverity: 'warning',
  summary: 'With icd203: likelihood terms of both ICD 203 rows in one document.',
  *check(analysis) {
    if (analysis.standard !== 'icd203') return;
    const counts = { 1: 0, 2: 0 };
    for (const { term } of analysis.likelihoodUses) if (term.icd203Row) counts[term.icd203Row]++;
    if (counts[1] === 0 || counts[2] === 0) return;
    const fewer: Icd203Row = counts[1] < counts[2] ? 1 : 2;
    const more: Icd203Row = fewer === 1 ? 2 : 1;
    for (const { term, span } of analysis.likelihoodUses) {
      if (term.icd203Row !== fewer) continue;
      yield {
        span,
        message: `"${term.term}" is a term of the ${ROW_NAMES[fewer]} row of the ICD 203 scale, which the document uses less than the ${ROW_NAMES[more]} (${uses(counts[fewer])} to ${counts[more]}): write "${closestTerm(term, 'icd203', more)}" to keep to one row.`,
      };
    }
  },
};

function uses(count: number): string {
  return count === 1 ? '1 use' : `${count} uses`;
}

const ROW_NAMES: Readonly<Record<Icd203Row, string>> = { 1: 'first', 2: 'second' };
