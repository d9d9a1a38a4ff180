/** Offsets across an edit: what the edit did not touch keeps its place, shifted by the change of length. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextShift } from '../../server/src/text/textShift.js';

describe('the shift of offsets across an edit', () => {
  it('moves what follows an edit by its change of length, and gives the changed characters no place', () => {
    const shift = TextShift.between(':claim[x]{#c1}\n', 'Intro.\n\n:claim[x]{#c1}\n');
    assert.equal(shift.forward(0), 8);
    assert.equal(shift.back(8), 0);
    assert.equal(shift.back(3), undefined, 'inside the inserted text');
    const replaced = TextShift.between('keep [@old] after', 'keep [@newer] after');
    assert.deepEqual([replaced.forward(2), replaced.forward(8), replaced.forward(12)], [2, undefined, 14]);
  });

  it('maps each character outside the changed stretch to the same character, both ways (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, text, text, (before, removed, inserted, after) => {
        const from = before + removed + after;
        const to = before + inserted + after;
        const shift = TextShift.between(from, to);
        for (let at = 0; at <= from.length; at++) {
          const there = shift.forward(at);
          if (at < before.length) assert.equal(there, at, 'before the edit');
          if (there === undefined) continue;
          assert.equal(to.slice(there, there + 1), from.slice(at, at + 1));
          assert.equal(shift.back(there), at);
        }
      }),
      { numRuns: 300 },
    );
  });
});
