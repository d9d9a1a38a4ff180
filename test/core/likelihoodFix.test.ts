import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getQuickFixes } from '../../server/src/features/codeActions.js';
import { analyzeFixture, lines } from '../support/check.js';

/** The quick fixes for off-scale likelihood words offered over the whole of `text`. */
async function likelihoodFixes(text: string, standards: 'icd203' | 'phia' = 'phia') {
  const { analysis } = await analyzeFixture({ text, settings: { standards } });
  return getQuickFixes(analysis, { start: 0, end: text.length })
    .filter((action) => action.fixes === 'off-scale-likelihood')
    .map((action) => ({ title: action.title, edits: action.edits.map((edit) => `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character} ${edit.newText}`) }));
}

describe('the off-scale likelihood quick fix', () => {
  it('writes the chosen scale\'s term closest in meaning in place of the word', async () => {
    assert.deepEqual(await likelihoodFixes(':claim[Prices will very likely fall, [x](https://example.org/x)]{#c1}'), [
      { title: 'Change "very likely" to "highly likely"', edits: ['0:19-0:30 highly likely'] },
    ]);
  });

  it('keeps a capital letter, the form of the word and takes the first row under ICD 203', async () => {
    assert.deepEqual(await likelihoodFixes(':claim[Nearly certainly, prices fall [x](https://example.org/x)]{#c1}'), [
      { title: 'Change "Nearly certainly" to "Almost certainly"', edits: ['0:7-0:23 Almost certainly'] },
    ]);
    assert.deepEqual(await likelihoodFixes(':claim[A cut is highly\nunlikely [x](https://example.org/x)]{#c1}', 'icd203'), [
      { title: 'Change "highly\nunlikely" to "very unlikely"', edits: ['0:16-1:8 very unlikely'] },
    ]);
  });

  it('offers nothing for a vague word, for a term of the scale, or where emphasis stands inside the term', async () => {
    const text = lines(':claim[Prices will perhaps fall, [x](https://example.org/x)]{#c1}', ':claim[It is highly likely, and *very* likely [x](https://example.org/x)]{#c2}');
    assert.deepEqual(await likelihoodFixes(text), []);
  });

  it('offers nothing without a standard', async () => {
    const { analysis } = await analyzeFixture({ text: ':claim[Prices will very likely fall [x](https://example.org/x)]{#c1}' });
    assert.deepEqual(getQuickFixes(analysis, { start: 0, end: 60 }), []);
  });
});
