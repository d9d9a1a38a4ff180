/**
 * `tradecraft check` on hostile workspaces: symbolic links out of the folder, to `/` and in loops,
 * FIFOs, devices and files over the limit. Each run has a time limit that fails the test (the CLI
 * is killed past it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MAX_DOCUMENT_BYTES } from '../../server/src/host.js';
import { TempDir, assertNoCrash, fileOf, lines, parseJson, runCli, type CliResult } from './cliHarness.js';

const TIME_LIMIT_MS = 10_000;
const SECRET = 'TOP-SECRET-CONTENT: not JSON at all';

describe('check on a workspace with links out, loops, FIFOs and devices', { skip: process.platform === 'win32' && 'FIFOs, devices and symbolic links are POSIX' }, () => {
  let dir: TempDir;
  let scan: CliResult;
  let namedFifo: CliResult;
  let bibliographies: CliResult;

  before(async () => {
    dir = new TempDir();
    const workspace = dir.mkdir('ws');
    dir.write('outside/folder/elsewhere.md', ':claim[Not of this workspace]{#c-out}\n');
    dir.write('outside/secret.json', SECRET);
    dir.write('outside/secret.md', ':claim[A secret document]{#c-secret}\n');
    dir.write('ws/doc.md', ':claim[Checked]{#c1}\n');
    dir.write('ws/sub/note.md', ':claim[Also checked]{#c2}\n');
    dir.write('ws/bibs.md', lines('---', 'bibliography: [secret.json, fifo.bib]', '---', ':claim[Cites [@k]]{#c3}', ''));
    symlinkSync('/', dir.path('ws/root'));
    symlinkSync('..', dir.path('ws/up'));
    symlinkSync('loop-b', dir.path('ws/loop-a'));
    symlinkSync('loop-a', dir.path('ws/loop-b'));
    symlinkSync('../outside/folder', dir.path('ws/out'));
    symlinkSync('../outside/secret.md', dir.path('ws/leak.md'));
    symlinkSync('../outside/secret.json', dir.path('ws/secret.json'));
    symlinkSync('sub/note.md', dir.path('ws/alias.md'));
    symlinkSync('/dev/zero', dir.path('ws/zero.bib'));
    execFileSync('mkfifo', [dir.path('ws/pipe.md'), dir.path('ws/fifo.bib')]);
    truncateSync(dir.write('huge/huge.md', ''), MAX_DOCUMENT_BYTES + 1);
    [scan, namedFifo, bibliographies] = await Promise.all([
      runCli(['check', '--format', 'json', '.'], workspace, TIME_LIMIT_MS),
      runCli(['check', '--format', 'json', 'doc.md', 'pipe.md', '../huge/huge.md'], workspace, TIME_LIMIT_MS),
      runCli(['check', '--format', 'json', '--bibliography', 'zero.bib', 'bibs.md'], workspace, TIME_LIMIT_MS),
    ]);
  });

  after(() => dir.remove());

  it('scans the folder without following links out of it or round in circles, each file once', () => {
    assertNoCrash(scan);
    assert.deepEqual(parseJson(scan).files.map((file) => file.path), ['bibs.md', 'doc.md', 'sub/note.md']);
  });

  it('reports a FIFO found by the scan on stderr and skips it, without failing the run', () => {
    assert.match(scan.stderr, /pipe\.md: skipped: it is a FIFO, not a regular file/);
    assert.equal(scan.status, 1);
  });

  it('reports a FIFO or a document over the limit named on the command line, checks the others and exits 2', () => {
    assertNoCrash(namedFifo);
    assert.match(namedFifo.stderr, /pipe\.md: cannot be read \(it is a FIFO, not a regular file\)/);
    assert.match(namedFifo.stderr, /huge\.md: cannot be read \(it is larger than the limit of 16 MiB\)/);
    assert.deepEqual(parseJson(namedFifo).files.map((file) => file.path), ['doc.md']);
    assert.equal(namedFifo.status, 2);
  });

  it('refuses FIFOs, devices and files outside as bibliographies at once, quoting none of them', () => {
    assertNoCrash(bibliographies);
    const messages = fileOf(parseJson(bibliographies), 'bibs.md').filter((d) => d.code === 'bad-bibliography').map((d) => d.message);
    const expected = [
      /"secret\.json" could not be used: it lies outside the workspace/,
      /"fifo\.bib" could not be used: the file cannot be read \(it is a FIFO, not a regular file\)/,
      /zero\.bib" \(named in the settings\) could not be used: the file cannot be read \(it is a device, not a regular file\)/,
    ];
    assert.equal(messages.length, expected.length, messages.join('\n'));
    for (const pattern of expected) assert.ok(messages.some((message) => pattern.test(message)), `no message matches ${pattern}:\n${messages.join('\n')}`);
    assert.doesNotMatch(bibliographies.stdout, /SECRET/);
  });
});
