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
import { generateAnalysis } from '../support/generate.js';
import { LspTestClient } from './lspClient.js';

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
