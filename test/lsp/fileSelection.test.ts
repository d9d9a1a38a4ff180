/** The workspace index takes the same files as the command line's folder scan (test/cli/fileSelection.test.ts). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver-protocol/node';
import { idOf, SCANNED, writeRepository } from '../support/repositoryFixture.js';
import { LspTestClient } from './lspClient.js';

describe('the files the workspace index reads', { skip: process.platform === 'win32' && 'symbolic links are POSIX' }, () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-files-'));
    client = await LspTestClient.start({ workspace: writeRepository(root), settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the markers of exactly the documents nothing ignores', { timeout: 10_000 }, async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'c-' });
    const ids = symbols.map((symbol) => symbol.name.replace(/ — .*/, '')).sort();
    assert.deepEqual(ids, SCANNED.map(idOf).sort());
  });
});
