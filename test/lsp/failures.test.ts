/**
 * The server when an analysis fails (the core should never throw, but the host may): in this
 * process, over a host that fails on purpose, spoken to in JSON-RPC.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { URI } from 'vscode-uri';
import type { FileRead } from '../../server/src/host.js';
import { MemoryHost } from '../support/memoryHost.js';
import { LspTestClient, positionOf } from './lspClient.js';

const INTERNAL_ERROR = -32603;

/** Reading `broken.bib` throws, as no host should. */
class FailingHost extends MemoryHost {
  override async readFile(uri: URI): Promise<FileRead> {
    if (uri.path.endsWith('/broken.bib')) throw new Error('the disk went away');
    return super.readFile(uri);
  }
}

describe('a failed analysis over the protocol', () => {
  let client: LspTestClient;

  before(async () => {
    const host = new FailingHost({ '/ws/refs.bib': '@misc{stats, title={Trade statistics}}\n' });
    client = await LspTestClient.startInProcess({ workspace: '/ws', settings: { diagnosticsDelay: 0 } }, host);
  });
  after(() => client.stop());

  it('publishes for the failed version one diagnostic that says so, and answers requests with an error, not an older result', async () => {
    const good = '---\nbibliography: refs.bib\n---\n\n:claim[Cited [@stats]]{#c1}\n';
    const uri = await client.open('analysis.md', good);
    assert.deepEqual(await client.currentDiagnostics(uri), []);
    const failing = '---\nbibliography: [refs.bib, broken.bib]\n---\n\n:claim[Cited [@stats]]{#c1}\n';
    await client.change(uri, [{ text: failing }]);
    const diagnostics = await client.currentDiagnostics(uri);
    assert.deepEqual(diagnostics.map(({ range, severity, source }) => ({ range, severity, source })), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'tradecraft' },
    ]);
    assert.match(diagnostics[0]!.message as string, /^Tradecraft could not check this version of the document \(the disk went away\)/);
    const hover = client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(failing, '@stats', 2) });
    await assert.rejects(hover, (error: { code?: number }) => error.code === INTERNAL_ERROR);
    assert.ok(client.logs.some((line) => line.includes('the disk went away')), 'the error is logged');
  });
});
