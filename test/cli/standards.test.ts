import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, lines, parseText, runCli, type CliResult } from './cliHarness.js';

/** Under PHIA, "very likely" is off the scale; under ICD 203 it is a term of the scale. */
const CLAIM = ':claim[Prices will very likely fall [the outlook](https://example.org/o)]{#c1}';

describe('tradecraft check --standards', () => {
  const dir = new TempDir();
  let byFlag: CliResult;
  let frontMatterWins: CliResult;
  let badValue: CliResult;

  before(async () => {
    dir.write('plain.md', `${CLAIM}\n`);
    dir.write('chosen.md', lines('---', 'standards: icd203', '---', CLAIM, ''));
    [byFlag, frontMatterWins, badValue] = await Promise.all([
      runCli(['check', '--standards', 'phia', 'plain.md'], dir.root),
      runCli(['check', '--standards=phia', 'chosen.md'], dir.root),
      runCli(['check', '--standards', 'ICD203', 'plain.md'], dir.root),
    ]);
  });
  after(() => dir.remove());

  it('holds the documents to the standard it names', () => {
    assertNoCrash(byFlag);
    assert.deepEqual(parseText(byFlag.stdout).map((d) => `${d.line}:${d.code}`), ['1:off-scale-likelihood']);
    assert.equal(byFlag.status, 0);
  });

  it('gives way to the front matter', () => {
    assertNoCrash(frontMatterWins);
    assert.equal(frontMatterWins.stdout, '');
  });

  it('refuses a value that is not a standard, saying which are', () => {
    assertNoCrash(badValue);
    assert.equal(badValue.status, 2);
    assert.match(badValue.stderr, /"ICD203" is not allowed for --standards: use one of none, icd203, phia/);
  });
});
