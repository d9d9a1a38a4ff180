/** The server's export of an open document (`tradecraft/export`), which the editor's export commands write. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../server/src/protocol.js';
import { LspTestClient } from './lspClient.js';

const NOTE = `---
sources:
  web: https://example.org/report
---

:claim[Kyiv moved early [@web]]{#c1}
`;

describe('the server\'s export of an open document', () => {
  let workspace: string;
  let client: LspTestClient;
  const exportOf = (params: ExportParams) => client.request<ExportResult | null>(EXPORT_REQUEST, params);

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-export-lsp-'));
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0, exclude: ['drafts/**'] } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('exports the buffer for Pandoc, its sources in references: or, given a file, for that file', async () => {
    const uri = await client.open('note.md', NOTE);
    const inline = await exportOf({ textDocument: { uri }, to: 'pandoc' });
    assert.match(inline?.text ?? '', /references:\n {2}- id: web\n[^]*\n\[Kyiv moved early \[@web\]\]\{#c1 \.claim\}\n$/);
    const toFile = await exportOf({ textDocument: { uri }, to: 'pandoc', referencesFile: '/out/note.pandoc.references.json' });
    assert.match(toFile?.text ?? '', /bibliography:\n {2}- \/out\/note\.pandoc\.references\.json\n/);
    assert.deepEqual(toFile?.references, [{ id: 'web', type: 'webpage', URL: 'https://example.org/report' }]);
  });

  it('exports the unsaved text as Markdown, and answers null for a document the settings leave out', async () => {
    const uri = await client.open('edited.md', NOTE);
    await client.change(uri, [{ text: NOTE.replace('moved early', 'moved late') }]);
    assert.match((await exportOf({ textDocument: { uri }, to: 'markdown' }))?.text ?? '', /\nKyiv moved late \[@web\]\n$/);
    const excluded = await client.open('drafts/draft.md', NOTE);
    assert.equal(await exportOf({ textDocument: { uri: excluded }, to: 'markdown' }), null);
  });
});
