/**
 * The server on a hostile workspace: FIFOs named as bibliographies must not stop it reading the
 * files of other documents (a read of a FIFO would hold one of libuv's four threads for good), and
 * the workspace index follows no symbolic link out of the folder (one links to `/`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-protocol/node';
import { BIBTEX_FIXTURE } from './helpers.js';
import { LspTestClient } from './lspClient.js';

const FIFOS = ['a.bib', 'b.bib', 'c.bib', 'd.bib'];

describe('the server on a workspace with FIFOs as bibliographies and links out', { skip: process.platform === 'win32' && 'FIFOs and symbolic links are POSIX' }, () => {
  let outside: string;
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    outside = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-outside-'));
    writeFileSync(join(outside, 'elsewhere.md'), ':claim[Not of this workspace]{#c-outside}\n');
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-boundary-'));
    mkdirSync(join(workspace, 'sub'));
    writeFileSync(join(workspace, 'sub', 'inside.md'), ':claim[Of this workspace]{#c-inside}\n');
    symlinkSync('/', join(workspace, 'root'));
    symlinkSync(outside, join(workspace, 'out'));
    symlinkSync(join(outside, 'elsewhere.md'), join(workspace, 'leak.md'));
    execFileSync('mkfifo', FIFOS.map((name) => join(workspace, name)));
    writeFileSync(join(workspace, 'refs.bib'), BIBTEX_FIXTURE);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reports each FIFO as a bad bibliography and still checks a normal document', async () => {
    const fifoUris = await Promise.all(FIFOS.map((name, index) => client.open(`fifo-${index}.md`, `---\nbibliography: ${name}\n---\n:claim[Cites [@k]]{#c1}\n`)));
    const normal = await client.open('normal.md', '---\nbibliography: refs.bib\n---\n:claim[Trade fell [@stats-2023]]{#c1}\n');
    assert.deepEqual(await client.currentDiagnostics(normal, 5_000), []);
    for (const uri of fifoUris) {
      const diagnostics = await client.currentDiagnostics(uri, 5_000);
      assert.deepEqual(diagnostics.map((d) => d.code), ['bad-bibliography']);
      assert.match(String(diagnostics[0]!.message), /it is a FIFO, not a regular file/);
    }
  });

  it('lists workspace symbols of the folder only, without walking the disk', { timeout: 10_000 }, async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'c-' });
    const fromFiles = symbols.filter((symbol) => !symbol.location.uri.includes('/fifo-') && !symbol.location.uri.endsWith('/normal.md'));
    assert.deepEqual(fromFiles.map((symbol) => symbol.name), ['c-inside — Of this workspace']);
  });
});
