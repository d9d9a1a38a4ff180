/**
 * The techniques of language v1.3 as an editor user meets them, over the protocol: the grade of
 * a source and its retraction on hover, the assumptions and indicators of a judgment on hover,
 * completion after assumes= and from=, and the quick fixes of a value and of a likelihood word.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { applyEdits } from './helpers.js';
import { LspTestClient, positionOf } from './lspClient.js';

const TEXT = `---
standards: icd203
sources:
  preiherman2026:
    title: What Is Driving Ukraine's Policy Shift Toward Belarus?
    url: https://example.org/preiherman
    grade: B2
  diary:
    title: A secret meeting
    url: https://example.org/diary
    retracted: the author withdrew the post
---

:assumption[Minsk keeps its army out of the war]{#a-neutral status=caveated}

:hypothesis[Kyiv fears a US–Belarus precedent]{#h-us status=favored assumes=a-neutral}

:indicator[Kyiv times its steps to US envoys' visits]{#i-timing for=h-us status=watch}

:evidence[Contacts moved forward [@preiherman2026, para. 16]]{#e-track for=h-us}

:evidence[The chiefs met in secret [@diary]]{#e-meeting against=h-us}

:claim[Kyiv's steps will perhaps stay symbolic [@preiherman2026]]{#c-symbolic confidence=medium assumes=a-neutral}

:claim[The precedent reading is the strongest]{#c-verdict from=h-us assumes=}
`;

const markdownOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('the v1.3 techniques over the protocol', () => {
  let workspace: string;
  let client: LspTestClient;
  let uri: string;
  let diagnostics: Diagnostic[];
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-techniques-'));
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    uri = await client.open('note.md', TEXT);
    diagnostics = await client.currentDiagnostics(uri);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const request = <R>(method: string, needle: string, shift: number, extra: object = {}) =>
    client.request<R>(method, { textDocument: { uri }, position: positionOf(TEXT, needle, shift), ...extra });

  it('says a graded source\'s grade in words, and that a retracted one is retracted and why', async () => {
    assert.match(markdownOf(await request<Hover | null>('textDocument/hover', '@preiherman2026, para', 3)), /B2 — usually reliable, probably true/);
    assert.match(markdownOf(await request<Hover | null>('textDocument/hover', '@diary', 3)), /Retracted.*the author withdrew the post/s);
  });

  it('lists on a hypothesis the assumptions it rests on and its indicators, with their status', async () => {
    const hover = markdownOf(await request<Hover | null>('textDocument/hover', ':hypothesis[Kyiv', 3));
    assert.match(hover, /a-neutral/);
    assert.match(hover, /caveated/);
    assert.match(hover, /i-timing/);
    assert.match(hover, /watch/);
  });

  it('completes assumption ids after assumes= and hypothesis ids after from=', async () => {
    const labels = (answer: CompletionList | CompletionItem[] | null) => (Array.isArray(answer) ? answer : (answer?.items ?? [])).map((item) => item.label);
    const completion = (needle: string, shift: number) => request<CompletionList | CompletionItem[] | null>('textDocument/completion', needle, shift);
    assert.deepEqual(labels(await completion('assumes=}', 'assumes='.length)), ['a-neutral']);
    assert.deepEqual(labels(await completion('from=h-us', 'from='.length)), ['h-us']);
  });

  it('fixes a value the kind does not take and an off-scale likelihood word', async () => {
    const actionsAt = async (code: string) => {
      const diagnostic = diagnostics.find((candidate) => candidate.code === code);
      assert.ok(diagnostic, `a ${code} diagnostic`);
      return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    };
    const [value] = await actionsAt('bad-attribute');
    assert.match(value!.title, /"moderate"/);
    assert.match(applyEdits(TEXT, value!.edit!.changes![uri]!), /confidence=moderate/);
    const [word] = await actionsAt('off-scale-likelihood');
    assert.equal(word, undefined, 'a vague word has no closest term, so no fix');
  });
});
