import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCitations } from '../../server/src/citations/findCitations.js';

function found(text: string, opaque: { start: number; end: number }[] = []) {
  return findCitations(text, opaque).map((c) => ({ key: c.key, form: c.form, at: text.slice(c.span.start, c.span.end), locator: c.locator, prefix: c.prefix, suppress: c.suppressAuthor }));
}

describe('findCitations', () => {
  it('reads bracketed citations with prefixes, locators and author suppression', () => {
    assert.deepEqual(found('As argued [see @a, pp. 3-4; also -@b].'), [
      { key: 'a', form: 'bracketed', at: '@a', locator: 'pp. 3-4', prefix: 'see', suppress: false },
      { key: 'b', form: 'bracketed', at: '-@b', locator: '', prefix: 'also', suppress: true },
    ]);
  });

  it('keeps internal punctuation in keys and drops trailing punctuation', () => {
    assert.deepEqual(found('[@sec:intro] and @fig.1. Then @doe-2020, and @{odd key}.').map((c) => c.key), ['sec:intro', 'fig.1', 'doe-2020', 'odd key']);
  });

  it('reads an in-text citation with a bracketed locator after it', () => {
    assert.deepEqual(found('@smith04 [p. 33] says so'), [{ key: 'smith04', form: 'in-text', at: '@smith04', locator: 'p. 33', prefix: '', suppress: false }]);
  });

  it('ignores escaped brackets, addresses and word-internal at-signs', () => {
    assert.deepEqual(found('\\[@a] and user@host and x@y'), [{ key: 'a', form: 'in-text', at: '@a', locator: '', prefix: '', suppress: false }]);
  });

  it('does not read a bracket with an item lacking a key as one citation', () => {
    assert.deepEqual(found('[see @a; and more]').map((c) => c.form), ['in-text']);
  });

  it('never looks inside opaque spans', () => {
    const text = 'code `[@a]` and [@b]';
    const code = text.indexOf('`[@a]`');
    assert.deepEqual(found(text, [{ start: code, end: code + 6 }]).map((c) => c.key), ['b']);
  });

  it('does not join brackets across a blank line', () => {
    assert.deepEqual(found('[see\n\n@a]').map((c) => c.form), ['in-text']);
  });
});
