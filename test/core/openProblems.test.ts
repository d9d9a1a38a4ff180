/** The open problems of one document (server/src/views/openProblems.ts): what its diagnostics flag, named by marker. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openProblems } from '../../server/src/views/openProblems.js';
import { analyzeFixture, lines } from '../support/check.js';

async function problemsOf(text: string, settings?: Parameters<typeof analyzeFixture>[0]['settings']) {
  const { analysis, diagnostics } = await analyzeFixture({ text, settings });
  return openProblems(analysis, diagnostics).map((problem) => `${problem.range.start.line + 1}:${problem.kind} ${problem.id ?? '-'} ${problem.text}`);
}

describe('the open problems of a document', () => {
  const text = lines(
    ':claim[Minsk pressed for the summit]{#c1}',
    ':hypothesis[The envoy acted alone]',
    ':evidence[Customs data]{#e1 for=c2}',
    ':claim[Supported only by unsourced evidence]{#c2}',
    '<!-- tradecraft-disable-next-line unsupported-claim -->',
    ':claim[Silenced by its author]{#c3}',
  );

  it('are the markers that unsupported-claim and untested-hypothesis flag, in document order', async () => {
    assert.deepEqual(await problemsOf(text), [
      '1:unsupported-claim c1 Minsk pressed for the summit',
      '2:untested-hypothesis - The envoy acted alone',
      '4:unsupported-claim c2 Supported only by unsourced evidence',
    ]);
  });

  it('leave out a code whose severity is off, as its diagnostics do', async () => {
    assert.deepEqual(await problemsOf(text, { severity: { 'unsupported-claim': 'off' } }), ['2:untested-hypothesis - The envoy acted alone']);
  });

  it('carry a label\'s length of a long text, cut at a word', async () => {
    const long = `${'The ministry signalled a new policy at the border '.repeat(4)}and more`;
    const [problem] = await problemsOf(`:claim[${long}]{#c-long}`);
    const shown = problem!.slice('1:unsupported-claim c-long '.length);
    const kept = shown.slice(0, -1);
    assert.ok(shown.length <= 100 && shown.endsWith('…') && long.startsWith(kept), shown);
    assert.equal(long[kept.length], ' ', 'cut before a space, not inside a word');
  });
});
