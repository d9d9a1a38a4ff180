/** Quarto's cross-references (`[@fig-map]` in a `.qmd` document) are neither citations nor problems (v1.3). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportAsMarkdown } from '../../server/src/export/markdownExport.js';
import { exportForPandoc } from '../../server/src/export/pandocExport.js';
import { QUARTO_CROSS_REFERENCE_PREFIXES } from '../../server/src/language/quarto.js';
import { analyzeFixture, diagnosticLines, lines } from '../support/check.js';

/** A chapter citing one source, with a bracketed cross-reference of every prefix and six more. */
const CHAPTER = lines(
  '---',
  'sources:',
  '  trade-stats: https://example.org/trade',
  '---',
  ':claim[Trade with the region collapsed after 2022 [@trade-stats]]{#c1}',
  '',
  ...QUARTO_CROSS_REFERENCE_PREFIXES.map((prefix) => `:evidence[As shown in [@${prefix}one] [@trade-stats]]{for=c1}`),
  ...['fig-map', 'tbl-trade', 'sec-method', 'eq-growth', 'thm-a', 'exr-b'].map((key) => `See [@${key}].`),
  '',
  'And @fig-map in text, [see @sec-intro, p. 3].',
);

describe('Quarto cross-references', () => {
  it('gives a chapter with 19 bracketed cross-references no diagnostic', async () => {
    assert.equal(CHAPTER.match(/\[@(?!trade-stats)/g)?.length, 19);
    assert.deepEqual(await diagnosticLines(CHAPTER, { path: '/ws/chapter.qmd' }), []);
  });

  it('neither sources a marker nor counts as a use of a source', async () => {
    const text = lines('---', 'sources:', '  fig-map: https://example.org/map', '---', ':evidence[The map shows it [@fig-map]]{#e1}');
    assert.deepEqual(await diagnosticLines(text, { path: '/ws/chapter.qmd' }), ['3:unused-source', '5:unsourced-evidence']);
  });

  it('still checks a real citation beside them', async () => {
    const text = lines('---', 'sources:', '  trade-stats: https://example.org/trade', '---', ':claim[Trade fell [@fig-map; @trade-stat]]{#c1}');
    assert.deepEqual(await diagnosticLines(text, { path: '/ws/chapter.qmd' }), ['3:unused-source', '5:unknown-source']);
  });

  it('keeps `@fig-x` a citation in a Markdown document', async () => {
    const text = lines('---', 'sources:', '  trade-stats: https://example.org/trade', '---', ':claim[Trade fell [@fig-map] [@trade-stats]]{#c1}');
    assert.deepEqual(await diagnosticLines(text, { path: '/ws/chapter.md' }), ['5:unknown-source']);
  });

  it('leaves cross-references unescaped in the export for Pandoc, which Quarto reads', async () => {
    const text = lines('---', 'sources:', '  trade-stats: https://example.org/trade', '---', ':claim[Trade fell [@trade-stats], see [@fig-map] and @tbl-a]{#c1}');
    const { analysis } = await analyzeFixture({ text, path: '/ws/chapter.qmd' });
    assert.match(exportForPandoc(analysis, {}).text, /\[Trade fell \[@trade-stats\], see \[@fig-map\] and @tbl-a\]\{#c1 \.claim\}/);
    const { analysis: markdown } = await analyzeFixture({ text, path: '/ws/chapter.md' });
    assert.match(exportForPandoc(markdown, {}).text, /and \\@tbl-a/);
  });

  it('keeps a cross-reference among the citations of its brackets in the export as Markdown with links', async () => {
    const text = lines('---', 'sources:', '  trade-stats: https://example.org/trade', '---', ':claim[Trade fell [@fig-map; @trade-stats]]{#c1}');
    const { analysis } = await analyzeFixture({ text, path: '/ws/chapter.qmd' });
    assert.match(exportAsMarkdown(analysis, { citeLinks: true }), /Trade fell \(fig-map; \[trade-stats\]\(<https:\/\/example\.org\/trade>\)\)/);
  });
});
