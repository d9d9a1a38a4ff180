/**
 * A hover sent right after an edit of a large document is answered from the last finished
 * analysis where the edit moved nothing under it, at the place the text now has: it does not
 * wait for the edit's analysis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol/node';
import type { URI } from 'vscode-uri';
import type { FileKind } from '../../server/src/host.js';
import { MemoryHost } from '../support/memoryHost.js';
import { generateAnalysis } from '../support/generate.js';
import { LspTestClient, positionOf } from './lspClient.js';

const SOURCES = '---\nsources:\n  decree-2026:\n    title: Decree on restrictive measures\n    url: https://example.org/decree\n---\n\n';
const CITING = 'As written, :evidence[the decree of 18 February [@decree-2026]]{#e-target}';

describe('a hover right after an edit', () => {
  let workspace: string;
  let client: LspTestClient;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-hover-edit-'));
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('answers at the moved place of what an edit of prose did not touch', async () => {
    const body = generateAnalysis(300_000);
    const text = `${SOURCES}${body}\n\n${CITING}\n`;
    const uri = await client.open('large.md', text);
    await client.currentDiagnostics(uri);
    const citingLine = text.split('\n').indexOf(CITING);
    const character = CITING.indexOf('@decree') + 2;
    // A word typed in the prose before the marker, and at once a hover on the citation, which moved right.
    const insert = client.change(uri, [{ range: { start: { line: citingLine, character: 3 }, end: { line: citingLine, character: 3 } }, text: 'it is ' }]);
    const moved = client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: citingLine, character: character + 6 } });
    await insert;
    const hover = await moved;
    assert.match((hover?.contents as { value: string }).value, /Decree on restrictive measures/);
    const start = CITING.indexOf('@decree') + 6;
    assert.deepEqual(hover?.range, { start: { line: citingLine, character: start }, end: { line: citingLine, character: start + '@decree-2026'.length } });
  });

});

/** A host that can hold back what it says of files, and with it every analysis that asks. */
class HoldingHost extends MemoryHost {
  private held: Promise<void> = Promise.resolve();

  /** Holds back answers until the function returned is called. */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  override async fileKind(uri: URI): Promise<FileKind> {
    await this.held;
    return super.fileKind(uri);
  }
}

/** Whether `request` is answered within `ms` milliseconds. */
const answeredWithin = (request: Promise<unknown>, ms: number) => Promise.race([request.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('a hover while the analysis of an edit cannot finish', () => {
  const LATER = ':claim[The decree changed course [@decree-2026]]{#c-later}';
  const TEXT = `${SOURCES}${CITING}\n\nThe [notes](notes.md) say more.\n\n${LATER}\n`;
  const host = new HoldingHost({ '/ws/notes.md': 'Notes\n' });
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.startInProcess({ workspace: '/ws', settings: { diagnosticsDelay: 0 } }, host);
  });
  after(() => client.stop());

  const hoverAt = (uri: string, text: string, what: string, offset: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, what, offset) });
  const laterLine = TEXT.split('\n').indexOf(LATER);

  it('is answered from the last analysis when a word is typed or taken away at the start of a line, before a marker', async () => {
    const uri = await client.open('typed-before-marker.md', TEXT);
    await client.currentDiagnostics(uri);
    for (const [start, end, typed] of [[0, 0, 'Word '], [0, 'Word '.length, '']] as const) {
      const release = host.hold();
      await client.change(uri, [{ range: { start: { line: laterLine, character: start }, end: { line: laterLine, character: end } }, text: typed }]);
      const hover = hoverAt(uri, TEXT, '@decree', 2);
      const answered = await answeredWithin(hover, 2_000);
      release();
      assert.equal(answered, true, `"${typed}" typed over ${start}–${end}: answered while the analysis waits`);
      assert.match(((await hover)?.contents as { value: string }).value, /Decree on restrictive measures/);
      await client.currentDiagnostics(uri);
    }
  });

  it('waits for the analysis after a word typed in the marker it shows, and shows the new text', async () => {
    const uri = await client.open('typed-in-marker.md', TEXT);
    await client.currentDiagnostics(uri);
    const release = host.hold();
    await client.change(uri, [{ range: { start: { line: laterLine, character: ':claim[The '.length }, end: { line: laterLine, character: ':claim[The '.length } }, text: 'new ' }]);
    const hover = hoverAt(uri, TEXT.replace(':claim[The ', ':claim[The new '), 'c-later', 2);
    assert.equal(await answeredWithin(hover, 200), false, 'not from the analysis of the text before the edit');
    release();
    assert.match(((await hover)?.contents as { value: string }).value, /The new decree changed course/);
  });
});
