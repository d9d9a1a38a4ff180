/** The server for VS Code's Markdown preview: where the sources a document cites can be read. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SOURCE_LINKS_REQUEST, type SourceLinks } from '../../server/src/protocol.js';
import { LspTestClient } from './lspClient.js';

const CITING = `---
bibliography: library.bib
sources:
  web: https://example.org/report
  doi-only:
    title: A paper with only a DOI
    doi: 10.1000/xyz123
  prefixed:
    title: A DOI written as a link
    doi: https://doi.org/10.1000/abc
  bare:
    title: A source with nothing to link
  uncited: https://example.org/never-cited
---

:claim[Kyiv moved [@web; @doi-only, p. 4] and [@prefixed] [@bare] [@from-bib] [@nowhere]]{#c1}
`;

describe('the server for the preview: source links', () => {
  let workspace: string;
  let client: LspTestClient;
  const linksOf = (uri: string) => client.request<SourceLinks | null>(SOURCE_LINKS_REQUEST, { textDocument: { uri } });

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-preview-'));
    writeFileSync(join(workspace, 'library.bib'), '@article{from-bib, title={From the library}, doi={doi:10.2000/lib}}\n');
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0, exclude: ['drafts/**'] } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('gives, for each cited source that has one, its URL or else its DOI as a doi.org link', async () => {
    const uri = await client.open('cites.md', CITING);
    assert.deepEqual(await linksOf(uri), {
      web: 'https://example.org/report',
      'doi-only': 'https://doi.org/10.1000/xyz123',
      prefixed: 'https://doi.org/10.1000/abc',
      'from-bib': 'https://doi.org/10.2000/lib',
    });
  });

  it('follows an edit, and answers null for a document the settings leave out or that is not open', async () => {
    const uri = await client.open('edited.md', CITING);
    await client.change(uri, [{ text: CITING.replace('https://example.org/report', 'https://example.org/revised') }]);
    assert.equal((await linksOf(uri))?.['web'], 'https://example.org/revised');
    const excluded = await client.open('drafts/draft.md', CITING);
    assert.equal(await linksOf(excluded), null);
    assert.equal(await linksOf(client.uri('never-opened.md')), null);
  });
});
