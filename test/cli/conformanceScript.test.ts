/** `npm run conformance` where the shared cases are missing: one line that says what to do, no stack trace. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../../scripts/conformance.mjs', import.meta.url));

describe('the conformance script', () => {
  it('says in one line that a folder of cases is missing, and exits 2', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '/nonexistent/conformance'], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /\/nonexistent\/conformance does not exist/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
