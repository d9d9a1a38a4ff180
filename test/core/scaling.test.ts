import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INLINE_SYNTAX } from '../../server/src/parse/nesting.js';
import { analyzeFixture, lines } from '../support/check.js';
import { PATHOLOGICAL_SHAPES } from '../support/pathological.js';

/**
 * A bound that only a blow-up breaks, not a speed goal (those are in `npm run bench`): each
 * document is 1 MB, which a quadratic path takes minutes on and a linear one seconds.
 */
const BOUND_MS = 60_000;
const SIZE = 1_000_000;
const CLAIM = ':claim[A claim before it]{#c1}';

describe('hostile shapes of 1 MB are read in linear time, and what follows them is read', () => {
  it('reads unclosed marker labels without looking for their end past the marker (was 160 s)', async () => {
    const started = Date.now();
    const { analysis, diagnostics } = await analyzeFixture({ text: PATHOLOGICAL_SHAPES.unclosedMarkerLabels(SIZE) });
    assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
    assert.deepEqual(analysis.markersById.get('e1')?.attributes.for, ['c1'], 'the marker after the hostile part is read');
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unknown-source']);
  });
});

describe(`a paragraph with more than ${MAX_INLINE_SYNTAX} pieces of inline syntax`, () => {
  it('is skipped and said so, in seconds (minutes before: micromark is quadratic in it), and the rest is read', async () => {
    const started = Date.now();
    const { analysis, diagnostics } = await analyzeFixture({ text: PATHOLOGICAL_SHAPES.denseParagraph(SIZE) });
    assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
    assert.deepEqual(analysis.markersById.get('e1')?.attributes.for, ['c1'], 'the marker after the paragraph is read');
    const skipped = diagnostics.filter((d) => /holds more than 4,000 pieces of inline syntax/.test(d.message));
    assert.deepEqual(skipped.map((d) => [d.code, d.range.start.line]), [['skipped-content', 2]]);
  });

  const line = (i: number) => `the *decree* annex \`code\` &amp; trade _policy_ ${i}`;
  const denseLines = (count: number) => Array.from({ length: count }, (_, i) => line(i));
  it('is read when it holds fewer, a marker in it included', async () => {
    const { analysis, diagnostics } = await analyzeFixture({ text: lines(CLAIM, '', ...denseLines(400), ':evidence[In it]{#e1 for=c1}') });
    assert.ok(analysis.markersById.has('e1'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unsourced-evidence']);
  });

  for (const [name, text] of [
    ['fenced code', lines('```', ...denseLines(1_000), '```')],
    ['a table', lines('| a | b |', '|---|---|', ...denseLines(1_000).map((l) => `| ${l} | x |`))],
    ['an HTML block', lines('<div>', ...denseLines(1_000), '</div>')],
    ['a tight list', denseLines(1_000).map((l) => `- ${l}`).join('\n')],
  ]) {
    it(`is never ${name}, however dense`, async () => {
      const { diagnostics } = await analyzeFixture({ text: lines(CLAIM, '', text!, '', ':evidence[After it]{#e1 for=c1}') });
      assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unsourced-evidence']);
    });
  }
});
