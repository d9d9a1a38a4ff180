import { LIST_ATTRIBUTE_NAMES, LIST_ATTRIBUTES, VALUE_ATTRIBUTES, type ListAttribute, type MarkerAttributes, type ValueAttribute } from '../language/attributes.js';
import { kindRow, LIST_TARGET_KINDS, MARKER_KINDS, takesAttribute, type MarkerKind } from '../language/markerKinds.js';
import type { WrongKindReference } from '../graph/supportGraph.js';
import { ID_PATTERN } from '../language/names.js';
import type { Marker } from '../model/model.js';
import type { Analysis } from '../analysis/analysis.js';
import { listOf, withArticle } from '../text/textHelpers.js';
import { CODES, isCode } from '../types.js';
import type { Rule, RuleFinding } from './rule.js';
import { capitalize, describeMarker, didYouMean, nonEmptyMarkers } from './describe.js';

/**
 * Diagnostic: bad-attribute
 *
 * An attribute value the language does not allow: `confidence` other than low, moderate or high
 * (or on anything but a claim or hypothesis), a `status` its kind does not allow (open, favored
 * or rejected on a hypothesis, solid, caveated or unsupported on an assumption, watch, observed
 * or absent on an indicator), `assumes=` on anything but a claim or hypothesis, `from=` on
 * anything but a claim, `for=` or `against=` on an assumption (the ids of a misplaced attribute
 * are ignored), an id in `assumes=` or `from=` that names a marker of another kind than an
 * assumption or a hypothesis, an id that does not match `[A-Za-z][A-Za-z0-9_-]*`, an empty list,
 * an attribute block that does not parse, or a silencing comment that names an unknown code.
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
 *   :assumption[Rail traffic mirrors troop movements]{#a1 for=c1 status=doubtful}
 *   ^^^^^^^^^^^^ bad-attribute "for= belongs on"
 *   ^^^^^^^^^^^^ bad-attribute "status="doubtful" is not allowed: use solid, caveated or unsupported"
 *   ^^^^^^^^^^^^ unused-assumption
 *   :claim[Troops will leave [the data](https://example.org/d)]{#c1 assumes=e1 from=a1}
 *   ^^^^^^^ bad-attribute "assumes=e1 names evidence "e1", which is not an assumption"
 *   ^^^^^^^ bad-attribute "from=a1 names assumption "a1", which is not a hypothesis"
 *   :evidence[Flatcars left Orsha [the data](https://example.org/d)]{#e1 assumes=a1}
 *   ^^^^^^^^^^ bad-attribute "assumes= belongs on claims and hypotheses, not on evidence"
 *
 * @example ok
 *   :hypothesis[A new chief of staff changed course]{#h1 status=rejected confidence=low .note}
 *   ^^^^^^^^^^^^ untested-hypothesis
 *   :hypothesis[Yerevan concluded the alliance would not defend it]{#h2 status=favoured}
 *   ^^^^^^^^^^^^ untested-hypothesis
 */
export const badAttribute: Rule = {
  code: 'bad-attribute',
  defaultSeverity: 'warning',
  summary: 'An attribute value that is not allowed, or an attribute block that does not parse.',
  *check(analysis) {
    for (const { marker, facts } of nonEmptyMarkers(analysis)) {
      const read = attributeProblems(marker);
      if (read.length === 0 && facts.wrongKindReferences.length === 0 && !marker.attributesRefused) continue;
      const problems = [...read, ...facts.wrongKindReferences.map(wrongKind)];
      if (marker.attributesRefused && problems.length === 0) problems.push('its attribute block does not parse: write it as {#id for=a,b src=key}');
      for (const problem of problems) yield { span: marker.opening, message: `${capitalize(describeMarker(marker))}: ${problem}.` };
    }
    yield* silencingProblems(analysis.syntax.model.silencing);
  },
};

/**
 * The problems of each attribute block, read once: a marker keeps its attributes' object when a
 * keystroke elsewhere moves it, and the problems name no position.
 */
const problemsOfAttributes = new WeakMap<MarkerAttributes, { readonly kind: MarkerKind; readonly problems: readonly string[] }>();

function attributeProblems(marker: Marker): readonly string[] {
  const read = problemsOfAttributes.get(marker.attributes);
  if (read?.kind === marker.kind) return read.problems;
  const problems = readAttributeProblems(marker);
  problemsOfAttributes.set(marker.attributes, { kind: marker.kind, problems });
  return problems;
}

function readAttributeProblems(marker: Marker): string[] {
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

/** `assumes=e1 names evidence "e1", which is not an assumption`: what the attribute's items must name. */
function wrongKind({ id, attribute, target }: WrongKindReference): string {
  const wanted = LIST_TARGET_KINDS[attribute]!;
  return `${attribute}=${id} names ${describeMarker(target)}, which is not ${withArticle(wanted)}: name the id of ${withArticle(wanted)}, or remove it`;
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
