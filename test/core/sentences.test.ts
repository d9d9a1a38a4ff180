import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEXT_BREAK } from '../../server/src/text/mappedText.js';
import { sentenceSpans } from '../../server/src/text/sentences.js';

function sentences(text: string): string[] {
  return sentenceSpans(text).map((span) => text.slice(span.start, span.end));
}

describe('the sentence splitter', () => {
  it('ends a sentence at . ! or ? followed by white space', () => {
    assert.deepEqual(sentences('Flows hold. Is a cut likely? No! Fine'), ['Flows hold.', ' Is a cut likely?', ' No!', ' Fine']);
  });

  it('ends one at the end of the text', () => {
    assert.deepEqual(sentences('Flows hold.'), ['Flows hold.']);
  });

  it('does not end one at a point followed by anything but white space', () => {
    assert.deepEqual(sentences('Demand rose 3.5 percent (see p.4) and "held." then'), ['Demand rose 3.5 percent (see p.4) and "held." then']);
  });

  it('ends one after an abbreviation, as the rule says', () => {
    assert.deepEqual(sentences('The U.S. will act'), ['The U.S.', ' will act']);
  });

  it('does not end one at a paragraph break', () => {
    assert.deepEqual(sentences('Imports are likely\n\nto grow'), ['Imports are likely\n\nto grow']);
  });

  it('passes over what was removed between the point and the white space', () => {
    assert.deepEqual(sentences(`It is likely.${TEXT_BREAK} We have high confidence`), [`It is likely.`, `${TEXT_BREAK} We have high confidence`]);
  });

  it('gives one empty sentence for an empty text', () => {
    assert.deepEqual(sentenceSpans(''), [{ start: 0, end: 0 }]);
  });
});
