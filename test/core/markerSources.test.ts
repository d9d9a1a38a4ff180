/** Each marker's own sources, resolved, as the analysis gives them to the matrix, grades and hovers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, lines } from '../support/check.js';

describe('the sources of each marker', () => {
  it('lists what a marker cites in its content, its footnotes and src=, resolved, and not what markers inside it cite', async () => {
    const { analysis } = await analyzeFixture({
      text: lines(
        '---',
        'sources:',
        '  a: https://example.org/a',
        '  b: https://example.org/b',
        '---',
        ':::claim{#c1 src=b}',
        'Kyiv changed course [@a; @missing][^1] and [a page](https://example.org/p).',
        '',
        ':evidence[Inner [@b]]{#e1 for=c1}',
        ':::',
        '',
        '[^1]: As [the annex](TODO) says.',
      ),
    });
    const sources = (id: string) => {
      const marker = analysis.markersById.get(id)!;
      const { citations, links } = analysis.markerSources[marker.index]!;
      return { citations: citations.map((c) => `${c.key}:${c.status}:${c.form}`).sort(), links: links.map((l) => `${l.url}:${l.kind}`).sort() };
    };
    assert.deepEqual(sources('c1'), {
      citations: ['a:resolved:bracketed', 'b:resolved:attribute', 'missing:unknown:bracketed'],
      links: ['TODO:placeholder', 'https://example.org/p:web'],
    });
    assert.deepEqual(sources('e1'), { citations: ['b:resolved:bracketed'], links: [] });
  });
});
