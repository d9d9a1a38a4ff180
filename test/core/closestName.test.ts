/**
 * "Did you mean": the index finds what comparing with every candidate finds (the library's
 * Damerau–Levenshtein distance), for names of every length and lists with many near twins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import damerauLevenshtein from 'damerau-levenshtein';
import fc from 'fast-check';
import { closestName } from '../../server/src/text/closestName.js';

function closestByComparingAll(name: string, candidates: readonly string[]): string | undefined {
  const allowed = Math.min(2, Math.floor(name.length / 3));
  let best: { candidate: string; steps: number } | undefined;
  for (const candidate of candidates) {
    const steps = damerauLevenshtein(name.toLowerCase(), candidate.toLowerCase()).steps;
    if (steps <= allowed && candidate !== name && (!best || steps < best.steps)) best = { candidate, steps };
  }
  return best?.candidate;
}

/** Names from few letters, so that candidates are often one or two edits apart. */
const name = fc.stringMatching(/^[abcAB_1-]{0,16}$/);

describe('closest name', () => {
  it('finds the candidate that comparing with every candidate finds', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), fc.array(name, { minLength: 1, maxLength: 10 }), (candidates, names) => {
        for (const query of [...names, ...candidates.slice(0, 5)]) {
          assert.equal(closestName(query, candidates), closestByComparingAll(query, candidates), query);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same after one name of the list changes, as after a keystroke in an id, when the answers for the list before are kept', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 40 }), fc.array(name, { minLength: 1, maxLength: 10 }), fc.nat(), name, (candidates, names, at, replacement) => {
        const queries = [...names, ...candidates.slice(0, 5)];
        const answers = queries.map((query) => closestName(query, candidates));
        // Half the time the name changed is one that was an answer, which must then be looked for again.
        const answered = answers.filter((answer) => answer !== undefined);
        const position = at % 2 === 0 && answered.length > 0 ? candidates.indexOf(answered[at % answered.length]!) : at % candidates.length;
        const changed = candidates.map((candidate, i) => (i === position ? replacement : candidate));
        for (const query of [...queries, replacement]) assert.equal(closestName(query, changed), closestByComparingAll(query, changed), query);
      }),
      { numRuns: 400 },
    );
  });

  it('finds typos of long keys among thousands that look alike', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `smith${i % 50}_sanctions_${1990 + (i % 37)}_${i}`);
    assert.equal(keys[1057], 'smith7_sanctions_2011_1057');
    assert.equal(closestName('smith7_sanctoins_2011_1057', keys), keys[1057]);
    assert.equal(closestName('smith7_sanctions_2011_105', keys), keys[1057]);
    assert.equal(closestName('jones_treaty_1999', keys), undefined);
  });

  it('ignores case and counts a swap of neighbours as one edit; short names get no guess', () => {
    assert.equal(closestName('DECREE-2026', ['decree-2026']), 'decree-2026');
    assert.equal(closestName('dcere-2026', ['decree-2026']), 'decree-2026');
    assert.equal(closestName('c9', ['c1']), undefined);
  });
});
