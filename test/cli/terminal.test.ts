/**
 * The text format is read in a terminal: what a document says (ids, keys, file names) must not
 * be able to move the cursor, clear the screen, ring the bell or reorder what is shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TempDir, lines, runCli, type CliResult } from './cliHarness.js';

const CLEAR = '\x1b[2J';
const BELL = '\x07';

describe('tradecraft check in a terminal', () => {
  let dir: TempDir;
  let result: CliResult;

  before(async () => {
    dir = new TempDir();
    dir.write(`ring${BELL}.md`, lines(`:claim[A judgement]{id="c${CLEAR}${BELL}" confidence=high}`, '', `:evidence[A fact [@{key\x1b\x9b31m\u202e}]]{#e1 for="c${CLEAR}${BELL}"}`, ''));
    dir.write(`bytes${CLEAR}.md`, new Uint8Array([0x23, 0x20, 0xff, 0x0a]));
    result = await runCli(['check', '.'], dir.root);
  });
  after(() => dir.remove());

  it('prints the diagnostics with control characters made visible, none of them raw', () => {
    assert.doesNotMatch(result.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u, JSON.stringify(result.stdout));
    assert.match(result.stdout, /^ring\\x07\.md:1:1: warning bad-attribute Claim "c\\x1B\[2J\\x07"/m);
    assert.match(result.stdout, /"key\\x1B\\x9B31m\\u202E"/);
  });

  it('makes them visible in the file names it warns about on stderr', () => {
    assert.equal(result.stderr, 'tradecraft: bytes\\x1B[2J.md: not valid UTF-8; the invalid bytes were read as U+FFFD\n');
  });
});
