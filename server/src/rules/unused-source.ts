import type { Rule } from './rule.js';

/**
 * Diagnostic: unused-source
 *
 * A source of the front matter's `sources:` that nothing in the document cites. Not reported
 * while sources cannot be resolved (broken front matter or bibliography).
 *
 * @example not-ok
 *   ---
 *   sources:
 *     cited: https://example.org/a
 *     never-cited: https://example.org/b
 *     ^^^^^^^^^^^ unused-source
 *   ---
 *   :evidence[As reported [@cited]]{#e1}
 *
 * @example ok
 *   ---
 *   sources:
 *     cited: https://example.org/a
 *   references:
 *   - id: listed-not-cited
 *     title: Pandoc's own references are a bibliography, not sources to tidy
 *   ---
 *   :evidence[As reported [@cited]]{#e1}
 */
export const unusedSource: Rule = {
  code: 'unused-source',
  defaultSeverity: 'hint',
  summary: 'A front-matter source that nothing cites.',
  *check(analysis) {
    if (analysis.sourcesUnavailable) return;
    const cited = new Set(analysis.citations.map((citation) => citation.key));
    for (const entry of analysis.syntax.frontMatter.sources) {
      if (cited.has(entry.key) || entry.origin.kind !== 'front-matter') continue;
      yield { span: entry.origin.keySpan, message: `Source "${entry.key}" is never cited: cite it ([@${entry.key}] or src=${entry.key}) or remove it.` };
    }
  },
};
