import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermMatcher } from '../../server/src/text/termMatcher.js';

const matcher = new TermMatcher([['unlikely', 1], ['very unlikely', 2], ['likely', 3], ['very likely', 4], ['almost no chance', 5], ['may well', 6]]);

/** The terms found, as the text matched and the value. */
function found(text: string): string[] {
  return matcher.matches(text).map((match) => `${text.slice(match.start, match.end)}=${match.value}`);
}

describe('the term matcher', () => {
  it('takes the longest term where several start at the same word', () => {
    assert.deepEqual(found('It is very unlikely, but likely.'), ['very unlikely=2', 'likely=3']);
  });

  it('matches whole words only: a term inside a word, or a word that goes on, is not one', () => {
    assert.deepEqual(found('the likelihood is unlikelier than likely-looking'), ['likely=3']);
    assert.deepEqual(found('unlikely2 likely'), ['likely=3']);
  });

  it('ignores case', () => {
    assert.deepEqual(found('VERY Likely, Almost No Chance'), ['VERY Likely=4', 'Almost No Chance=5']);
  });

  it('takes any white space between the words of a term, line breaks included', () => {
    assert.deepEqual(found('almost\n  no\tchance, very\r\nlikely'), ['almost\n  no\tchance=5', 'very\r\nlikely=4']);
  });

  it('reads a hyphen, an apostrophe or any other sign between words as no white space', () => {
    assert.deepEqual(found("very-likely very'likely very\uFFFClikely"), ['likely=3', 'likely=3', 'likely=3']);
  });

  it('counts letters of any script, marks and digits as parts of a word', () => {
    assert.deepEqual(found('likelý likely\u0301 likely5 ünlikely'), []);
  });

  it('leaves a partial term alone and reads on from the next word', () => {
    assert.deepEqual(found('almost no time, may well, may'), ['may well=6']);
  });
});
