import { MAX_INLINE_SYNTAX, MAX_NESTING } from '../parse/nesting.js';
import { LIST_ATTRIBUTE_NAMES, LIST_ATTRIBUTES, VALUE_ATTRIBUTES, type ListAttribute, type ValueAttribute } from '../language/attributes.js';
import { kindRow, MARKER_KINDS, takesAttribute, type MarkerKind } from '../language/markerKinds.js';
import { ID_PATTERN } from '../language/names.js';
import type { Marker } from '../model/model.js';
import type { SkippedPart } from '../parse/parseMarkdown.js';
import type { Analysis } from '../analysis/analysis.js';
import { lineEndAt, listOf } from '../text/textHelpers.js';
import { CODES, isCode } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';
import { capitalize, describeMarker, didYouMean, nonEmptyMarkers } from './describe.js';

/**
 * Diagnostic: bad-attribute
 *
 * An attribute value the language does not allow: `confidence` other than low, moderate or high
 * (or on evidence), `status` other than open, favored or rejected (or on anything but a
 * hypothesis), an id that does not match `[A-Za-z][A-Za-z0-9_-]*`, an empty `for`, `against` or
 * `src` list, an attribute block that does not parse, a silencing comment that names an
 * unknown code, and a part nested more than 32 levels deep (block quotes or lists on one line,
 * block markers, or brackets and emphasis in one paragraph), which is skipped unread, and a
 * paragraph holding more than 4,000 pieces of inline syntax, which is skipped unread too.
 *
 * @example not-ok
 *   :claim[Overconfident [the data](https://example.org/d)]{#c3 confidence=certain}
 *   ^^^^^^^ bad-attribute
 *
 * @example not-ok
 *   ::evidence[A leaf whose attributes do not parse [the data](https://example.org/d)]{#e2 for=}
 *   ^^^^^^^^^^^ bad-attribute
 *
 * @example not-ok
 *   <!-- tradecraft-disable-next-line unsuported-claim -->
 *                                     ^^^^^^^^^^^^^^^^ bad-attribute
 *   :claim[A misspelt code silences nothing]{#c6}
 *   ^^^^^^^ unsupported-claim
 *
 * @example not-ok
 *   :claim[Read [the data](https://example.org/d)]{#c7}
 *   > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep
 *                                                                   ^^^^^^ bad-attribute
 *
 * @example ok
 *   :hypothesis[A new chief of staff changed course]{#h1 status=rejected confidence=low .note}
 */
export const badAttribute: Rule = {
  code: 'bad-attribute',
  defaultSeverity: 'warning',
  summary: 'An attribute value that is not allowed, or an attribute block that does not parse.',
  *check(analysis) {
    for (const { marker } of nonEmptyMarkers(analysis)) {
      const problems = attributeProblems(marker);
      if (marker.attributesRefused && problems.length === 0) problems.push('its attribute block does not parse: write it as {#id for=a,b src=key}');
      for (const problem of problems) yield { span: marker.opening, message: `${capitalize(describeMarker(marker))}: ${problem}.` };
    }
    yield* silencingProblems(analysis.syntax.model.silencing);
    yield* skippedParts(analysis);
  },
};

const SKIPPED_MESSAGES: Record<SkippedPart['cause'], string> = {
  'too-deep': `This part is nested more than ${MAX_NESTING} levels deep (block quotes, lists, block markers, links or emphasis): Tradecraft skipped the deeper levels and checks nothing in them.`,
  'too-dense': `This paragraph holds more than ${MAX_INLINE_SYNTAX.toLocaleString('en')} pieces of inline syntax (emphasis, code, brackets, entities): Tradecraft skipped it, since parsing it would take minutes, and checks nothing in it. Blank lines between its parts make it readable.`,
  'parser-failed': 'The Markdown parser failed on this part: Tradecraft skipped it and checks nothing in it.',
};

function* skippedParts({ syntax: { model } }: Analysis): Generator<RuleFinding> {
  for (const { span, cause } of model.skipped) {
    yield {
      span: { start: span.start, end: lineEndAt(model.text, span.start) },
      message: SKIPPED_MESSAGES[cause],
    };
  }
}

function attributeProblems(marker: Marker): string[] {
  const { id } = marker.attributes;
  const problems: string[] = [];
  if (id !== undefined && !ID_PATTERN.test(id)) problems.push(`the id "${id}" is not allowed: an id starts with a letter and holds only letters, digits, "-" and "_"`);
  for (const name of VALUE_ATTRIBUTES) {
    const value = marker.attributes[name];
    if (value === undefined) continue;
    const allowed = kindRow(marker.kind).values[name];
    if (!allowed) problems.push(misplaced(name, marker.kind));
    else if (!allowed.includes(value)) problems.push(`${name}="${value}" is not allowed: use ${listOf(allowed, 'or')}`);
  }
  for (const name of LIST_ATTRIBUTE_NAMES) {
    const list = marker.attributes[name];
    if (list === undefined) continue;
    if (!takesAttribute(marker.kind, name)) problems.push(misplaced(name, marker.kind));
    else if (list.every((item) => item === '')) problems.push(`${name}= is empty: name at least one ${LIST_ATTRIBUTES[name]}, or remove it`);
    else if (list.includes('')) problems.push(`${name}= has an empty entry: remove the extra comma`);
  }
  return problems;
}

/** `status= belongs on hypotheses only`, `confidence= belongs on claims and hypotheses, not on evidence`. */
function misplaced(name: ListAttribute | ValueAttribute, kind: MarkerKind): string {
  const owners = MARKER_KINDS.filter((candidate) => takesAttribute(candidate, name)).map((candidate) => kindRow(candidate).plural);
  return owners.length === 1 ? `${name}= belongs on ${owners[0]} only` : `${name}= belongs on ${listOf(owners, 'and')}, not on ${kindRow(kind).plural}`;
}

function* silencingProblems(comments: Analysis['syntax']['model']['silencing']): Generator<RuleFinding> {
  for (const comment of comments) {
    for (const code of comment.codes) {
      if (isCode(code.name)) continue;
      yield {
        span: code.span,
        message: `"${code.name}" is not a Tradecraft code, so this comment silences nothing for it.${didYouMean(code.name, CODES)}`,
      };
    }
  }
}
