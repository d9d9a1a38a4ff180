// Support lenses over the protocol: above each claim and hypothesis, what weighs it, and the
// command that lists those markers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Location } from 'vscode-languageserver-protocol/node';
import { SHOW_MARKERS_COMMAND } from '../../server/src/protocol.js';
import { lines } from '../support/check.js';
import { rangeOf } from './helpers.js';
import { LspTestClient } from './lspClient.js';

const DOCUMENT = lines(
  '---',
  'sources:',
  '  a: https://example.org/a',
  '---',
  ':claim[Backed by two, doubted by one]{#c1}',
  '',
  ':evidence[First [@a]]{#e1 for=c1}',
  '',
  ':evidence[Second [@a]]{#e2 for=c1 against=h1}',
  '',
  ':evidence[Doubt [@a]]{#e3 against=c1}',
  '',
  ':claim[Stands on nothing]{#c2}',
  '',
  ':claim[Cites its own source [@a]]{#c3}',
  '',
  ':::hypothesis{#h1}',
  'Weighed against once.',
  ':::',
  '',
  ':::hypothesis{#h2}',
  'Weighed by nothing.',
  ':::',
  '',
  ':claim[]{#c-empty}',
  '',
);

describe('support lenses over the protocol', () => {
  let workspace: string;
  let client: LspTestClient;
  let uri: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-lenses-'));
    writeFileSync(join(workspace, 'doc.md'), DOCUMENT);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    uri = await client.open('doc.md', DOCUMENT);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('puts a lens on the opening of each claim and hypothesis with content, saying what weighs it', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [[4, '2 for · 1 against'], [12, 'unsupported'], [14, 'sourced'], [16, '1 against'], [20, 'untested']],
    );
    assert.deepEqual(lenses[0]!.range, rangeOf(DOCUMENT, ':claim['));
  });

  it('lists the supporters, then the opponents, with the command the VS Code client runs; a lens with nothing to list is a label', async () => {
    const [weighed, unsupported] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(weighed!.command!.command, SHOW_MARKERS_COMMAND);
    const [lensUri, position, locations] = weighed!.command!.arguments as [string, unknown, Location[]];
    assert.equal(lensUri, uri);
    assert.deepEqual(position, weighed!.range.start);
    assert.deepEqual(locations.map((location) => [location.uri, location.range.start.line]), [[uri, 6], [uri, 8], [uri, 10]]);
    assert.equal(unsupported!.command!.command, '');
    assert.equal(unsupported!.command!.arguments, undefined);
  });

  it('follows an edit: evidence pointed at the unsupported claim grounds it', async () => {
    const edited = DOCUMENT.replace(':evidence[Doubt [@a]]{#e3 against=c1}', ':evidence[Doubt [@a]]{#e3 for=c2}');
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 26, character: 0 } }, text: edited }]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((lens) => lens.command?.title).slice(0, 2), ['2 for', '1 for']);
  });
});
