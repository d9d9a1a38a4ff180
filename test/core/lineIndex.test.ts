import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/text/lineIndex.js';
import { TextShift } from '../../server/src/text/textShift.js';
import { random } from '../support/generate.js';

describe('LineIndex', () => {
  it('moved across an edit, equals the index of the edited text, whatever line breaks the edit makes, joins or splits', () => {
    const next = random(7);
    const pieces = ['a', 'b', ' ', '\n', '\r', '\r\n'];
    const piece = (count: number) => Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let run = 0; run < 3_000; run++) {
      const before = piece(Math.floor(next() * 12));
      const start = Math.floor(next() * (before.length + 1));
      const end = start + Math.floor(next() * (before.length - start + 1));
      const after = before.slice(0, start) + piece(Math.floor(next() * 4)) + before.slice(end);
      const { from, to } = TextShift.between(before, after).changed;
      const moved = new LineIndex(before).afterEdit(after, from, to);
      const fresh = new LineIndex(after);
      const what = JSON.stringify({ before, after });
      assert.equal(moved.lineCount, fresh.lineCount, what);
      for (let offset = 0; offset <= after.length; offset++) assert.deepEqual(moved.positionAt(offset), fresh.positionAt(offset), what);
    }
  });

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
