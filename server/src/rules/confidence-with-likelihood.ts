import type { Rule } from './rule.js';

/**
 * Diagnostic: confidence-with-likelihood
 *
 * With a standard: a sentence of a claim or hypothesis holds both a likelihood term (of a scale,
 * or vague) and a confidence phrase (`high confidence`, `confidence is low` …). Likelihood and
 * confidence are separate judgments, so a sentence should state one of them. Reported on the
 * likelihood term; a sentence ends at `.`, `!` or `?` followed by white space or the end, not at
 * a paragraph break.
 *
 * @example not-ok
 *   ---
 *   standards: phia
 *   ---
 *   :claim[We judge with high confidence that a cold snap is a realistic possibility [the forecast](https://example.org/f).]{#c1}
 *                                                              ^^^^^^^^^^^^^^^^^^^^^ confidence-with-likelihood ""high confidence""
 *   :claim[Demand rose 3.5 percent and is likely to rise again; confidence is moderate [the outlook](https://example.org/o)]{#c2}
 *                                         ^^^^^^ confidence-with-likelihood
 *
 * @example ok
 *   ---
 *   standards: phia
 *   sources:
 *     outlook: https://example.org/o
 *   ---
 *   :claim[Flows are likely to hold. We have moderate confidence in this [the outlook](https://example.org/o).]{#c1}
 *   :claim[Is a cut likely? We have low confidence either way [the report](https://example.org/r).]{#c2}
 *   :claim[A cut is unlikely.[@outlook] Confidence is high.]{#c3}
 */
export const confidenceWithLikelihood: Rule = {
  code: 'confidence-with-likelihood',
  defaultSeverity: 'warning',
  summary: 'With a standard: a confidence phrase and a likelihood term in one sentence.',
  *check(analysis) {
    if (!analysis.standard) return;
    for (const { term, span, confidencePhrase } of analysis.likelihoodUses) {
      if (!confidencePhrase) continue;
      yield { span, message: `"${term.term}" stands in one sentence with "${confidencePhrase}": likelihood and confidence are separate judgments, so give the confidence a sentence of its own.` };
    }
  },
};
