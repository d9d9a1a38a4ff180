/**
 * The server against clients and edits that are hard on it: outdated analyses of a large
 * document, versions that do not increase, URIs that do not parse, bibliography buffers edited
 * without saving. The real server on a temporary workspace, spoken to in JSON-RPC.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { generateAnalysis } from '../support/generate.js';
import { LspTestClient, positionOf } from './lspClient.js';

const CONTENT_MODIFIED = -32801;

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const markdownOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value;

describe('robustness over the protocol', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-robust-'));
    writeFileSync(join(workspace, 'refs.bib'), '@misc{onkey, title={On disk}}\n');
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const hoverAt = (uri: string, text: string, needle: string, shift: number, on = client) =>
    on.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, shift) });

  /** Opens a document and times its first, whole analysis: what a request that waited would cost, on this machine under its present load. */
  async function openAndTime(name: string, text: string, on = client): Promise<{ uri: string; wholeAnalysis: number }> {
    const opened = Date.now();
    const uri = await on.open(name, text);
    await on.currentDiagnostics(uri, 60_000);
    return { uri, wholeAnalysis: Date.now() - opened };
  }

  describe('outdated analyses', () => {
    it('abandons the analysis of a version a newer edit replaced, and answers a hover from the newest version without waiting for it', { timeout: 120_000 }, async () => {
      const tail = '\n:claim[A stale claim]{#fresh}\n\n:evidence[It says so]{#e-fresh for=fresh}\n';
      const original = generateAnalysis(1_000_000, 3) + tail;
      const { uri, wholeAnalysis } = await openAndTime('large.md', original);
      // Every block changes, so this version takes a whole parse...
      const everyBlockChanged = original.replaceAll('e', 'E');
      const outdated = await client.change(uri, [{ text: everyBlockChanged }]);
      const outdatedHover = hoverAt(uri, everyBlockChanged, 'for=frEsh', 5).then(() => 'answered', (error: { code?: number }) => error.code);
      // ...and the next one, nearly the first again, reuses the blocks of the first.
      const newest = original.replace('A stale claim', 'A fresh claim');
      await client.change(uri, [{ text: newest }]);
      const asked = Date.now();
      const hover = await hoverAt(uri, newest, 'for=fresh', 5);
      const took = Date.now() - asked;
      assert.match(markdownOf(hover) ?? '', /A fresh claim/);
      assert.ok(took < wholeAnalysis / 2, `the hover took ${took} ms, a whole analysis ${wholeAnalysis} ms`);
      assert.equal(await outdatedHover, CONTENT_MODIFIED, 'the outdated request is told the content changed');
      await client.currentDiagnostics(uri, 30_000);
      assert.ok(client.publications(uri).every((params) => params.version !== outdated), 'nothing is published for the outdated version');
      assert.ok(!client.logs.some((line) => line.includes('changed before its analysis')), 'giving up is no error');
    });
  });

  describe('an edit undone while typing', () => {
    // The delay a user has by default: keystrokes closer together than it are never checked one by one.
    let typing: LspTestClient;
    before(async () => {
      typing = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 100 } });
    });
    after(() => typing.stop());

    it('answers a hover without waiting when an edit opens and closes a 1 MB front matter', { timeout: 120_000 }, async () => {
      const sources = Array.from({ length: 25_000 }, (_, i) => `  s${i}: https://example.org/source/${i}\n`).join('');
      const body = '\n:claim[A claim [@s1]]{#c1}\n\n:evidence[It says so [@s2]]{#e1 for=c1}\n';
      const text = `---\ntitle: A long front matter\nsources:\n${sources}---\n${body}`;
      assert.ok(text.length > 1_000_000);
      const { uri, wholeAnalysis } = await openAndTime('front-matter.md', text, typing);
      const closing = positionOf(text, '---\n\n:claim');
      const unclosed = await typing.change(uri, [{ range: { start: closing, end: { ...closing, character: 1 } }, text: '' }]);
      await typing.change(uri, [{ range: { start: closing, end: closing }, text: '-' }]);
      const asked = Date.now();
      const hover = await hoverAt(uri, text, 'for=c1', 5, typing);
      const took = Date.now() - asked;
      assert.match(markdownOf(hover) ?? '', /A claim/);
      assert.ok(took < wholeAnalysis / 2, `the hover took ${took} ms, a whole analysis ${wholeAnalysis} ms`);
      await typing.currentDiagnostics(uri, 30_000);
      assert.ok(typing.publications(uri).every((params) => params.version !== unclosed), 'nothing published for the version in between');
    });
  });

  describe('versions that do not increase', () => {
    it('applies the text the client sent, checks it, and warns', async () => {
      const first = ':cliam[Old words]{#c1}\n';
      const uri = await client.open('versions.md', first);
      assert.deepEqual(codes(await client.currentDiagnostics(uri)), ['unknown-marker']);
      const same = ':claim[New words]{#c1}\n';
      await client.change(uri, [{ text: same }], 1);
      assert.deepEqual(codes(await client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'unsupported-claim'))), ['unsupported-claim'], 'an equal version');
      assert.match(markdownOf(await hoverAt(uri, same, '#c1', 1)) ?? '', /New words/);
      const older = ':claim[New words]{#c1}\n\n:evidense[Older version]{#e1}\n';
      await client.change(uri, [{ text: older }], 0);
      const diagnostics = await client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'unknown-marker'));
      assert.deepEqual(codes(diagnostics), ['unknown-marker', 'unsupported-claim'], 'an older version');
      assert.ok(client.logs.some((line) => /version 0 .*not newer than 1/.test(line)), `a warning is logged: ${client.logs.join('\n')}`);
    });
  });

  describe('URIs that do not parse', () => {
    it('cost workspace symbols nothing but their own document', async () => {
      await client.openUri('file:///%E0%A4%A.md', ':claim[In a malformed URI]{#c-bad}\n');
      await client.openUri('untitled:', ':claim[In an empty untitled URI]{#c-untitled}\n');
      // vscode-uri refuses this one: without an authority, a path cannot begin with "//".
      await client.openUri('file:////server/share/notes.md', ':claim[In a URI that does not parse]{#c-unparsed}\n');
      await client.open('good.md', ':claim[In a good document]{#c-good}\n');
      const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'c-good' });
      assert.deepEqual(symbols.map((symbol) => symbol.name), ['c-good — In a good document']);
    });
  });

  describe('bibliography buffers', () => {
    it('re-check the documents that cite them as the buffer is edited, saved or not', async () => {
      const text = '---\nbibliography: refs.bib\n---\n\n:claim[Cites a new key [@newkey] and [@onkey]]{#c1}\n';
      const uri = await client.open('cites.md', text);
      assert.deepEqual(codes(await client.currentDiagnostics(uri)), ['unknown-source']);
      const bib = await client.open('refs.bib', '@misc{onkey, title={On disk}}\n', 'bibtex');
      await client.change(bib, [{ text: '@misc{onkey, title={On disk}}\n@misc{newkey, title={X}}\n' }]);
      assert.deepEqual(await client.diagnostics(uri, (params) => params.diagnostics.length === 0), [], 'the key the buffer adds is known');
      await client.close(bib);
      assert.deepEqual(codes(await client.diagnostics(uri, (params) => params.diagnostics.length > 0)), ['unknown-source'], 'closed unsaved: the file on disk again');
    });

    it('are read again when they change on disk, even if another changed file has a URI that does not parse', async () => {
      writeFileSync(join(workspace, 'disk.bib'), '@misc{other, title={Other}}\n');
      const uri = await client.open('cites-disk.md', '---\nbibliography: disk.bib\n---\n\n:claim[Cites [@diskkey]]{#c1}\n');
      assert.deepEqual(codes(await client.currentDiagnostics(uri)), ['unknown-source']);
      writeFileSync(join(workspace, 'disk.bib'), '@misc{diskkey, title={On disk now}}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:////server/share/gone.bib', type: 3 }, { uri: client.uri('disk.bib'), type: 2 }] });
      assert.deepEqual(await client.diagnostics(uri, (params) => params.diagnostics.length === 0), []);
    });
  });
});
