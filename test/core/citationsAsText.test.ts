import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citationsAsText } from '../../server/src/citations/citationsAsText.js';
import { getDocumentSymbols } from '../../server/src/features/symbols.js';
import { analyzeFixture } from '../support/check.js';

describe('citations shown as text, for labels', () => {
  it('shows each bracketed citation as a reader sees it rendered, prefixes and locators kept', () => {
    assert.equal(citationsAsText('Trade fell [see @a, p. 4; -@b] and [@c].'), 'Trade fell (see a, p. 4; b) and (c).');
    assert.equal(citationsAsText('A braced key [@{smith_title_????}, para. 2]'), 'A braced key (smith_title_????, para. 2)');
  });

  it('leaves brackets that are no citation, in-text citations and links as written', () => {
    for (const text of ['[x] and [^1] but', 'as @smith says', 'a [link](https://example.org)']) assert.equal(citationsAsText(text), text);
  });

  it('names the outline entries without citation syntax', async () => {
    const { analysis } = await analyzeFixture({ text: ':claim[Kyiv moved [@a, p. 4] early]{#c1}\n' });
    assert.deepEqual(getDocumentSymbols(analysis).map((symbol) => symbol.name), ['c1 — Kyiv moved (a, p. 4) early']);
  });
});
