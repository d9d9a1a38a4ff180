import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DOCUMENT_SUMMARY_REQUEST, type DocumentSummary } from '../../server/src/protocol.js';
import { assertDocumentsCode, CHECKOUT } from '../support/documentation.js';
import { BIBTEX_FIXTURE } from './helpers.js';
import { LspTestClient } from './lspClient.js';

/** A desk note with a problem of each kind the summary counts. */
const ANALYSIS = `:claim[Kyiv hardened its line]{#c1}

:claim[The decree is symbolic]{#c2 assumes=a1}

::evidence[Trade had collapsed [@missing-key]]{#e1 for=c1}

::evidence[The decree [names](https://example.org/decree) officials]{#e2 for=c2}

:::hypothesis{#h1}
Minsk asked for it.
:::

:hypothesis[Washington asked for it]{#h2}

:assumption[Minsk stays out of the war]{#a1 status=unsupported}

:indicator[New measures follow envoys' visits]{#i1 for=h1 status=observed}

:indicator[Minsk recalls its ambassador]{#i2 for=h1 status=watch}
`;

describe('the server for the extension\'s page: summaries and documentation links', () => {
  let workspace: string;
  let client: LspTestClient;
  const summaryOf = (uri: string) => client.request<DocumentSummary | null>(DOCUMENT_SUMMARY_REQUEST, { textDocument: { uri } });

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-page-'));
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0, exclude: ['drafts/**'] } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('summarises a document by kind of marker, from its analysis', async () => {
    const uri = await client.open('analysis.md', ANALYSIS);
    assert.deepEqual(await summaryOf(uri), {
      claims: { count: 2, unsupported: 1 },
      evidence: { count: 2, unsourced: 1 },
      hypotheses: { count: 2, untested: 1 },
      assumptions: { count: 1, unsupported: 1 },
      indicators: { count: 2, observed: 1 },
    });
  });

  it('follows an edit: the summary is of the text the server holds', async () => {
    const uri = await client.open('edited.md', ':claim[Kyiv hardened its line]{#c1}\n');
    assert.equal((await summaryOf(uri))?.claims.unsupported, 1);
    await client.change(uri, [{ text: ':claim[Kyiv hardened its line [the decree](https://example.org/decree)]{#c1}\n' }]);
    assert.deepEqual((await summaryOf(uri))?.claims, { count: 1, unsupported: 0 });
  });

  it('counts nothing in a document without markers, and answers null for one the settings leave out or that is not open', async () => {
    const plain = await client.open('plain.md', '# Notes\n\nNothing marked here [@key].\n');
    const summary = await summaryOf(plain);
    assert.ok(summary && Object.values(summary).every((kind) => Object.values(kind).every((count) => count === 0)), JSON.stringify(summary));
    const excluded = await client.open('drafts/draft.md', ':claim[Unsupported]{#c1}\n');
    assert.equal(await summaryOf(excluded), null);
    assert.equal(await summaryOf(client.uri('never-opened.md')), null);
  });

  it('links each diagnostic\'s code to the line of its section in the shipped docs/diagnostics.md', async () => {
    const uri = await client.open('linked.md', ANALYSIS);
    const diagnostics = await client.currentDiagnostics(uri);
    assert.ok(new Set(diagnostics.map((d) => d.code)).size >= 4, JSON.stringify(diagnostics.map((d) => d.code)));
    for (const diagnostic of diagnostics) assertDocumentsCode(diagnostic.codeDescription!.href, String(diagnostic.code));
  });
});

describe('the server\'s log, which "Tradecraft: Show Output" shows', () => {
  let workspace: string;
  let client: LspTestClient;
  const logged = async (pattern: RegExp, timeoutMs = 5000) => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const line = client.logs.find((entry) => pattern.test(entry));
      if (line) return line;
    }
    assert.fail(`no line of the log matches ${pattern}:\n${client.logs.join('\n')}`);
  };

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-log-'));
    writeFileSync(join(workspace, 'library.bib'), BIBTEX_FIXTURE);
    writeFileSync(join(workspace, 'broken.bib'), '@report{first, title = {Read}}\n@report{second, title = {Never closed}\n');
    client = await LspTestClient.start({
      workspace,
      settings: { diagnosticsDelay: 0, standards: 'icd203', severity: { 'unused-source': 'off', 'unsupported-claim': 'warning' }, workspaceBibliography: ['library.bib', 'broken.bib'] },
    });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('says at start which version runs, on which folders', async () => {
    await logged(new RegExp(`^Tradecraft ${CHECKOUT.version.replaceAll('.', '\\.')} \\(language server, Node v\\d+`));
    assert.equal(await logged(/^Workspace folders:/), `Workspace folders: ${workspace}`);
  });

  it('says which settings are in force for a folder, and what each bibliography file gave, once a document needs them', async () => {
    const uri = await client.open('note.md', ':evidence[Trade collapsed [@stats-2023]]{#e1}\n');
    await client.currentDiagnostics(uri);
    const settings = await logged(/^Settings for /);
    assert.equal(settings, `Settings for ${workspace}: standards icd203; severity the defaults but unused-source=off; include **/*.md, **/*.markdown, **/*.qmd, **/*.Rmd; exclude **/node_modules/**; diagnostics delay 0 ms; bibliography ${join(workspace, 'library.bib')}, ${join(workspace, 'broken.bib')}`);
    assert.equal(await logged(/^Bibliography .*library\.bib/), `Bibliography ${join(workspace, 'library.bib')}: 1 entry`);
    assert.match(await logged(/^Bibliography .*broken\.bib/), /^Bibliography \S+broken\.bib: 1 entry, then it does not parse: .+ \(line \d+(, column \d+)?\)$/);
  });

  it('says it again when a file or the settings change', async () => {
    writeFileSync(join(workspace, 'library.bib'), `${BIBTEX_FIXTURE}\n@book{second, title = {Another}}\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(workspace, 'library.bib')).href, type: 2 }] });
    await logged(/^Bibliography .*library\.bib: 2 entries$/);
    await client.setSettings({ diagnosticsDelay: 0, bibliography: ['missing.bib'] });
    await logged(/^Settings for .*: standards none; severity the defaults;.* bibliography \S+missing\.bib$/);
    await logged(/^Bibliography \S+missing\.bib: not loaded, the file does not exist$/);
  });
});
