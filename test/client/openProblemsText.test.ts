import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkingMessage, countsText, problemWords, shortCountsText } from '../../client/src/openProblemsText.js';
import type { OpenProblem } from '../../server/src/protocol.js';

const RANGE = { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } };
const claim = (id: string | null): OpenProblem => ({ kind: 'unsupported-claim', id, text: 'Minsk pressed for the summit', range: RANGE });
const hypothesis: OpenProblem = { kind: 'untested-hypothesis', id: 'h1', text: 'The envoy acted alone', range: RANGE };

describe('the words of the open problems view', () => {
  it('counts each kind, claims first, in the singular for one', () => {
    assert.equal(countsText([hypothesis, claim('c1'), claim('c2'), claim(null)]), '3 unsupported claims, 1 untested hypothesis');
    assert.equal(countsText([hypothesis, hypothesis]), '2 untested hypotheses');
    assert.equal(countsText([]), '');
    assert.equal(shortCountsText([hypothesis, claim('c1'), claim('c2')]), '2 unsupported · 1 untested');
  });

  it('labels a problem with its marker\'s id and text, or its text alone, and says where it is in the tooltip', () => {
    assert.deepEqual(problemWords(claim('c1')), { label: 'c1', description: 'Minsk pressed for the summit', tooltip: 'Unsupported claim c1 (line 5): Minsk pressed for the summit' });
    assert.deepEqual(problemWords(claim(null)), { label: 'Minsk pressed for the summit', description: undefined, tooltip: 'Unsupported claim (line 5): Minsk pressed for the summit' });
  });

  it('says how far the server got while it checks the workspace', () => {
    assert.equal(checkingMessage({ files: [], checking: { done: 120, total: 400 } }), 'Checking 120 of 400 files…');
    assert.equal(checkingMessage({ files: [] }), undefined);
  });
});
