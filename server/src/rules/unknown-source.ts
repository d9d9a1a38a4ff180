import type { Rule } from './rule.js';
import { didYouMean } from './describe.js';

/**
 * Diagnostic: unknown-source
 *
 * A citation key (`[@key]`, `src=key`) that no source defines: not the front matter's
 * `sources:`, nor a `bibliography:` file, nor a file from the settings. An in-text `@word` that
 * names no source is a handle, not a citation, and is never reported. Nothing is reported while
 * the front matter or a bibliography file fails to load.
 *
 * @example not-ok
 *   ---
 *   sources:
 *     trade-stats: https://example.org/trade
 *   ---
 *   :evidence[Trade collapsed after 2022 [@trad-stats]]{#e1}
 *                                         ^^^^^^^^^^^ unknown-source
 *
 * @example ok
 *   ---
 *   sources:
 *     trade-stats: https://example.org/trade
 *   ---
 *   :evidence[Trade collapsed after 2022 [@trade-stats]]{#e1}
 *   Follow @MinskDialogue for updates.
 */
export const unknownSource: Rule = {
  code: 'unknown-source',
  defaultSeverity: 'error',
  summary: 'A citation key names no source in the front matter or the bibliography.',
  *check(analysis) {
    let known: string[] | undefined;
    for (const citation of analysis.citations) {
      if (citation.status !== 'unknown' || citation.owners.some((owner) => owner.isEmpty)) continue;
      known ??= [...analysis.sources.entries].map((entry) => entry.key);
      yield {
        span: citation.span,
        message: `Source "${citation.key}" is not defined: add it to sources: in the front matter or to a bibliography file.${didYouMean(citation.key, known)}`,
      };
    }
  },
};
