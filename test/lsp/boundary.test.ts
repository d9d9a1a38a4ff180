/**
 * The server on a hostile workspace: FIFOs named as bibliographies must not stop it reading the
 * files of other documents (a read of a FIFO would hold one of libuv's four threads for good).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIBTEX_FIXTURE } from './helpers.js';
import { LspTestClient } from './lspClient.js';

const FIFOS = ['a.bib', 'b.bib', 'c.bib', 'd.bib'];

describe('the server on a workspace with FIFOs as bibliographies', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-boundary-'));
    execFileSync('mkfifo', FIFOS.map((name) => join(workspace, name)));
    writeFileSync(join(workspace, 'refs.bib'), BIBTEX_FIXTURE);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
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
});
