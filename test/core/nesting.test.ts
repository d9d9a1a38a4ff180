import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NESTING } from '../../server/src/parse/nesting.js';
import { analyzeFixture, lines } from '../support/check.js';

const LEVELS = 10_000;
const CLAIM = ':claim[A claim before the deep part]{#c1}';
/**
 * A bound that only a blow-up breaks, not a speed goal (those are in `npm run bench`): minutes
 * before, a few seconds now (images, the slowest, 9–15 s on a loaded 2-core machine).
 */
const BOUND_MS = 60_000;

const DEEP: Record<string, string> = {
  [`${LEVELS} levels of emphasis`]: `${'*'.repeat(LEVELS)}word${'*'.repeat(LEVELS)}`,
  [`${LEVELS} levels of emphasis in separate runs`]: `${'*a '.repeat(LEVELS)}x${' b*'.repeat(LEVELS)}`,
  [`${LEVELS} levels of strikethrough`]: `${'~~a '.repeat(LEVELS)}x${' b~~'.repeat(LEVELS)}`,
  [`${LEVELS} levels of block quotes`]: `${'> '.repeat(LEVELS)}x`,
  [`${LEVELS} levels of lists`]: `${'- '.repeat(LEVELS)}x`,
  [`${LEVELS} levels of ordered lists`]: `${'1. '.repeat(LEVELS)}x`,
  // 500 levels of indentation are already 250 KB (400 took 15 s before); 10,000 would be 100 MB.
  '500 levels of lists nested by indentation': Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'),
  '500 levels of ordered lists nested by indentation': Array.from({ length: 500 }, (_, i) => `${'   '.repeat(i)}1. item ${i}`).join('\n'),
  [`${LEVELS} levels of block markers`]: `${':::claim{#deep}\n'.repeat(LEVELS)}x`,
  [`${LEVELS} levels of links`]: `${'['.repeat(LEVELS)}x${'](u)'.repeat(LEVELS)}`,
  [`${LEVELS} levels of images`]: `${'!['.repeat(LEVELS)}x${'](u)'.repeat(LEVELS)}`,
  [`${LEVELS} levels of brackets`]: `${'['.repeat(LEVELS)}x${']'.repeat(LEVELS)}`,
  [`${LEVELS} levels of inline markers`]: `${':claim['.repeat(LEVELS)}x${']'.repeat(LEVELS)}`,
};

describe(`nesting deeper than ${MAX_NESTING} levels`, () => {
  for (const [name, deep] of Object.entries(DEEP)) {
    it(`skips the deep part of ${name}, says so, and checks the rest`, async () => {
      const started = Date.now();
      const { analysis, diagnostics } = await analyzeFixture({ text: lines(CLAIM, '', deep, '', ':evidence[After it]{#e1 for=c1}') });
      assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
      const skipped = diagnostics.filter((d) => /nested more than/.test(d.message));
      assert.equal(skipped.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      assert.equal(skipped[0]!.code, 'skipped-content');
      const deepLines = { first: 2, last: 2 + deep.split('\n').length - 1 };
      assert.ok(skipped[0]!.range.start.line >= deepLines.first && skipped[0]!.range.start.line <= deepLines.last);
      assert.ok(analysis.markersById.has('e1'), 'the marker after the deep part is read');
    });
  }

  it('skips deep emphasis in a list item of a document whose front matter is never closed (not only the parser\'s failure)', async () => {
    const deep = `- ${'*'.repeat(LEVELS)}word${'*'.repeat(LEVELS)}`;
    const { diagnostics } = await analyzeFixture({ text: lines('---', 'title: never closed', '', CLAIM, '', deep) });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'skipped-content').map((d) => d.message.startsWith('This part is nested more than')), [true]);
  });

  it(`keeps ${MAX_NESTING} levels as they are`, async () => {
    const { diagnostics } = await analyzeFixture({ text: lines(CLAIM, '', `${'> '.repeat(MAX_NESTING)}x ${'*a '.repeat(MAX_NESTING)}b${'*'.repeat(MAX_NESTING)}`) });
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim']);
  });
});

describe('the unmatched brackets of a long paragraph', () => {
  for (const [name, paragraph] of [['200 KB of closing brackets', 'a] '.repeat(70_000)], ['200 KB of opening brackets', '[a '.repeat(70_000)], ['1 MB of opening brackets in a row', '['.repeat(1_000_000)]] as const) {
    it(`reads ${name} in seconds (minutes before), reporting nothing for them`, async () => {
      const started = Date.now();
      const { analysis, diagnostics } = await analyzeFixture({ text: lines(CLAIM, '', paragraph, '', ':evidence[After it]{#e1 for=c1}') });
      assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
      assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unsourced-evidence']);
      assert.ok(analysis.markersById.has('e1'));
    });
  }
});
