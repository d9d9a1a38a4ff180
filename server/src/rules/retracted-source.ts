import type { Rule } from './rule.js';

/**
 * Diagnostic: retracted-source
 *
 * A citation of a source marked `retracted` (`retracted: true`, or a text saying why), in a
 * marker or not; on the marker's opening for `src=`. The citation sources nothing: a marker whose
 * only attempted sources are retracted gets only this diagnostic, but a claim it supports is
 * still unsupported.
 *
 * @example not-ok
 *   ---
 *   sources:
 *     leak:
 *       title: Leaked shipping schedule
 *       retracted: The publisher withdrew it in March
 *   ---
 *   :evidence[Most cargoes sailed uninsured [@leak]]{#e1 for=c1}
 *                                            ^^^^^ retracted-source "withdrew it in March"
 *   :claim[The shadow fleet carries most of the crude]{#c1}
 *   ^^^^^^^ unsupported-claim
 *   :evidence[The schedule was also summarised]{#e2 src=leak}
 *   ^^^^^^^^^^ retracted-source
 *
 * @example ok
 *   ---
 *   sources:
 *     customs:
 *       title: Customs clearance data
 *       retracted: no
 *   ---
 *   :evidence[Clearances held steady [@customs]]{#e1}
 */
export const retractedSource: Rule = {
  code: 'retracted-source',
  defaultSeverity: 'warning',
  summary: 'A citation of a source marked retracted.',
  *check(analysis) {
    for (const citation of analysis.citations) {
      const retraction = citation.source?.retraction;
      if (!retraction || citation.owners.some((owner) => owner.isEmpty)) continue;
      const why = retraction.reason ? ` (${retraction.reason.replace(/\s+/g, ' ')})` : '';
      yield { span: citation.span, message: `Source "${citation.key}" is retracted${why}, so it sources nothing: cite a source that stands, or remove the citation.` };
    }
  },
};
