import { closestTerm, isOnScale, scaleTerms, STANDARD_NAMES, type LikelihoodTerm, type Standard } from '../language/standards.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: off-scale-likelihood
 *
 * With a standard: a likelihood word of a claim or hypothesis that is not a term of the chosen
 * standard's scale, either a vague word on no scale (`perhaps`, `might`, `in all likelihood`) or a
 * term of another scale (under `phia`, the ICD 203 terms PHIA does not share; under `icd203`, the
 * PHIA terms `highly unlikely`, `realistic possibility` and `highly likely`). The message names the
 * term of the chosen scale closest in meaning (under ICD 203, of its first row); a quick fix
 * writes it.
 *
 * @example not-ok
 *   ---
 *   standards: phia
 *   ---
 *   :claim[Prices will very likely fall in March [the outlook](https://example.org/o)]{#c1}
 *                      ^^^^^^^^^^^ off-scale-likelihood "write "highly likely""
 *   :hypothesis[Traders *might* have hoarded gas]{#h1}
 *                        ^^^^^ off-scale-likelihood "on no likelihood scale"
 *   :evidence[Stocks fell by a fifth [the report](https://example.org/r)]{#e1 for=h1}
 *   :indicator[Storage fills while prices rise]{#i1 for=h1 status=watch}
 *
 * @example not-ok
 *   ---
 *   standards: icd203
 *   ---
 *   :claim[A cut is a realistic
 *                     ^ off-scale-likelihood "write "roughly even chance""
 *   possibility [the outlook](https://example.org/o)]{#c1}
 *
 * @example ok
 *   ---
 *   standards: phia
 *   ---
 *   :claim[Prices are highly likely to fall [the outlook](https://example.org/o)]{#c1}
 *
 *   Outside a marker, prose may say what it likes: prices will perhaps fall.
 *   :evidence[Traders say prices might fall [the report](https://example.org/r)]{#e1 for=c1}
 *
 * @example ok
 *   :claim[Without a standard, prices will perhaps fall [the outlook](https://example.org/o)]{#c1}
 */
export const offScaleLikelihood: Rule = {
  code: 'off-scale-likelihood',
  defaultSeverity: 'information',
  summary: 'With a standard: a likelihood word that is not a term of the chosen scale.',
  *check(analysis) {
    const { standard } = analysis;
    if (!standard) return;
    for (const use of analysis.likelihoodUses) {
      if (!isOnScale(use.term, standard)) yield { span: use.span, message: messageFor(use.term, standard) };
    }
  },
};

function messageFor(term: LikelihoodTerm, standard: Standard): string {
  const scale = `the ${STANDARD_NAMES[standard]} scale`;
  const closest = closestTerm(term, standard);
  if (closest) return `"${term.term}" is not a term of ${scale}: write "${closest}", its term closest in meaning.`;
  return `"${term.term}" is on no likelihood scale: say how likely with a term of ${scale} (${scaleTerms(standard).join(', ')}).`;
}
