/**
 * Completion and code actions (quick fixes, wrap refactorings) over the protocol, against the real
 * server on a temporary workspace. Edits are applied as a client would, and the result checked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, BIBTEX_FIXTURE as BIB, CSL_JSON_FIXTURE as CSL_JSON, rangeOf, type Range } from './helpers.js';
import { LspTestClient, positionOf } from './lspClient.js';

const COMPLETION = `---
sources:
  decree-2026:
    title: Decree on restrictive measures
    publisher: Office of the President of Ukraine
    date: 2026-02-18
bibliography: [refs.bib, refs.json]
---

:claim[Kyiv changed course]{#c1}

:hypothesis[A new chief of staff]{#h1}

:evidence[Trade collapsed]{#e1 for=c1,}

:evidence[See [@dec]]{#e2 src=}

:evidence[Other view]{#e3 against=}

As @st said, and as [see @osw, p. 3].

Meeting at 10: nothing else at 10:30.

The :cl

::ev

:::hy
`;

describe('editing over the protocol: completion and code actions', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-edit-'));
    writeFileSync(join(workspace, 'refs.bib'), BIB);
    writeFileSync(join(workspace, 'refs.json'), CSL_JSON);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  describe('completion', () => {
    let uri: string;
    before(async () => {
      uri = await client.open('completion.md', COMPLETION);
    });
    const completeList = (needle: string, shift: number, occurrence = 1) =>
      client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(COMPLETION, needle, shift, occurrence) });
    const complete = async (needle: string, shift: number, occurrence = 1) => {
      const answer = await completeList(needle, shift, occurrence);
      return Array.isArray(answer) ? answer : answer.items;
    };
    /** The document's ids but the marker's own: it does not support itself. */
    const ids = (range: Range, own: string): CompletionItem[] => {
      const all: CompletionItem[] = [
        { label: 'c1', kind: 18, detail: 'claim: Kyiv changed course', textEdit: { range, newText: 'c1' } },
        { label: 'h1', kind: 18, detail: 'hypothesis: A new chief of staff', textEdit: { range, newText: 'h1' } },
        { label: 'e1', kind: 18, detail: 'evidence: Trade collapsed', textEdit: { range, newText: 'e1' } },
        { label: 'e2', kind: 18, detail: 'evidence: See [@dec]', textEdit: { range, newText: 'e2' } },
        { label: 'e3', kind: 18, detail: 'evidence: Other view', textEdit: { range, newText: 'e3' } },
      ];
      return all.filter((item) => item.label !== own);
    };
    /** The sources `only` names, in that order (all, in the order of the file, when none), the first preselected. */
    const keys = (range: Range, ...only: string[]) =>
      [
        ['decree-2026', 'Decree on restrictive measures, 2026-02-18', 'decree-2026 Decree on restrictive measures 2026'],
        ['stats-2023', 'Foreign Trade of Ukraine in 2023, 2023', 'stats-2023 Foreign Trade of Ukraine in 2023 2023'],
        ['osw-2025', 'Belarus after the election, 2025-03-01', 'osw-2025 Belarus after the election Klysinski, Kamil 2025'],
      ]
        .filter(([label]) => only.length === 0 || only.includes(label!))
        .sort(([a], [b]) => only.indexOf(a!) - only.indexOf(b!))
        .map(([label, detail, filterText], i) => ({
          label, kind: 18, detail, filterText, sortText: String(i).padStart(6, '0'),
          ...(only.length > 0 && i === 0 ? { preselect: true } : {}),
          textEdit: { range, newText: label },
        }));
    const withoutDocumentation = (items: CompletionItem[]) => items.map(({ documentation: _, ...rest }) => rest);

    it('offers the ids of the document after for= and against=, with kind and text, but the marker\'s own', async () => {
      const afterComma = positionOf(COMPLETION, 'for=c1,', 7);
      assert.deepEqual(await complete('for=c1,', 7), ids({ start: afterComma, end: afterComma }, 'e1'));
      assert.deepEqual(await complete('for=c1,', 5), ids(rangeOf(COMPLETION, 'for=c1,', 4, 1), 'e1'), 'replacing what is typed of the id');
      const afterAgainst = positionOf(COMPLETION, 'against=}', 8);
      assert.deepEqual(await complete('against=}', 8), ids({ start: afterAgainst, end: afterAgainst }, 'e3'));
    });

    it('offers the source keys after [@, in-text @ and in src=, with title and date, found by title and author', async () => {
      const bracketed = await complete('[@dec]', 5);
      assert.deepEqual(withoutDocumentation(bracketed), keys(rangeOf(COMPLETION, '[@dec]', 2, 3), 'decree-2026'));
      const all = await complete('[@dec]', 2);
      assert.deepEqual(withoutDocumentation(all), keys(rangeOf(COMPLETION, '[@dec]', 2, 0)), 'right after [@');
      assert.deepEqual(all.map((item) => (item.documentation as { kind: string; value: string } | undefined)?.value.split('  \n')[0]), [
        '**Decree on restrictive measures**',
        '**Foreign Trade of Ukraine in 2023**',
        '**Belarus after the election**',
      ], 'each with its source card');
      const inText = await complete('As @st', 6);
      assert.deepEqual(withoutDocumentation(inText).slice(0, 1), keys(rangeOf(COMPLETION, 'As @st', 4, 2), 'stats-2023'), 'in-text');
      assert.deepEqual(inText.map((item) => [item.label, item.filterText?.split(' ')[0]]), [['stats-2023', 'stats-2023'], ['decree-2026', 'restrictive']], 'a key first, then a title that holds the letters, filtered by that word');
      assert.deepEqual(withoutDocumentation(await complete('see @osw', 8)), keys(rangeOf(COMPLETION, 'see @osw', 5, 3), 'osw-2025'), 'after a prefix');
      assert.equal((await completeList('[@dec]', 5) as CompletionList).isIncomplete, true, 'asked again as the user types');
      assert.deepEqual(withoutDocumentation(await complete('src=}', 4)), keys(rangeOf(COMPLETION, 'src=}', 4, 0)), 'in src=');
    });

    it('offers the marker names after a colon at the start of a word, in the form the colons give', async () => {
      const names = (form: string, range: Range) =>
        ['claim', 'evidence', 'hypothesis', 'assumption', 'indicator'].map((label) => ({ label, kind: 14, detail: `${form}: ${label}`, textEdit: { range, newText: label } }));
      assert.deepEqual(await complete('The :cl', 7), names('inline marker', rangeOf(COMPLETION, 'The :cl', 5)));
      assert.deepEqual(await complete('The :cl', 5), names('inline marker', rangeOf(COMPLETION, 'The :cl', 5, 0)));
      assert.deepEqual(await complete('::ev', 4), names('whole-line marker', rangeOf(COMPLETION, '::ev', 2)));
      assert.deepEqual(await complete(':::hy', 5), names('block marker', rangeOf(COMPLETION, ':::hy', 3)));
    });

    it('offers nothing after a time in prose, on plain text, or after an attribute block closes', async () => {
      assert.deepEqual(await complete('at 10:', 6), []);
      assert.deepEqual(await complete('at 10:30', 6), []);
      assert.deepEqual(await complete('at 10:30', 8), []);
      assert.deepEqual(await complete('Meeting', 4), []);
      assert.deepEqual(await complete('{#c1}', 5), []);
    });
  });

  describe('code actions', () => {
    /** Opens a document, waits for its diagnostics and asks for the actions on `range`, as an editor would. */
    async function actionsFor(name: string, text: string, range: Range, only?: string[]): Promise<{ uri: string; diagnostics: Diagnostic[]; actions: CodeAction[] }> {
      const uri = await client.open(name, text);
      const diagnostics = await client.currentDiagnostics(uri);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
      return { uri, diagnostics, actions };
    }
    const applied = (text: string, uri: string, action: CodeAction | undefined) => {
      assert.ok(action, 'expected the action');
      assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [uri], 'edits only the document');
      return applyEdits(text, action.edit!.changes![uri]!);
    };
    const cursor = (text: string, needle: string, shift = 0): Range => rangeOf(text, needle, shift, 0);
    const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

    it('corrects a near-miss marker name, and the warning goes away', async () => {
      const text = 'Intro.\n\n:cliam[Kyiv changed course [the decree](https://example.org/decree)]{#c1}\n';
      const { uri, diagnostics, actions } = await actionsFor('typo.md', text, cursor(text, ':cliam', 3));
      assert.deepEqual(codes(diagnostics), ['unknown-marker']);
      assert.deepEqual(actions, [{
        title: 'Change "cliam" to "claim"',
        kind: 'quickfix',
        edit: { changes: { [uri]: [{ range: rangeOf(text, ':cliam'), newText: ':claim' }] } },
        diagnostics,
        isPreferred: true,
      }]);
      const fixed = applied(text, uri, actions[0]);
      assert.equal(fixed, text.replace(':cliam[', ':claim['));
      await client.change(uri, [{ text: fixed }]);
      assert.deepEqual(await client.currentDiagnostics(uri), []);
    });

    it('corrects a near-miss block fence name', async () => {
      const text = ':::evidense{#e1}\nA block [source](https://example.org/s).\n:::\n';
      const { uri, actions } = await actionsFor('typo-block.md', text, cursor(text, 'evidense', 2));
      assert.deepEqual(actions.map((action) => action.title), ['Change "evidense" to "evidence"']);
      assert.equal(applied(text, uri, actions[0]), text.replace(':::evidense{', ':::evidence{'));
    });

    it('replaces a status its kind does not allow by the closest allowed one, and the warning goes away', async () => {
      const text = ':hypothesis[Yerevan trades loyalty for aid]{#h1 status=favourite}\n\n:indicator[Aid pledges rise [the data](https://example.org/d)]{#i1 for=h1 status=observed}\n';
      const { uri, diagnostics, actions } = await actionsFor('bad-status.md', text, cursor(text, ':hypothesis', 2));
      assert.deepEqual(codes(diagnostics), ['bad-attribute']);
      assert.deepEqual(actions.map((action) => [action.title, action.diagnostics?.map((d) => d.code)]), [['Change status="favourite" to "favored"', ['bad-attribute']]]);
      const fixed = applied(text, uri, actions[0]);
      assert.equal(fixed, text.replace('status=favourite', 'status=favored'));
      await client.change(uri, [{ text: fixed }]);
      assert.deepEqual(await client.currentDiagnostics(uri), []);
    });

    it('changes an unknown key to a close defined one', async () => {
      const text = '---\nsources:\n  decree-2026: https://example.org/decree\n---\n\n:claim[Kyiv changed course [@decre-2026]]{#c1}\n';
      const { uri, diagnostics, actions } = await actionsFor('close-key.md', text, cursor(text, '@decre-', 3));
      assert.deepEqual(codes(diagnostics).sort(), ['unknown-source', 'unused-source']);
      assert.deepEqual(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false, action.diagnostics?.map((d) => d.code)]), [
        ['Change to "decree-2026"', 'quickfix', true, ['unknown-source']],
        ['Add source "decre-2026" to the front matter', 'quickfix', false, ['unknown-source']],
      ]);
      assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: rangeOf(text, '@decre-2026', 1), newText: 'decree-2026' }]);
      const fixed = applied(text, uri, actions[0]);
      assert.equal(fixed, text.replace('[@decre-2026]', '[@decree-2026]'));
      await client.change(uri, [{ text: fixed }]);
      assert.deepEqual(await client.currentDiagnostics(uri), []);
    });

    it('adds a stub source to the sources: of the front matter', async () => {
      const text = [
        '---',
        'title: A note',
        'sources:',
        '  decree-2026: https://example.org/decree',
        'bibliography: refs.bib',
        '---',
        '',
        ':claim[Kyiv changed course [@decree-2026] [@brand-new]]{#c1}',
        '',
      ].join('\n');
      const { uri, actions } = await actionsFor('stub-sources.md', text, cursor(text, '@brand-new', 4));
      assert.deepEqual(actions.map((action) => action.title), ['Add source "brand-new" to the front matter']);
      const fixed = applied(text, uri, actions[0]);
      assert.equal(fixed, [
        '---',
        'title: A note',
        'sources:',
        '  decree-2026: https://example.org/decree',
        '  brand-new:',
        '    title: ""',
        '    url: ""',
        'bibliography: refs.bib',
        '---',
        '',
        ':claim[Kyiv changed course [@decree-2026] [@brand-new]]{#c1}',
        '',
      ].join('\n'));
      await client.change(uri, [{ text: fixed }]);
      assert.ok(!codes(await client.currentDiagnostics(uri)).includes('unknown-source'), 'the key is now defined');
    });

    it('adds sources: to a front matter that has none', async () => {
      const text = '---\ntitle: A note\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n';
      const { uri, actions } = await actionsFor('stub-no-sources.md', text, cursor(text, '@brand-new', 2));
      assert.deepEqual(actions.map((action) => action.title), ['Add source "brand-new" to the front matter']);
      assert.equal(applied(text, uri, actions[0]), '---\ntitle: A note\nsources:\n  brand-new:\n    title: ""\n    url: ""\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n');
    });

    it('adds a front matter to a document that has none', async () => {
      const text = ':claim[Kyiv changed course [@brand-new]]{#c1}\n';
      const { uri, actions } = await actionsFor('stub-no-front-matter.md', text, cursor(text, '@brand-new', 2));
      assert.deepEqual(actions.map((action) => action.title), ['Add source "brand-new" to the front matter']);
      const fixed = applied(text, uri, actions[0]);
      assert.equal(fixed, '---\nsources:\n  brand-new:\n    title: ""\n    url: ""\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n');
      await client.change(uri, [{ text: fixed }]);
      assert.ok(!codes(await client.currentDiagnostics(uri)).includes('unknown-source'), 'the key is now defined');
    });

    it('adds sources: inside an empty front matter', async () => {
      const text = '---\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n';
      const { uri, actions } = await actionsFor('stub-empty-front-matter.md', text, cursor(text, '@brand-new', 2));
      assert.deepEqual(actions.map((action) => action.title), ['Add source "brand-new" to the front matter']);
      assert.equal(applied(text, uri, actions[0]), '---\nsources:\n  brand-new:\n    title: ""\n    url: ""\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n');
    });

    it('wraps an inline selection in a marker with a fresh id', async () => {
      const text = ':claim[Earlier]{#c1} and :evidence[more]{#e1 for=c1}\n\nKyiv said the decree is mostly symbolic today.\n';
      const selection = rangeOf(text, 'the decree is mostly symbolic');
      const { uri, actions } = await actionsFor('wrap-inline.md', text, selection, ['refactor']);
      assert.deepEqual(actions.map((action) => [action.title, action.kind]), [
        ['Wrap in claim {#c2}', 'refactor.rewrite'],
        ['Wrap in evidence {#e2}', 'refactor.rewrite'],
        ['Wrap in hypothesis {#h1}', 'refactor.rewrite'],
        ['Wrap in assumption {#a1}', 'refactor.rewrite'],
        ['Wrap in indicator {#i1}', 'refactor.rewrite'],
      ]);
      assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: selection, newText: ':claim[the decree is mostly symbolic]{#c2}' }]);
      assert.equal(applied(text, uri, actions[1]), text.replace('the decree is mostly symbolic', ':evidence[the decree is mostly symbolic]{#e2}'));
      assert.equal(applied(text, uri, actions[2]), text.replace('the decree is mostly symbolic', ':hypothesis[the decree is mostly symbolic]{#h1}'));
    });

    it('wraps whole paragraphs in a block marker', async () => {
      const text = ':claim[Earlier]{#c1}\n\nFirst paragraph.\n\nSecond paragraph.\n\nAfter.\n';
      const selection = rangeOf(text, 'First paragraph.\n\nSecond paragraph.\n');
      const { uri, actions } = await actionsFor('wrap-block.md', text, selection, ['refactor']);
      assert.deepEqual(actions.map((action) => action.title), ['Wrap in claim {#c2}', 'Wrap in evidence {#e1}', 'Wrap in hypothesis {#h1}', 'Wrap in assumption {#a1}', 'Wrap in indicator {#i1}']);
      assert.equal(applied(text, uri, actions[0]), ':claim[Earlier]{#c1}\n\n:::claim{#c2}\nFirst paragraph.\n\nSecond paragraph.\n:::\n\nAfter.\n');
      assert.equal(applied(text, uri, actions[2]), ':claim[Earlier]{#c1}\n\n:::hypothesis{#h1}\nFirst paragraph.\n\nSecond paragraph.\n:::\n\nAfter.\n');
    });

    it('offers no refactoring on an empty selection, and only what `only` asks for', async () => {
      const text = 'Plain prose :cliam[typo]{#x1} here.\n';
      const uri = await client.open('only.md', text);
      const diagnostics = await client.currentDiagnostics(uri);
      const ask = (range: Range, only?: string[]) =>
        client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }).then((actions) => actions.map((a) => a.title));
      assert.deepEqual(await ask(cursor(text, 'Plain', 2)), []);
      const selection = rangeOf(text, 'Plain prose :cliam');
      assert.deepEqual(await ask(selection), ['Change "cliam" to "claim"', 'Wrap in claim {#c1}', 'Wrap in evidence {#e1}', 'Wrap in hypothesis {#h1}', 'Wrap in assumption {#a1}', 'Wrap in indicator {#i1}']);
      assert.deepEqual(await ask(selection, ['quickfix']), ['Change "cliam" to "claim"']);
      assert.deepEqual(await ask(selection, ['refactor.rewrite']), ['Wrap in claim {#c1}', 'Wrap in evidence {#e1}', 'Wrap in hypothesis {#h1}', 'Wrap in assumption {#a1}', 'Wrap in indicator {#i1}']);
    });
  });
});

describe('the stub-source fix in a client that takes snippet edits, as VS Code does', () => {
  it('leaves the cursor in the stub: a snippet with tab stops in the title, then the URL', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-snippet-'));
    const client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 }, snippetEdits: true });
    try {
      const text = '---\ntitle: A note\n---\n\n:claim[Kyiv changed course [@brand-new]]{#c1}\n';
      const uri = await client.open('snippet.md', text);
      const diagnostics = await client.currentDiagnostics(uri);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(text, '@brand-new', 2, 0), context: { diagnostics } });
      const stub = actions.find((action) => action.title.startsWith('Add source'));
      assert.deepEqual(stub?.edit, {
        documentChanges: [{
          textDocument: { uri, version: null },
          edits: [{ range: rangeOf(text, '\n---\n\n', 0, 0), snippet: { kind: 'snippet', value: '\nsources:\n  brand-new:\n    title: "$1"\n    url: "$2"' } }],
        }],
      });
    } finally {
      await client.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
