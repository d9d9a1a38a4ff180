import type { Rule } from './rule.js';

/**
 * Diagnostic: broken-link
 *
 * A relative link to a file of the workspace that does not exist. Links that leave the
 * workspace are neither sources nor problems.
 *
 * @example not-ok
 *   :evidence[The annex [annex](refs/nowhere.pdf)]{#e1}
 *                       ^^^^^^^^^^^^^^^^^^^^^^^^^ broken-link
 *
 * @example ok
 *   :evidence[This very note [note](example.md)]{#e1}
 */
export const brokenLink: Rule = {
  code: 'broken-link',
  defaultSeverity: 'warning',
  summary: 'A relative link to a file that does not exist.',
  *check(analysis) {
    for (const link of analysis.links) {
      if (link.kind === 'missing-file') yield { span: link.span, message: `No file "${link.url}" exists in the workspace: correct the path or add the file.` };
    }
  },
};
