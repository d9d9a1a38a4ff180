/**
 * The workspace boundary with the real file system: symbolic links are judged by where they
 * really lead, and only regular files of a bounded size are read. Every fixture is built in a
 * temporary folder; the FIFOs and devices would hang or exhaust memory if they were ever read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { getDocumentLinks } from '../../server/src/features/documentLinks.js';
import { MAX_BIBLIOGRAPHY_BYTES } from '../../server/src/host.js';
import { nodeHost } from '../../server/src/node/nodeHost.js';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings.js';
import { lines } from '../support/check.js';

const OUTSIDE_BIB = lines('@misc{outkey,', '  title = {Read from outside},', '  url = {https://example.org/out}', '}', '');
const INSIDE_BIB = lines('@misc{inkey,', '  title = {Read from inside},', '  url = {https://example.org/in}', '}', '');
const SECRET = 'TOP-SECRET-CONTENT: not JSON at all';

describe('the workspace boundary on disk', { skip: process.platform === 'win32' && 'FIFOs, devices and symbolic links are POSIX' }, () => {
  let root: string;
  let workspace: string;
  let socket: Server;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tradecraft-boundary-'));
    workspace = join(root, 'ws');
    mkdirSync(join(root, 'outside', 'folder'), { recursive: true });
    mkdirSync(join(workspace, 'sub'), { recursive: true });
    mkdirSync(join(workspace, 'dir.bib'));
    writeFileSync(join(root, 'outside', 'refs.bib'), OUTSIDE_BIB);
    writeFileSync(join(root, 'outside', 'secret.json'), SECRET);
    writeFileSync(join(root, 'outside', 'folder', 'report.pdf'), 'pdf');
    writeFileSync(join(root, 'outside', 'folder', 'a.md'), ':claim[Outside]{#c-out}\n');
    writeFileSync(join(workspace, 'sub', 'refs.bib'), INSIDE_BIB);
    writeFileSync(join(workspace, 'sub', 'note.md'), ':claim[Note]{#c-note}\n');
    writeFileSync(join(workspace, 'sub', 'readme.txt'), 'text\n');
    writeFileSync(join(workspace, 'doc.md'), ':claim[Doc]{#c-doc}\n');
    writeFileSync(join(workspace, 'local.pdf'), 'pdf');
    symlinkSync('../outside/refs.bib', join(workspace, 'refs-link.bib'));
    symlinkSync('../outside/secret.json', join(workspace, 'secret.json'));
    symlinkSync('../outside/folder', join(workspace, 'out'));
    symlinkSync('../outside/folder/report.pdf', join(workspace, 'report.pdf'));
    symlinkSync('../outside/nothing.pdf', join(workspace, 'dangling.pdf'));
    symlinkSync('local.pdf', join(workspace, 'inlink.pdf'));
    symlinkSync('sub/refs.bib', join(workspace, 'inrefs.bib'));
    symlinkSync('/dev/zero', join(workspace, 'zero.bib'));
    symlinkSync('loop.bib', join(workspace, 'loop.bib'));
    socket = createServer();
    await new Promise<void>((listening) => socket.listen(join(workspace, 'sock.bib'), listening));
    execFileSync('mkfifo', [join(workspace, 'fifo.bib'), join(workspace, 'pipe.md')]);
    truncateSync(writeEmpty(join(workspace, 'big.bib')), MAX_BIBLIOGRAPHY_BYTES + 1);
    for (const file of ['scan/n.md', 'scan/drafts/d.md', 'scan/.notes/deep/h.md', 'scan/.hidden.md']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), ':claim[x]{#c}\n');
    }
    symlinkSync('ws', join(root, 'ws-link'));
    // Links a scan must not follow out or round in circles: the root of the disk, the parent, a loop.
    symlinkSync('/', join(workspace, 'root'));
    symlinkSync('..', join(workspace, 'up'));
    symlinkSync('.', join(workspace, 'self'));
    symlinkSync('loop-b', join(workspace, 'loop-a'));
    symlinkSync('loop-a', join(workspace, 'loop-b'));
    symlinkSync('sub/note.md', join(workspace, 'alias.md'));
    symlinkSync('sub/readme.txt', join(workspace, 'readme.md'));
    symlinkSync('../outside/folder/a.md', join(workspace, 'outside-note.md'));
  });

  after(() => {
    socket.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function analyse(text: string, settings: Partial<Settings> = {}) {
    const service = createService({ host: nodeHost, settings: { ...DEFAULT_SETTINGS, ...settings } });
    const analysis = await service.analyze({ uri: URI.file(join(workspace, 'doc.md')), text, workspaceFolder: URI.file(workspace) });
    return { analysis, diagnostics: service.computeDiagnostics(analysis) };
  }

  async function bibliographyProblems(text: string, settings: Partial<Settings> = {}): Promise<string[]> {
    const { diagnostics } = await analyse(text, settings);
    return diagnostics.filter((d) => d.code === 'bad-bibliography').map((d) => d.message);
  }

  it('refuses a bibliography whose symbolic link leads outside the workspace, and does not resolve its keys', async () => {
    const { diagnostics } = await analyse(lines('---', 'bibliography: refs-link.bib', '---', ':claim[Cited [@outkey]]{#c1}', ''));
    const bad = diagnostics.find((d) => d.code === 'bad-bibliography');
    assert.match(bad?.message ?? '', /outside the workspace/);
  });

  it('never reads, let alone quotes, a file outside that a link inside names', async () => {
    const [message] = await bibliographyProblems(lines('---', 'bibliography: secret.json', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(message ?? '', /outside the workspace/);
    assert.doesNotMatch(message ?? '', /SECRET/);
  });

  it('still reads a bibliography linked to a file inside the workspace', async () => {
    const { diagnostics } = await analyse(lines('---', 'bibliography: inrefs.bib', '---', ':claim[Cited [@inkey]]{#c1}', ''));
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('offers a bibliography as a document link only when it really lies inside', async () => {
    const { analysis } = await analyse(lines('---', 'bibliography: [refs-link.bib, inrefs.bib]', '---', ':claim[x [@k]]{#c1}', ''));
    assert.deepEqual(getDocumentLinks(analysis).map((link) => link.target.slice(link.target.lastIndexOf('/') + 1)), ['inrefs.bib']);
  });

  it('reads the files of a workspace opened through a symbolic link to it', async () => {
    const linked = join(root, 'ws-link');
    const service = createService({ host: nodeHost, settings: DEFAULT_SETTINGS });
    const text = lines('---', 'bibliography: sub/refs.bib', '---', ':claim[Cited [@inkey] and [linked](local.pdf)]{#c1}', '');
    const analysis = await service.analyze({ uri: URI.file(join(linked, 'doc.md')), text, workspaceFolder: URI.file(linked) });
    assert.deepEqual(service.computeDiagnostics(analysis).map((d) => d.code), []);
    assert.deepEqual(analysis.links.map((link) => link.kind), ['file']);
  });

  it('takes a link whose real target lies outside for neither a source nor a broken link', async () => {
    const text = lines(
      ':claim[[a](out/report.pdf)]{#c1}',
      ':claim[[b](report.pdf)]{#c2}',
      ':claim[[c](out/missing.pdf)]{#c3}',
      ':claim[[d](dangling.pdf)]{#c4}',
      ':claim[[e](inlink.pdf) [f](local.pdf)]{#c5}',
      '',
    );
    const { analysis, diagnostics } = await analyse(text);
    assert.deepEqual(analysis.links.map((link) => `${link.url} ${link.kind}`), [
      'out/report.pdf other', 'report.pdf other', 'out/missing.pdf other', 'dangling.pdf other', 'inlink.pdf file', 'local.pdf file',
    ]);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['1:unsupported-claim', '2:unsupported-claim', '3:unsupported-claim', '4:unsupported-claim']);
  });

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

  it('refuses a socket as a bibliography, saying what it is', async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: sock.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /it is a socket, not a regular file/);
  });

  it('refuses a bibliography whose symbolic links go round in a loop, saying so', async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: loop.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /the file cannot be read \(its symbolic links go round in a loop\)/);
  });

  it('refuses a folder as a bibliography', async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: dir.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /folder/);
  });

  it('refuses a bibliography larger than the limit, naming the limit', { timeout: 10_000 }, async () => {
    const problems = await bibliographyProblems(lines('---', 'bibliography: big.bib', '---', ':claim[x [@k]]{#c1}', ''));
    assert.match(problems[0] ?? '', /larger than the limit of 64 MiB/);
  });

  it('lists the workspace without following links out of it or round in circles, each file once', { timeout: 10_000 }, async () => {
    const files = await nodeHost.listFiles(URI.file(workspace), ['**/*.md'], ['**/node_modules/**']);
    assert.deepEqual(files.map((file) => file.path.slice(workspace.length + 1)), ['doc.md', 'readme.md', 'sub/note.md']);
  });

  it('enters a hidden folder only when an include glob names one, and no excluded folder', async () => {
    const list = async (include: string[], exclude: string[]) =>
      (await nodeHost.listFiles(URI.file(join(root, 'scan')), include, exclude)).map((file) => file.path.slice(root.length + 6));
    assert.deepEqual(await list(['**/*.md'], []), ['drafts/d.md', 'n.md']);
    assert.deepEqual(await list(['**/*.md'], ['drafts/**']), ['n.md']);
    assert.deepEqual(await list(['**/*.md', '.notes/**/*.md'], []), ['.notes/deep/h.md', 'drafts/d.md', 'n.md']);
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
