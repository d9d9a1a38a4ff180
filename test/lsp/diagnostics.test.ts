import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspTestClient, positionOf } from './lspClient.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');
const summary = (diagnostics: readonly { range: { start: { line: number; character: number } }; code?: unknown; severity?: number; message: unknown }[]) =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${String(d.message)}`).sort();

describe('diagnostics over the protocol', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-'));
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('equal the command line\'s on every conformance case', { skip: !existsSync(CONFORMANCE) && '../shared is not beside this checkout' }, async () => {
    cpSync(CONFORMANCE, join(workspace, 'conformance'), { recursive: true });
    const folder = join(workspace, 'conformance');
    const cases = readdirSync(folder).filter((file) => file.endsWith('.md')).sort();
    let report: { files: { path: string; diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[] }[] };
    try {
      report = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin/tradecraft'), 'check', '--format', 'json', '--workspace', workspace, ...cases], { cwd: folder, encoding: 'utf8' }));
    } catch (error) {
      report = JSON.parse((error as { stdout: string }).stdout);
    }
    for (const name of cases) {
      const uri = await client.open(`conformance/${name}`, readFileSync(join(folder, name), 'utf8'));
      const overProtocol = await client.currentDiagnostics(uri);
      const fromCli = report.files.find((file) => file.path === name)!.diagnostics;
      assert.deepEqual(summary(overProtocol), summary(fromCli), name);
    }
  });

  it('follow edits that add and remove problems, and clear when the document closes', async () => {
    const text = ':claim[Kyiv changed course]{#c1}\n';
    const uri = await client.open('edits.md', text);
    assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => d.code), ['unsupported-claim']);
    const end = positionOf(text, ']{#c1}', 0);
    await client.change(uri, [{ range: { start: end, end }, text: ' [the decree](https://example.org/decree)' }]);
    assert.deepEqual(await client.currentDiagnostics(uri), []);
    await client.change(uri, [{ text: ':claim[Kyiv changed course]{#c1 confidence=sure}\n:cliam[typo]{#c2}\n' }]);
    assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => d.code), ['bad-attribute', 'unsupported-claim', 'unknown-marker']);
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, (params) => params.diagnostics.length === 0), []);
  });

  it('keep their places while prose is typed, and are computed afresh once the typing stops', async () => {
    const text = 'Prose first.\n\n:claim[Kyiv changed course [the notes](notes.md)]{#c1}\n';
    const uri = await client.open('typing.md', text);
    assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => d.code), ['broken-link']);
    // No file event tells the server: only an analysis afresh finds the file.
    writeFileSync(join(workspace, 'notes.md'), '# Notes\n');
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Word ' }]);
    const kept = await client.currentDiagnostics(uri);
    assert.deepEqual(kept.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['broken-link', 2, 32]], 'kept from the text before, moved by the word');
    assert.deepEqual(await client.diagnostics(uri, (params) => params.diagnostics.length === 0), [], 'the analysis afresh finds the file');
  });

  it('are not sent again when computed afresh as they were kept', async () => {
    const text = 'Prose first.\n\n:claim[Kyiv changed course]{#c1}\n';
    const uri = await client.open('confirmed.md', text);
    await client.currentDiagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Some ' }]);
    assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => d.code), ['unsupported-claim']);
    const sent = client.publications(uri).length;
    // The diagnostics are computed afresh half a second after the last edit (the timer under test).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(client.publications(uri).length, sent, 'nothing changed, so nothing is sent');
  });

  it('never publish an older version over a newer one', async () => {
    const uri = await client.open('rapid.md', ':claim[x]{#c0}\n');
    for (let i = 1; i <= 31; i++) await client.change(uri, [{ text: `:claim[x]{#c${i}}\n`.repeat(i % 3 === 0 ? 2 : 1) }]);
    const final = await client.currentDiagnostics(uri);
    assert.deepEqual(final.map((d) => d.code), ['unsupported-claim']);
    const versions = client.publications(uri).map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions out of order: ${versions.join(', ')}`);
  });

  it('watch a bibliography file the settings name outside the workspace, and re-check when it changes', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tradecraft-home-'));
    try {
      const exportFile = join(home, 'zotero.json');
      writeFileSync(exportFile, '[{"id": "old", "title": "Old"}]');
      await client.setSettings({ diagnosticsDelay: 0, bibliography: [exportFile] });
      const uri = await client.open('zotero.md', ':evidence[Newly exported [@fresh]]{#e1}\n');
      assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => d.code), ['unknown-source']);
      const watched = () => client.registrations.some((r) => JSON.stringify(r.registerOptions ?? '').includes(pathToFileURL(home).href));
      for (const deadline = Date.now() + 5000; !watched() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(watched(), JSON.stringify(client.registrations));
      writeFileSync(exportFile, '[{"id": "old", "title": "Old"}, {"id": "fresh", "title": "Fresh"}]');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(exportFile).href, type: 2 }] });
      assert.deepEqual(await client.diagnostics(uri, (params) => params.diagnostics.length === 0), []);
    } finally {
      await client.setSettings({ diagnosticsDelay: 0 });
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('apply changed severities and re-check open documents', async () => {
    const uri = await client.open('settings.md', ':hypothesis[Untested]{#h1}\n');
    assert.deepEqual((await client.currentDiagnostics(uri)).map((d) => [d.code, d.severity]), [['untested-hypothesis', 3]]);
    await client.setSettings({ diagnosticsDelay: 0, severity: { 'untested-hypothesis': 'error' } });
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics[0]?.severity === 1).then((ds) => ds.map((d) => d.code)), ['untested-hypothesis']);
    await client.setSettings({ diagnosticsDelay: 0, severity: { 'untested-hypothesis': 'off' } });
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics.length === 0), []);
    await client.setSettings({ diagnosticsDelay: 0 });
  });

  it('hold documents to the standard the settings choose, and log a value that is none', async () => {
    const uri = await client.open('standards.md', ':claim[Prices will very likely fall [x](https://example.org/x)]{#c1}\n');
    assert.deepEqual(await client.currentDiagnostics(uri), []);
    await client.setSettings({ diagnosticsDelay: 0, standards: 'phia' });
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics.length > 0).then((ds) => ds.map((d) => d.code)), ['off-scale-likelihood']);
    await client.setSettings({ diagnosticsDelay: 0, standards: 'PHIA' });
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics.length === 0), []);
    assert.ok(client.logs.some((line) => line.includes('tradecraft.standards: "PHIA" is not one of none, icd203, phia')), client.logs.join('\n'));
    await client.setSettings({ diagnosticsDelay: 0 });
  });
});
