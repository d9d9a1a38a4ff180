import { MAX_INLINE_SYNTAX, MAX_NESTING } from '../parse/nesting.js';
import type { SkippedPart } from '../parse/parseMarkdown.js';
import { lineEndAt } from '../text/textHelpers.js';
import type { Rule } from './rule.js';

/**
 * Diagnostic: skipped-content
 *
 * A part of the document that Tradecraft did not read, so that nothing in it is checked: one
 * nested more than 32 levels deep (block quotes or lists on one line, block markers, or brackets
 * and emphasis in one paragraph), whose deeper levels are skipped; a paragraph holding more than
 * 4,000 pieces of inline syntax, which the parser would take minutes over; or one the Markdown
 * parser failed on. Not a code of the language: Tradecraft's own, so that silencing or raising it never
 * touches `bad-attribute`.
 *
 * @example not-ok
 *   :claim[Read [the data](https://example.org/d)]{#c7}
 *   > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep
 *                                                                   ^^^^^^ skipped-content "nested more than 32 levels deep"
 *
 * @example ok
 *   :claim[Read [the data](https://example.org/d)]{#c7}
 *   > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep, but not too deep
 */
export const skippedContent: Rule = {
  code: 'skipped-content',
  defaultSeverity: 'warning',
  summary: 'A part nested too deeply, or that the Markdown parser failed on, was skipped unread.',
  *check({ syntax: { model } }) {
    for (const { span, cause } of model.skipped) {
      yield { span: { start: span.start, end: lineEndAt(model.text, span.start) }, message: SKIPPED_MESSAGES[cause] };
    }
  },
};

const SKIPPED_MESSAGES: Readonly<Record<SkippedPart['cause'], string>> = {
  'too-deep': `This part is nested more than ${MAX_NESTING} levels deep (block quotes, lists, block markers, links or emphasis): Tradecraft skipped the deeper levels and checks nothing in them.`,
  'too-dense': `This paragraph holds more than ${MAX_INLINE_SYNTAX.toLocaleString('en')} pieces of inline syntax (emphasis, code, brackets, entities): Tradecraft skipped it, since parsing it would take minutes, and checks nothing in it. Blank lines between its parts make it readable.`,
  'parser-failed': 'The Markdown parser failed on this part: Tradecraft skipped it and checks nothing in it.',
};
