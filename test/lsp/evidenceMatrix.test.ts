import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EVIDENCE_MATRIX_REQUEST, type EvidenceMatrix, type EvidenceMatrixParams } from '../../server/src/protocol.js';
import { REPO_ROOT, runCli } from '../cli/cliHarness.js';
import { LspTestClient, positionOf } from './lspClient.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const EXAMPLE = 'policy-shift-toward-belarus.md';
const TEXT = readFileSync(join(EXAMPLES, EXAMPLE), 'utf8');

/** What the command line writes for the example, run in the examples folder as the editor's workspace. */
async function cliOutput(...args: string[]): Promise<string> {
  const { status, stdout, stderr } = await runCli([...args, EXAMPLE], EXAMPLES);
  assert.equal(status, 0, stderr);
  return stdout;
}

describe('the evidence matrix over the protocol (tradecraft/evidenceMatrix)', () => {
  let client: LspTestClient;
  const matrixOf = (uri: string) => client.request<EvidenceMatrix | null>(EVIDENCE_MATRIX_REQUEST, { textDocument: { uri } } satisfies EvidenceMatrixParams);

  before(async () => {
    client = await LspTestClient.start({ workspace: EXAMPLES, settings: { diagnosticsDelay: 0, exclude: ['drafts/**'] } });
  });
  after(() => client.stop());

  it('gives the example\'s matrix as the command line\'s JSON, Markdown and Mermaid give it', async () => {
    const matrix = await matrixOf(await client.open(EXAMPLE, TEXT));
    assert.ok(matrix);
    const [json, markdown, mermaid] = await Promise.all([
      cliOutput('matrix', '--format', 'json', '--order', 'document'),
      cliOutput('matrix', '--format', 'markdown'),
      cliOutput('map', '--format', 'mermaid'),
    ]);
    const { path, hypotheses, rows, notObserved, favoredNotLeastRefuted, rejectedLeastRefuted, scoring } = matrix;
    assert.deepEqual({ path, hypotheses, rows, notObserved, favoredNotLeastRefuted, rejectedLeastRefuted, scoring }, JSON.parse(json).documents[0]);
    assert.equal(matrix.markdown, markdown);
    assert.equal(matrix.mermaid, mermaid);
    assert.equal(matrix.usesLanguage, true);
    assert.deepEqual(matrix.diagnosticOrder.map((i) => rows[i]!.id), ['e-not-alone', 'e-old-requests', 'e-us-inference', 'e-requests-made', 'e-us-track', 'c-deep-state']);
  });

  it('says where each hypothesis and row opens, and which sources a row cites', async () => {
    const matrix = (await matrixOf(await client.open(EXAMPLE, TEXT)))!;
    const usIndex = matrix.hypotheses.findIndex((column) => column.id === 'h-us');
    const fence = ':::hypothesis{#h-us status=favored confidence=moderate}';
    assert.deepEqual(matrix.hypothesisRanges[usIndex], { start: positionOf(TEXT, fence), end: positionOf(TEXT, fence, fence.length) });
    const inference = matrix.rows.findIndex((row) => row.id === 'e-us-inference');
    assert.deepEqual(matrix.rowRanges[inference]!.start, positionOf(TEXT, ':evidence[The author offers no direct evidence'));
    assert.deepEqual(matrix.rowSources[inference], ['@preiherman2026: What Is Driving Ukraine\'s Policy Shift Toward Belarus?']);
    assert.deepEqual(matrix.rowSources[matrix.rows.findIndex((row) => row.id === 'e-us-track')], []);
  });

  it('follows an edit: the matrix is of the text the server holds', async () => {
    const uri = await client.open('edited.md', TEXT);
    assert.deepEqual((await matrixOf(uri))!.favoredNotLeastRefuted, []);
    await client.change(uri, [{ text: TEXT.replace('{#e-us-track for=h-us}', '{#e-us-track against=h-us}') }]);
    const matrix = (await matrixOf(uri))!;
    const us = matrix.hypotheses.find((column) => column.id === 'h-us')!;
    assert.deepEqual([us.score, us.consistent, us.leastRefuted], [2, 1, false]);
    assert.deepEqual(matrix.favoredNotLeastRefuted.map((ref) => ref.id), ['h-us']);
    assert.match(matrix.markdown, /h-us is marked favored but is not the least refuted/);
    assert.deepEqual(matrix.notes, [
      'h-us is marked favored but is not the least refuted (least refuted: h-yermak, h-requests).',
      'h-yermak is marked rejected but is the least refuted (tied).',
      'h-requests is marked rejected but is the least refuted (tied).',
    ]);
  });

  it('answers an empty matrix for a document without markers, and null for one the settings leave out or that is not open', async () => {
    const plain = (await matrixOf(await client.open('notes/plain.md', '# Notes\n\nNothing marked here.\n')))!;
    assert.deepEqual([plain.path, plain.usesLanguage, plain.hypotheses.length, plain.rows.length], ['notes/plain.md', false, 0, 0]);
    assert.equal(await matrixOf(await client.open('drafts/draft.md', TEXT)), null);
    assert.equal(await matrixOf(client.uri('never-opened.md')), null);
  });
});
