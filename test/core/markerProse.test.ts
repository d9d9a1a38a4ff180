import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDocument } from '../../server/src/analysis/documentSyntax.js';
import { IncrementalParser } from '../../server/src/parse/incrementalParser.js';
import { documentSpan, TEXT_BREAK } from '../../server/src/text/mappedText.js';
import { lines } from '../support/check.js';

/** The texts read of the first marker, breaks shown as `|`, white space as one space. */
function proseOf(text: string): string[] {
  const marker = readDocument(text).model.markers[0]!;
  return (marker.prose ?? []).map((prose) => prose.text.replaceAll(TEXT_BREAK, '|').replace(/\s+/g, ' ').trim());
}

/** Each word of the first marker's own text, as the document writes it where the text maps it. */
function wordsMappedBack(text: string): string[] {
  const prose = readDocument(text).model.markers[0]!.prose![0]!;
  return [...prose.text.matchAll(/\p{L}+/gu)].map((word) => {
    const span = documentSpan(prose, word.index, word.index + word[0].length);
    return text.slice(span.start, span.end);
  });
}

describe('the prose of a claim or hypothesis', () => {
  it('reads through emphasis', () => {
    assert.deepEqual(proseOf(':claim[It is *very* __likely__ ~~so~~]{#c1}'), ['It is very likely so']);
  });

  it('removes code, raw HTML, images and footnote references, each a break', () => {
    const text = lines(':claim[very `x` likely <b>very</b> likely ![very likely](a.png) very[^1] likely]{#c1}', '', '[^1]: A note.');
    assert.deepEqual(proseOf(text), ['very | likely |very| likely | very| likely', 'A note.']);
  });

  it('removes citations, their brackets, prefixes and locators included, and in-text ones', () => {
    assert.deepEqual(proseOf(':claim[very [see @a, p. 4; @b] likely, says @c. Likely]{#c1}'), ['very | likely, says |. Likely']);
  });

  it('reads link text, not link targets, titles or autolinks', () => {
    assert.deepEqual(proseOf(':claim[[very likely](https://example.org/likely "likely") <https://likely.example> www.likely.example]{#c1}'), ['very likely | |']);
  });

  it('removes nested markers and near misses, each a break', () => {
    const text = lines('::::claim{#c1}', 'It is very', ':evidence[likely [@a]]{#e1} and', ':evidense[likely]{#e2} likely.', '::::');
    assert.deepEqual(proseOf(text), ['It is very | and | likely.']);
  });

  it('reads directives that are not markers as their text', () => {
    assert.deepEqual(proseOf(':claim[At 10:30 it was likely :claim alone]{#c1}'), ['At 10:30 it was likely :claim alone']);
  });

  it('reads the footnotes it references, each once, after its own text', () => {
    const text = lines(':claim[Trade collapsed[^n][^n] [^m]]{#c1}', '', '[^n]: It is *very* likely.', '', '[^m]: With high confidence.');
    assert.deepEqual(proseOf(text), ['Trade collapsed| |', 'It is very likely.', 'With high confidence.']);
  });

  it('reads the paragraphs, lists and quotes of a block marker, and maps each word back to where it is written', () => {
    const text = lines(':::claim{#c1}', '> very', '> likely \\* &amp; &eacute;tat &amp;c', '', '- it*e*m', ':::');
    assert.deepEqual(proseOf(text), ['very likely * & état &c item']);
    assert.deepEqual(wordsMappedBack(text), ['very', 'likely', '&eacute;tat', 'c', 'it*e*m']);
  });

  it('is read for claims and hypotheses only', () => {
    const model = readDocument(':evidence[likely [@a]]{#e1} :hypothesis[likely]{#h1}').model;
    assert.deepEqual(model.markers.map((marker) => marker.prose?.length), [undefined, 1]);
  });

  it('reads what a fresh reading reads after edits that move blocks, change a footnote elsewhere or a judgment', () => {
    /** Every judgment's prose, each text with the document's words where it maps them. */
    const everyProse = (syntax: ReturnType<typeof readDocument>, text: string) =>
      syntax.model.markers.map((marker) => (marker.prose ?? []).map((prose) => [prose.text, ...[...prose.text.matchAll(/\p{L}+/gu)].map((word) => {
        const span = documentSpan(prose, word.index, word.index + word[0].length);
        return text.slice(span.start, span.end);
      })]));
    const versions = [
      lines(':claim[Likely at first[^1]]{#c1}', '', 'Prose between.', '', ':::hypothesis{#h1}', 'Almost certainly so[^2].', ':::', '', '[^1]: A likely note.', '', '[^2]: Probably.'),
      lines('A new paragraph before.', '', ':claim[Likely at first[^1]]{#c1}', '', 'Prose between.', '', ':::hypothesis{#h1}', 'Almost certainly so[^2].', ':::', '', '[^1]: A likely note.', '', '[^2]: Probably.'),
      lines('A new paragraph before.', '', ':claim[Likely at first[^1]]{#c1}', '', 'Prose between.', '', ':::hypothesis{#h1}', 'Almost certainly so[^2].', ':::', '', '[^1]: An unlikely note, rewritten.', '', '[^2]: Probably.'),
      lines('A new paragraph before.', '', ':claim[Very likely now[^2]]{#c1}', '', 'Prose between.', '', ':::hypothesis{#h1}', 'Almost certainly so[^2].', ':::', '', '[^1]: An unlikely note, rewritten.', '', '[^2]: Probably.'),
    ];
    const parser = new IncrementalParser();
    for (const text of versions) assert.deepEqual(everyProse(readDocument(text, parser), text), everyProse(readDocument(text), text), text);
  });
});
