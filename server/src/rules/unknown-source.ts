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
 *     ^^^^^^^^^^^ unused-source
 *   ---
 *   :evidence[Trade collapsed after 2022 [@trad-stats]]{#e1}
 *                                         ^^^^^^^^^^^ unknown-source "Did you mean "trade-stats"?"
 *
 * @example not-ok
 *   ---
 *   references:
 *   - id: "smith_sanctions_????"
 *     title: Sanctions as signalling
 *   ---
 *   :evidence[A Zotero key for an undated item is cited in braces [@{smith_sanctions_????}]]{#e1}
 *   :evidence[Written plain, the key ends before the ? [@smith_sanctions_????]]{#e2}
 *                                                       ^^^^^^^^^^^^^^^^^ unknown-source "write [@{smith_sanctions_????}]"
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
    for (const citation of analysis.citations) {
      if (citation.status !== 'unknown' || citation.owners.some((owner) => owner.isEmpty)) continue;
      const written = writtenKey(analysis.syntax.model.text, citation.keySpan.start);
      yield {
        span: citation.span,
        message: written !== citation.key && analysis.sources.get(written)
          ? `Pandoc reads this key as "${citation.key}", which no source defines: write [@{${written}}] to cite "${written}".`
          : `Source "${citation.key}" is not defined: add it to sources: in the front matter or to a bibliography file.${didYouMean(citation.key, analysis.sources.keys)}`,
      };
    }
  },
};

/** The key as the writer meant it: up to the space or punctuation that ends a citation item. */
function writtenKey(text: string, start: number): string {
  return /^[^\s\];,{}]*/.exec(text.slice(start, start + 200))![0];
}
