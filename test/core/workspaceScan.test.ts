import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexedMarkers, scanMarkers } from '../../server/src/features/workspaceSymbols.js';
import { analyzeFixture, lines } from '../support/check.js';

describe('the scan of files that are not open', () => {
  it('reads the ids the analysis reads, with the attribute grammar: the last id counts, quoted braces do not end the block', async () => {
    const text = lines(
      ':claim[An id the pattern refuses is still its id]{#1st}',
      '',
      ':claim[The last id counts]{#a #b}',
      '',
      ':claim[A quoted brace]{title="}" #d}',
      '',
      ':claim[Written out]{id="c2" for=c1}',
      '',
      ':::evidence{#e1 for=c2}',
      'A block.',
      ':::',
    );
    const { analysis } = await analyzeFixture({ text });
    const analysed = indexedMarkers(analysis).map((marker) => [marker.kind, marker.id]);
    assert.deepEqual(analysed, [['claim', '1st'], ['claim', 'b'], ['claim', 'd'], ['claim', 'c2'], ['evidence', 'e1']]);
    assert.deepEqual(scanMarkers(text).map((marker) => [marker.kind, marker.id]), analysed);
  });
});
