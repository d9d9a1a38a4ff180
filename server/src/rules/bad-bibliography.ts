import { bibliographySpan } from './describe.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: bad-bibliography
 *
 * A bibliography file that is missing, unreadable, outside the workspace (when the document names
 * it), of an unknown format, or that does not parse. Reported on the `bibliography:` entry that
 * names it (on the front matter's first line for a file from the settings). The other sources
 * still resolve, and no citation is reported unknown until the file loads.
 *
 * @example not-ok
 *   ---
 *   bibliography: refs/missing.bib
 *                 ^^^^^^^^^^^^^^^^ bad-bibliography
 *   ---
 *   :evidence[Not reported while the file is missing [@maybe-in-it]]{#e1}
 *
 * @example not-ok
 *   ---
 *   bibliography: broken.json
 *                 ^^^^^^^^^^^ bad-bibliography "broken.json"
 *   ---
 *
 * @example ok
 *   ---
 *   bibliography: refs.yaml
 *   ---
 *   :evidence[Cited from a file that loads [@trade-stats]]{#e1}
 */
export const badBibliography: Rule = {
  code: 'bad-bibliography',
  defaultSeverity: 'error',
  summary: 'A bibliography file is missing, unreadable or does not parse.',
  *check(analysis) {
    for (const bibliography of analysis.context.bibliographies) {
      if (!bibliography.problem) continue;
      const { reason, line, column } = bibliography.problem;
      const where = line === undefined ? '' : ` (line ${line + 1}${column === undefined ? '' : `, column ${column + 1}`})`;
      const origin = bibliography.reference ? '' : ' (named in the settings)';
      yield {
        span: bibliographySpan(analysis, bibliography),
        message: `Bibliography "${bibliography.name}"${origin} could not be used: ${reason}${where}. Until it is fixed, citations are not checked against the sources.`,
      };
    }
  },
};
