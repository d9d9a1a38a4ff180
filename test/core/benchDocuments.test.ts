import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyOfBody, mixedCases, PATHOLOGICAL_SHAPES, repeatedCase } from '../../bench/documents.js';
import { diagnosticLines, lines } from '../support/check.js';

const codes = async (text: string) => (await diagnosticLines(text)).map((line) => line.replace(/^\d+:/, '')).sort();

const CASE_A = {
  name: 'a',
  text: lines('---', 'sources:', '  s1: https://example.org/s1', '---', '', ':claim[Held[^n]]{#c1}', '', ':evidence[Seen [@s1]]{#e1 for=c1,h9}', '', '[^n]: A note [@s1].', ''),
};
const CASE_B = { name: 'b', text: lines('---', 'sources:', '  s2: https://example.org/s2', '---', '', ':evidence[Read [@s2]]{#e1 against=c1}', '') };

describe('the benchmark’s case documents', () => {
  it('make each copy’s ids, references to them and footnote labels its own', () => {
    assert.equal(copyOfBody(':claim[x[^n]]{#c1 for=a,b against="c"}\n\n[^n]: note', '2'), ':claim[x[^n-2]]{#c1-2 for=a-2,b-2 against="c-2"}\n\n[^n-2]: note');
  });

  it('repeat a case to a size with the diagnostics of each copy and no more', async () => {
    const once = await codes(CASE_A.text);
    const repeated = repeatedCase(CASE_A, 3 * CASE_A.text.length);
    const copies = repeated.text.split(':claim[').length - 1;
    assert.ok(copies >= 3);
    assert.deepEqual(await codes(repeated.text), once.flatMap((code) => Array(copies).fill(code)).sort());
  });

  it('put all cases together under one front matter that defines every case’s sources', async () => {
    const mixed = mixedCases([CASE_A, CASE_B], 2_000);
    assert.ok(mixed.text.length >= 2_000);
    const found = await codes(mixed.text);
    assert.ok(!found.includes('unknown-source') && !found.includes('duplicate-id') && !found.includes('bad-front-matter'), found.join(' '));
    assert.ok(found.includes('unknown-reference'), 'h9 and c1 of case b name no marker of their copy');
  });

  it('make each pathological shape of about the size asked', () => {
    for (const shape of PATHOLOGICAL_SHAPES) {
      const length = shape.make(50_000).length;
      assert.ok(length >= 50_000 && length < 60_000, `${shape.name}: ${length}`);
    }
  });
});
