import type { Rule } from './rule.js';

/**
 * Diagnostic: placeholder-link
 *
 * A link whose target is empty, `#` or `TODO`: written to be filled in later. Reported on the
 * link, inside markers or not; it does not source the marker it is in.
 *
 * @example not-ok
 *   :evidence[The minister [confirmed](#) the new approach]{#e1}
 *                          ^^^^^^^^^^^^^^ placeholder-link
 *
 * @example ok
 *   :evidence[The minister [confirmed](https://example.org/statement) it]{#e1}
 *   See [the annex](#annex) below.
 */
export const placeholderLink: Rule = {
  code: 'placeholder-link',
  defaultSeverity: 'warning',
  summary: 'A link whose target is empty, # or TODO.',
  *check(analysis) {
    for (const link of analysis.links) {
      if (link.kind !== 'placeholder') continue;
      const target = link.url.trim() === '' ? 'no target' : `the placeholder target "${link.url.trim()}"`;
      yield { span: link.span, message: `This link has ${target}: put the source's URL or file path in it.` };
    }
  },
};
