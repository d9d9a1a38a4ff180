import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/text/lineIndex.js';

describe('LineIndex', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`counts lines ended by ${name}`, () => {
      const text = `ab${eol}cd${eol}${eol}e`;
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 1, character: 1 });
      assert.deepEqual(index.positionAt(text.length), { line: 3, character: 1 });
      assert.equal(index.offsetAt({ line: 1, character: 1 }), text.indexOf('d'));
      assert.deepEqual(index.lineSpan(1), { start: text.indexOf('c'), end: text.indexOf('d') + 1 });
    });
  }

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = '😀 :claim[x]';
    assert.deepEqual(new LineIndex(text).positionAt(text.indexOf(':')), { line: 0, character: 3 });
  });

  it('clamps positions past the end', () => {
    const index = new LineIndex('one\ntwo');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 7);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  });
});
