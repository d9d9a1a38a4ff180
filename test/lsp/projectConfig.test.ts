/**
 * `.tradecraft.yaml` over the protocol, against the real server: the same fixture workspace as the
 * command line's test gives the same diagnostics; the file's problems show in the file itself;
 * editing its buffer re-checks the open documents.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { parseJson, runCli } from '../cli/cliHarness.js';
import { PROJECT_FILES, writeProjectFixture } from '../support/projectFixture.js';
import { LspTestClient } from './lspClient.js';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** `line:severity code message`, lines from 1, for comparing with the command line. */
function shown(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${SEVERITY_NAMES[d.severity ?? 0]} ${String(d.code)} ${d.message}`);
}

describe('the server reads the workspace folder\'s .tradecraft.yaml', () => {
  let workspace: string;
  let client: LspTestClient;
  let brief: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-config-'));
    writeProjectFixture(workspace);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    brief = await client.open('brief.md', PROJECT_FILES['brief.md']!);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('gives the diagnostics the command line gives in the same workspace', async () => {
    const cli = parseJson(await runCli(['check', '--format', 'json'], workspace)).files;
    assert.deepEqual(cli.map((file) => file.path), ['brief.md']);
    const expected = cli[0]!.diagnostics.map((d) => `${d.range.start.line + 1}:${d.severity} ${d.code} ${d.message}`);
    assert.deepEqual(expected.map((line) => line.split(' ').slice(0, 2).join(' ')), ['10:error unsupported-claim']);
    assert.deepEqual(shown(await client.currentDiagnostics(brief)), expected);
  });

  it('checks nothing in the folder it excludes', async () => {
    const draft = await client.open('drafts/wip.md', PROJECT_FILES['drafts/wip.md']!);
    assert.deepEqual(await client.currentDiagnostics(draft), []);
    await client.close(draft);
  });

  it("reports the file's problems in the file, re-checks the open documents as its buffer changes, and goes back to the disk's when it closes", async () => {
    const config = await client.open('.tradecraft.yaml', 'severity:\n  unused-sorce: off\n  unsupported-claim: hint\n', 'yaml');
    const problems = await client.diagnostics(config, (params) => params.diagnostics.length > 0);
    assert.deepEqual(problems.map((d) => [d.range.start, d.severity, d.code, d.source, d.message]), [
      [{ line: 1, character: 2 }, 1, 'bad-config', 'tradecraft', 'severity: "unused-sorce" is not a Tradecraft code. Did you mean "unused-source"?'],
    ]);
    const hinted = await client.diagnostics(brief, (params) => params.diagnostics.some((d) => d.code === 'unsupported-claim' && d.severity === 4));
    assert.deepEqual(shown(hinted).map((line) => line.split(' ').slice(0, 2).join(' ')), ['3:hint unused-source', '6:hint unsupported-claim', '8:error unknown-source', '10:hint unsupported-claim']);
    await client.change(config, [{ text: PROJECT_FILES['.tradecraft.yaml']! }]);
    assert.deepEqual(await client.diagnostics(config, (params) => params.diagnostics.length === 0), []);
    await client.change(config, [{ text: 'severity: [broken\n' }]);
    await client.close(config);
    const restored = await client.diagnostics(brief, (params) => params.diagnostics.length === 1);
    assert.deepEqual(shown(restored).map((line) => line.split(' ').slice(0, 2).join(' ')), ['10:error unsupported-claim']);
    assert.deepEqual(await client.diagnostics(config, (params) => params.diagnostics.length === 0), []);
  });

  it('re-checks the open documents when the file changes on disk', async () => {
    writeFileSync(join(workspace, '.tradecraft.yaml'), 'severity:\n  unsupported-claim: information\nbibliography: refs/shared.bib\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.tradecraft.yaml'), type: 2 }] });
    const changed = await client.diagnostics(brief, (params) => params.diagnostics.some((d) => d.severity === 3));
    assert.deepEqual(shown(changed).map((line) => line.split(' ').slice(0, 2).join(' ')), ['3:hint unused-source', '10:information unsupported-claim']);
  });
});
