import { CONFIDENCE_PHRASES, LIKELIHOOD_TERMS, type LikelihoodTerm } from '../language/standards.js';
import type { Marker } from '../model/model.js';
import { documentSpan, type MappedText } from '../text/mappedText.js';
import { sentenceSpans } from '../text/sentences.js';
import { TermMatcher, type TermMatch } from '../text/termMatcher.js';
import type { Span } from '../types.js';

/** One likelihood term written in a claim or hypothesis. */
export interface LikelihoodUse {
  readonly term: LikelihoodTerm;
  /** The term as written, where its diagnostics go. */
  readonly span: Span;
  /** The first confidence phrase of its sentence, if it has one. */
  readonly confidencePhrase: string | undefined;
}

type Phrase = { readonly likelihood: LikelihoodTerm } | { readonly confidence: string };

const PHRASES = new TermMatcher<Phrase>([
  ...LIKELIHOOD_TERMS.map((term) => [term.term, { likelihood: term }] as const),
  ...CONFIDENCE_PHRASES.map((phrase) => [phrase, { confidence: phrase }] as const),
]);

/**
 * Every likelihood term of the claims and hypotheses, in document order, each once (a footnote
 * two markers reference is read for both), with the confidence phrase its sentence holds.
 */
export function readLikelihoodUses(markers: readonly Marker[]): LikelihoodUse[] {
  const uses = new Map<number, LikelihoodUse>();
  for (const prose of markers.flatMap((marker) => marker.prose ?? [])) {
    for (const use of usesIn(prose)) if (!uses.has(use.span.start)) uses.set(use.span.start, use);
  }
  return [...uses.values()].sort((a, b) => a.span.start - b.span.start);
}

function usesIn(prose: MappedText): LikelihoodUse[] {
  return termsIn(prose.text).map(({ term, start, end, confidencePhrase }) => ({ term, span: documentSpan(prose, start, end), confidencePhrase }));
}

/** A likelihood term at indices of a text, with its sentence's first confidence phrase. */
interface TermInText {
  readonly term: LikelihoodTerm;
  readonly start: number;
  readonly end: number;
  readonly confidencePhrase: string | undefined;
}

/** By prose text: a keystroke leaves the prose of nearly every judgment as it was. */
const termsByText = new Map<string, readonly TermInText[]>();
const CACHED_TEXTS = 5_000;

function termsIn(text: string): readonly TermInText[] {
  let terms = termsByText.get(text);
  if (!terms) {
    if (termsByText.size >= CACHED_TEXTS) termsByText.clear();
    terms = readTerms(text);
    termsByText.set(text, terms);
  }
  return terms;
}

function readTerms(text: string): TermInText[] {
  const found = PHRASES.matches(text);
  const terms: TermInText[] = [];
  let next = 0;
  for (const sentence of sentenceSpans(text)) {
    const inSentence: TermMatch<Phrase>[] = [];
    while (next < found.length && found[next]!.start < sentence.end) inSentence.push(found[next++]!);
    const confidence = inSentence.find((match): match is TermMatch<{ confidence: string }> => 'confidence' in match.value);
    for (const match of inSentence) {
      if ('likelihood' in match.value) terms.push({ term: match.value.likelihood, start: match.start, end: match.end, confidencePhrase: confidence?.value.confidence });
    }
  }
  return terms;
}
