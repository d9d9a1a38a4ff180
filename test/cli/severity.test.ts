import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, lines, parseText, runCli, type CliResult } from './cliHarness.js';

// One diagnostic of each default severity: hint (5), warning (7), information (9), error (11).
const DOC = lines(
  '---',
  'sources:',
  '  used: https://example.org/used',
  '  spare: https://example.org/spare',
  '---',
  '',
  ':claim[A judgment]{#c1}',
  '',
  ':hypothesis[Maybe]{#h1}',
  '',
  ':evidence[A fact [@used]]{#e1 for=c9}',
  '',
);

function summary(result: CliResult): string[] {
  return parseText(result.stdout).map((d) => `${d.line}:${d.severity} ${d.code}`);
}

describe('tradecraft check severities', () => {
  let dir: TempDir;
  let minWarning: CliResult;
  let off: CliResult;
  let raised: CliResult;

  before(async () => {
    dir = new TempDir();
    dir.write('doc.md', DOC);
    [minWarning, off, raised] = await Promise.all([
      runCli(['check', '--severity-min', 'warning', 'doc.md'], dir.root),
      runCli(['check', '--severity', 'unknown-reference=off', 'doc.md'], dir.root),
      runCli(['check', '--severity', 'unknown-reference=off', '--severity', 'unsupported-claim=error', '--severity-min=error', 'doc.md'], dir.root),
    ]);
  });

  after(() => dir.remove());

  it('--severity-min warning drops information and hints', () => {
    assertNoCrash(minWarning);
    assert.deepEqual(summary(minWarning), ['7:warning unsupported-claim', '11:error unknown-reference']);
    assert.equal(minWarning.status, 1);
  });

  it('--severity CODE=off silences the only error (exit 0), leaving the other severities', () => {
    assertNoCrash(off);
    assert.deepEqual(summary(off), ['4:hint unused-source', '7:warning unsupported-claim', '9:information untested-hypothesis']);
    assert.equal(off.status, 0);
  });

  it('--severity CODE=error turns a warning into an error (exit 1); --severity-min error keeps only errors', () => {
    assertNoCrash(raised);
    assert.deepEqual(summary(raised), ['7:error unsupported-claim']);
    assert.equal(raised.status, 1);
  });
});
