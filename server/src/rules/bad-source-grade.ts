import type { Analysis } from '../analysis/analysis.js';
import { GRADE_HELP } from '../language/sourceGrades.js';
import type { GradeField } from '../sources/sourceEntry.js';
import { bibliographySpan } from './describe.js';
import type { Rule, RuleFinding } from './rule.js';

/**
 * Diagnostic: bad-source-grade
 *
 * A source whose `grade` is not an Admiralty code (a letter `A`–`F` and a digit `1`–`6`, upper
 * case), or whose `retracted` is neither `true`/`yes`, `false`/`no` nor a text saying why. The
 * source still resolves, ungraded and not retracted. Reported on the source's key in the front
 * matter; for an entry of a bibliography file, where `bad-bibliography` would be (the
 * `bibliography:` entry naming the file), for every entry of the file, shadowed ones included.
 *
 * @example not-ok
 *   ---
 *   sources:
 *     field-report:
 *     ^^^^^^^^^^^^ bad-source-grade "Admiralty code"
 *       title: Report from the field
 *       grade: b2
 *     wire:
 *     ^^^^ bad-source-grade "retracted"
 *       url: https://example.org/wire
 *       retracted: 1
 *   ---
 *   :evidence[Still cited as a source [@field-report; @wire]]{#e1}
 *
 * @example not-ok
 *   ---
 *   bibliography: graded.bib
 *                 ^^^^^^^^^^ bad-source-grade "Source "field-notes" in "graded.bib" (line 1)"
 *   ---
 *   :evidence[Cited from the file [@field-notes]]{#e1}
 *
 * @example ok
 *   ---
 *   sources:
 *     field-report:
 *       title: Report from the field
 *       grade: B2
 *       retracted: false
 *     wire:
 *       url: https://example.org/wire
 *       grade: null
 *       retracted: ""
 *   ---
 *   :evidence[Graded sources [@field-report; @wire]]{#e1}
 */
export const badSourceGrade: Rule = {
  code: 'bad-source-grade',
  defaultSeverity: 'warning',
  summary: 'A source\'s grade or retracted value is not allowed.',
  *check(analysis) {
    const { sources, references } = analysis.syntax.frontMatter;
    for (const entry of [...sources, ...references]) {
      if (entry.badFields && entry.origin.kind === 'front-matter') yield { span: entry.origin.keySpan, message: message(entry.key, '', entry.badFields) };
    }
    yield* fileFindings(analysis);
  },
};

function* fileFindings(analysis: Analysis): Generator<RuleFinding> {
  for (const bibliography of analysis.context.bibliographies) {
    for (const item of bibliography.items) {
      if (!item.badFields) continue;
      const line = item.keyRange ? ` (line ${item.keyRange.start.line + 1})` : '';
      yield { span: bibliographySpan(analysis, bibliography), message: message(item.key, ` in "${bibliography.name}"${line}`, item.badFields) };
    }
  }
}

const WHAT_TO_WRITE: Readonly<Record<GradeField, string>> = {
  grade: `its grade is not an Admiralty code, so it counts as ungraded: write ${GRADE_HELP}`,
  retracted: 'its retracted: value is not allowed, so it counts as not retracted: write true or a text saying why it was withdrawn, or false',
};

function message(key: string, where: string, fields: readonly GradeField[]): string {
  return `Source "${key}"${where}: ${fields.map((field) => WHAT_TO_WRITE[field]).join('; ')}.`;
}
