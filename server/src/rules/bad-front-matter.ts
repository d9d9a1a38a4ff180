import type { Rule } from './rule.js';

/**
 * Diagnostic: bad-front-matter
 *
 * The YAML front matter does not parse (the message gives YAML's reason), or its `sources:` is
 * not a map of keys, or its `bibliography:` not a path or a list of paths. Until it is fixed no
 * citation is checked against the sources, and the markers are still checked.
 *
 * @example not-ok
 *   ---
 *   title: "unterminated
 *   ^^^^^^^^^^^^^^^^^^^^ bad-front-matter
 *   ---
 *   :claim[Still checked]{#c1}
 *   ^^^^^^^ unsupported-claim
 *
 * @example not-ok
 *   ---
 *   sources: https://example.org/not-a-map
 *   ^^^^^^^ bad-front-matter
 *   ---
 *   :evidence[Cited [@anything]]{#e1}
 *
 * @example ok
 *   ---
 *   title: A note
 *   sources:
 *     trade-stats: https://example.org/trade
 *   ---
 *   :evidence[Cited [@trade-stats]]{#e1}
 */
export const badFrontMatter: Rule = {
  code: 'bad-front-matter',
  defaultSeverity: 'error',
  summary: 'The YAML front matter does not parse, or sources:/bibliography: has the wrong shape.',
  *check(analysis) {
    for (const { span, message } of analysis.syntax.frontMatter.problems) yield { span, message };
  },
};
