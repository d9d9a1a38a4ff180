import type { Rule } from './rule.js';
import { isEmptySource } from '../sources/sourceEntry.js';

/**
 * Diagnostic: empty-source
 *
 * A citation of a source whose entry has none of `title`, `author`, `url` and `doi` (an empty
 * text counts as none): a stub still to be filled in, such as the one the "Add source" quick fix
 * adds. Reported at every citation of it, in a marker or not (on the marker's opening for
 * `src=`); the citation sources nothing until the entry is filled in.
 *
 * @example not-ok
 *   ---
 *   sources:
 *     budget:
 *       title: ""
 *       url: ""
 *     poll:
 *       note: find the survey's page
 *   ---
 *   :evidence[The budget moves money to border posts [@budget]]{#e1}
 *                                                     ^^^^^^^ empty-source "no title, author, url or doi"
 *   :evidence[Most voters back the freeze]{#e2 src=poll}
 *   ^^^^^^^^^^ empty-source
 *
 * @example ok
 *   ---
 *   sources:
 *     budget:
 *       title: Draft defence budget
 *       url: ""
 *   ---
 *   :evidence[The budget moves money to border posts [@budget]]{#e1}
 */
export const emptySource: Rule = {
  code: 'empty-source',
  defaultSeverity: 'warning',
  summary: 'A citation of a source whose entry has no title, author, url or doi.',
  *check(analysis) {
    for (const citation of analysis.citations) {
      if (!citation.source || !isEmptySource(citation.source) || citation.owners.some((owner) => owner.isEmpty)) continue;
      yield { span: citation.span, message: `Source "${citation.key}" has no title, author, url or doi yet, so it sources nothing: fill in at least one of them, or cite another source.` };
    }
  },
};
