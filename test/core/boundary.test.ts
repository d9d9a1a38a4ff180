/**
 * The workspace boundary with the real file system: only regular files of a bounded size are
 * read. Every fixture is built in a temporary folder; the FIFOs and devices would hang or exhaust
 * memory if they were ever read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { MAX_BIBLIOGRAPHY_BYTES } from '../../server/src/host.js';
import { nodeHost } from '../../server/src/node/nodeHost.js';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings.js';
import { lines } from '../support/check.js';

describe('the workspace boundary on disk', () => {
  let root: string;
  let workspace: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tradecraft-boundary-'));
    workspace = join(root, 'ws');
    mkdirSync(join(workspace, 'dir.bib'), { recursive: true });
    symlinkSync('/dev/zero', join(workspace, 'zero.bib'));
    execFileSync('mkfifo', [join(workspace, 'fifo.bib'), join(workspace, 'pipe.md')]);
    truncateSync(writeEmpty(join(workspace, 'big.bib')), MAX_BIBLIOGRAPHY_BYTES + 1);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  async function analyse(text: string, settings: Partial<Settings> = {}) {
    const service = createService({ host: nodeHost, settings: { ...DEFAULT_SETTINGS, ...settings } });
    const analysis = await service.analyze({ uri: URI.file(join(workspace, 'doc.md')), text, workspaceFolder: URI.file(workspace) });
    return { analysis, diagnostics: service.computeDiagnostics(analysis) };
  }

  async function bibliographyProblems(text: string, settings: Partial<Settings> = {}): Promise<string[]> {
    const { diagnostics } = await analyse(text, settings);
    return diagnostics.filter((d) => d.code === 'bad-bibliography').map((d) => d.message);
  }

  it('refuses a FIFO as a bibliography at once instead of waiting for a writer', { timeout: 5_000 }, async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: [fifo.bib, fifo.bib]', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /not a regular file/);
  });

  it('refuses a device as a bibliography at once, with bounded memory', { timeout: 5_000 }, async () => {
    const before = process.memoryUsage().rss;
    const problems = await bibliographyProblems(':claim[x [@k]]{#c1}\n', { bibliography: [URI.file(join(workspace, 'zero.bib'))] });
    assert.match(problems[0] ?? '', /not a regular file/);
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'memory grew by more than 100 MB');
  });

  it('refuses a folder as a bibliography', async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: dir.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /folder/);
  });

  it('refuses a bibliography larger than the limit, naming the limit', { timeout: 10_000 }, async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: big.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /larger than the limit of 64 MiB/);
  });

  it('reads only regular files', { timeout: 5_000 }, async () => {
    const read = await nodeHost.readFile(URI.file(join(workspace, 'pipe.md')), 1024);
    assert.equal(read.kind, 'unreadable');
    assert.match(read.kind === 'unreadable' ? read.reason : '', /FIFO/);
  });
});

function writeEmpty(path: string): string {
  writeFileSync(path, '');
  return path;
}
