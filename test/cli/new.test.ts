/** `tradecraft new FILE`: the skeleton written, checked clean, never over a file or into a folder it would make. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ANALYSIS_SKELETON } from '../../server/src/cli/analysisSkeleton.js';
import { REPO_ROOT, TempDir, runCli } from './cliHarness.js';

describe('tradecraft new', () => {
  let dir: TempDir;

  before(() => {
    dir = new TempDir();
  });
  after(() => dir.remove());

  it('writes the skeleton, on which check reports nothing, whatever the standard', async () => {
    const written = await runCli(['new', 'analysis.md'], dir.root);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /Wrote a new analysis to analysis\.md/);
    assert.equal(readFileSync(dir.path('analysis.md'), 'utf8'), ANALYSIS_SKELETON);
    for (const standards of ['none', 'icd203', 'phia']) {
      const checked = await runCli(['check', '--standards', standards, 'analysis.md'], dir.root);
      assert.deepEqual([checked.status, checked.stdout, checked.stderr], [0, '', ''], standards);
    }
  });

  it('writes a Quarto document that checks clean too', async () => {
    assert.equal((await runCli(['new', 'chapter.qmd'], dir.root)).status, 0);
    assert.deepEqual(await runCli(['check', 'chapter.qmd'], dir.root).then((run) => [run.status, run.stdout]), [0, '']);
  });

  it('refuses to overwrite a file, leaving it as it was, with exit 2', async () => {
    const mine = dir.write('mine.md', 'My own notes.\n');
    const refused = await runCli(['new', 'mine.md'], dir.root);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /mine\.md: exists already/);
    assert.equal(readFileSync(mine, 'utf8'), 'My own notes.\n');
  });

  it('creates no folder: a file in a folder that does not exist is refused', async () => {
    const refused = await runCli(['new', 'drafts/analysis.md'], dir.root);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /its folder does not exist; create the folder first/);
    assert.equal(existsSync(dir.path('drafts')), false);
  });

  it('asks for exactly one file, and has a help', async () => {
    assert.equal((await runCli(['new'], dir.root)).status, 2);
    assert.equal((await runCli(['new', 'a.md', 'b.md'], dir.root)).status, 2);
    const help = await runCli(['new', '--help'], dir.root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: tradecraft new FILE/);
  });

  it('is the text of the tradecraft-analysis snippet of the extension', () => {
    const snippets = JSON.parse(readFileSync(`${REPO_ROOT}snippets/markdown.json`, 'utf8'));
    assert.equal(snippets['tradecraft-analysis'].body.join('\n'), ANALYSIS_SKELETON);
    assert.equal(snippets['tradecraft-analysis'].prefix, 'tradecraft-analysis');
    // A snippet reads `$` as a tab stop and `\` as an escape; the skeleton is to be inserted as written.
    assert.doesNotMatch(ANALYSIS_SKELETON, /[$\\]/);
  });
});
