/**
 * Which files a folder scan of the command line checks: Markdown, Quarto and R Markdown, not what
 * `node_modules`, `.git` or a `.gitignore` holds, and nothing through a symbolic link out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCANNED, writeRepository } from '../support/repositoryFixture.js';
import { TempDir, assertNoCrash, parseJson, runCli, type CliResult } from './cliHarness.js';

describe('the files a folder scan checks', { skip: process.platform === 'win32' && 'symbolic links are POSIX' }, () => {
  let dir: TempDir;
  let current: CliResult;
  let named: CliResult;
  let subfolder: CliResult;

  before(async () => {
    dir = new TempDir();
    const repo = writeRepository(dir.root);
    [current, named, subfolder] = await Promise.all([
      runCli(['check', '--format', 'json'], repo),
      runCli(['check', '--format', 'json', 'repo'], dir.root),
      runCli(['check', '--format', 'json', 'chapters'], repo),
    ]);
  });

  after(() => dir.remove());

  it('checks exactly the documents of the current folder that nothing ignores', () => {
    assertNoCrash(current);
    assert.deepEqual(parseJson(current).files.map((file) => file.path), SCANNED);
  });

  it('checks the same documents of a folder named, reading no .gitignore above the repository', () => {
    assertNoCrash(named);
    assert.deepEqual(parseJson(named).files.map((file) => file.path), SCANNED.map((path) => `repo/${path}`));
  });

  it('applies the .gitignore files above a subfolder of the repository', () => {
    assertNoCrash(subfolder);
    assert.deepEqual(parseJson(subfolder).files.map((file) => file.path), ['chapters/one.qmd']);
  });
});
