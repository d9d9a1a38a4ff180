import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DocumentStore, Superseded, type DocumentOwner } from '../../server/src/documentStore.js';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS } from '../../server/src/settings.js';
import { LineIndex } from '../../server/src/text/lineIndex.js';
import { applyTextChanges, type TextChange } from '../../server/src/text/textChanges.js';
import { random } from '../support/generate.js';
import { MemoryHost, WORKSPACE } from '../support/memoryHost.js';

const DOC = 'file:///ws/doc.md';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');
/** Documents nobody wrote for the store: the examples, and the conformance cases when they are beside the project. */
const DOCUMENTS = [
  ...['policy-shift-toward-belarus.md', 'key-assumptions-and-signposts.md', 'finished/policy-shift-toward-belarus.md'].map((name) => join(ROOT, 'examples', name)),
  ...(existsSync(CONFORMANCE) ? readdirSync(CONFORMANCE).filter((name) => name.endsWith('.md')).map((name) => join(CONFORMANCE, name)) : []),
];

/** A store over an in-memory workspace that counts how often it asks where a document belongs. */
function storeOver(files: Record<string, string> = {}, checked = (_uri: URI) => true) {
  const service = createService({ host: new MemoryHost(files), settings: DEFAULT_SETTINGS });
  const asked: string[] = [];
  const warnings: string[] = [];
  const store = new DocumentStore<DocumentOwner>({
    ownerOf: async (uri) => {
      asked.push(uri.toString());
      return { workspaceFolder: WORKSPACE, service, checked: checked(uri) };
    },
    yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)),
    warn: (message) => warnings.push(message),
  });
  return { store, asked, warnings };
}

const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((d) => d.code);

describe('the document store', () => {
  it('applies an editor\'s changes as LSP reads them, the same text as vscode-languageserver-textdocument after 2,000 random ones', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    // No lone CR: where an edit joins one to an LF, that library's line table and a fresh one disagree.
    let text = 'first line\r\nsecond\n\nthird\r\nfourth';
    let oracle = TextDocument.create(DOC, 'markdown', 0, text);
    for (let version = 1; version <= 2000; version++) {
      const changes: TextChange[] = [];
      for (let count = 1 + Math.floor(next() * 3); changes.length < count; ) {
        // Each change is read in the text the one before left. A position past its line's end is
        // clamped, and a range may be written end first (not past the last line: there that
        // library's line table goes wrong).
        const lineCount = new LineIndex(applyTextChanges(text, changes)).lineCount;
        const position = () => ({ line: Math.floor(next() * lineCount), character: Math.floor(next() * 14) });
        changes.push(next() < 0.02 ? { text: pick(['', 'whole\nnew text', 'x']) } : { range: { start: position(), end: position() }, text: pick(['', 'a', '\n', '\r\n', 'word ', 'two\nlines']) });
      }
      text = applyTextChanges(text, changes);
      oracle = TextDocument.update(oracle, changes, version);
      assert.equal(text, oracle.getText(), `change ${version}: ${JSON.stringify(changes)}`);
    }
  });

  it('keeps the text of each open document, warns of a version that does not increase and applies it all the same', () => {
    const { store, warnings } = storeOver();
    store.opened(DOC, 3, 'one\ntwo\n');
    assert.equal(store.changed(DOC, 4, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'deux' }]), true);
    assert.deepEqual(store.get(DOC), { uri: DOC, version: 4, text: 'one\ndeux\n' });
    assert.deepEqual(warnings, []);
    store.changed(DOC, 2, [{ text: 'older\n' }]);
    assert.deepEqual(store.get(DOC), { uri: DOC, version: 2, text: 'older\n' });
    assert.match(warnings.join('\n'), /version 2 is not newer than 4/);
    assert.equal(store.changed('file:///ws/not-open.md', 1, [{ text: 'x' }]), false, 'a document not open is not changed');
    assert.equal(store.closed(DOC), true);
    assert.equal(store.get(DOC), undefined);
    assert.equal(store.closed(DOC), false);
  });

  it('asks where a document belongs once, however many edits and analyses, and again after reassign', async () => {
    const { store, asked } = storeOver();
    store.opened(DOC, 1, ':claim[One]{#c1}\n');
    for (let version = 2; version <= 5; version++) {
      store.changed(DOC, version, [{ text: `:claim[Version ${version}]{#c1}\n` }]);
      assert.deepEqual(codes((await store.diagnosticsOf(DOC)).diagnostics), ['unsupported-claim']);
      await store.ownerOf(DOC);
    }
    assert.deepEqual(asked, [DOC]);
    store.reassign();
    await store.diagnosticsOf(DOC);
    assert.deepEqual(asked, [DOC, DOC]);
  });

  it('does not keep a failure to say where a document belongs: the next request asks again', async () => {
    let fail = true;
    const service = createService({ host: new MemoryHost(), settings: DEFAULT_SETTINGS });
    const store = new DocumentStore({
      ownerOf: async () => {
        if (fail) throw new Error('the client did not answer');
        return { workspaceFolder: WORKSPACE, service, checked: true };
      },
      yieldControl: async () => {},
      warn: () => {},
    });
    store.opened(DOC, 1, ':claim[One]{#c1}\n');
    await assert.rejects(store.analysisOf(DOC), /did not answer/);
    fail = false;
    assert.equal((await store.analysisOf(DOC)).syntax.model.markers.length, 1);
  });

  it('shares one analysis per text, and gives up the analysis of a text an edit replaced', async () => {
    const { store } = storeOver();
    const blocks = Array.from({ length: 200 }, (_, i) => `:claim[Claim ${i}]{#c${i}}\n`).join('\n');
    store.opened(DOC, 1, blocks);
    const first = store.analysisOf(DOC);
    assert.equal(store.analysisOf(DOC), first, 'the same text, the same analysis');
    store.changed(DOC, 2, [{ text: `${blocks}\n:claim[New]{#c-new}\n` }]);
    await assert.rejects(first, Superseded);
    const newest = await store.analysisOf(DOC);
    assert.equal(newest.syntax.model.markers.at(-1)?.attributes.id, 'c-new');
    store.closed(DOC);
    await assert.rejects(store.analysisOf(DOC), Superseded, 'a closed document has no analysis');
  });

  it('neither checks nor analyses a document its settings leave out', async () => {
    const { store } = storeOver({}, (uri) => !uri.path.endsWith('draft.md'));
    const draft = 'file:///ws/draft.md';
    store.opened(draft, 1, ':claim[Unsupported]{#c1}\n');
    const { document, diagnostics } = await store.diagnosticsOf(draft);
    assert.deepEqual({ document, diagnostics }, { document: { uri: draft, version: 1, text: ':claim[Unsupported]{#c1}\n' }, diagnostics: [] });
    store.opened(DOC, 1, ':claim[Unsupported]{#c1}\n');
    assert.deepEqual(codes((await store.diagnosticsOf(DOC)).diagnostics), ['unsupported-claim']);
  });

  it('holds bibliography buffers for the host to read, but neither lists nor analyses them', async () => {
    const { store } = storeOver();
    const bib = 'file:///ws/refs.bib';
    store.opened(bib, 1, '@misc{key, title={T}}\n');
    store.opened(DOC, 1, 'Text\n');
    assert.equal(store.textOf(bib), '@misc{key, title={T}}\n');
    assert.equal(store.get(bib), undefined);
    assert.deepEqual(store.all().map((document) => document.uri), [DOC]);
    await assert.rejects(store.analysisOf(bib), Superseded);
  });

  it('stands in the last finished analysis until the current text\'s is done, with how offsets moved', async () => {
    const { store } = storeOver();
    store.opened(DOC, 1, 'Prose first. :claim[Kyiv changed course [the decree](https://example.org/d)]{#c1}\n');
    assert.equal(store.settledAnalysisOf(DOC), undefined, 'nothing has finished yet');
    await store.analysisOf(DOC);
    assert.equal(store.settledAnalysisOf(DOC), undefined, 'the current text is analysed: ask for it');
    store.changed(DOC, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Some ' }]);
    const settled = store.settledAnalysisOf(DOC)!;
    assert.equal(settled.analysis.syntax.model.text.startsWith('Prose first.'), true, 'the analysis of the text before the edit');
    assert.equal(settled.shift.forward(13), 18, 'the claim moved by the inserted word');
    assert.equal(settled.lines.offsetAt({ line: 0, character: 18 }), 18, 'lines of the current text');
    await store.analysisOf(DOC);
    assert.equal(store.settledAnalysisOf(DOC), undefined);
  });

  it('stands in an older analysis only for an edit of prose words outside markers and the front matter', async () => {
    const edits: Record<string, string> = {
      'a word in a marker': 'Prose first. :claim[Kyiv changed its course]{#c1}\n',
      'a line break': 'Prose\nfirst. :claim[Kyiv changed course]{#c1}\n',
      'a bracket': 'Prose [first. :claim[Kyiv changed course]{#c1}\n',
      'a word after a colon': 'Prose :first. :claim[Kyiv changed course]{#c1}\n',
      'a near miss': 'Prose :clim. :claim[Kyiv changed course]{#c1}\n'.replace(':clim.', ':cliim.'),
    };
    for (const [what, changed] of Object.entries(edits)) {
      const { store } = storeOver();
      const original = what === 'a near miss' ? 'Prose :clim. :claim[Kyiv changed course]{#c1}\n' : 'Prose first. :claim[Kyiv changed course]{#c1}\n';
      store.opened(DOC, 1, original);
      await store.analysisOf(DOC);
      store.changed(DOC, 2, [{ text: changed }]);
      assert.equal(store.settledAnalysisOf(DOC), undefined, what);
    }
  });

  it('stands in an older analysis for a word typed or taken away before a marker that starts a line', async () => {
    const original = 'Prose first.\n\n:claim[Kyiv changed course]{#c1}\n';
    const typed = 'Prose first.\n\nWord :claim[Kyiv changed course]{#c1}\n';
    for (const [from, to] of [[original, typed], [typed, original]] as const) {
      const { store } = storeOver();
      store.opened(DOC, 1, from);
      await store.analysisOf(DOC);
      store.changed(DOC, 2, [{ text: to }]);
      const settled = store.settledAnalysisOf(DOC);
      assert.ok(settled, JSON.stringify(to));
      assert.equal(settled.shift.forward(from.indexOf(':claim')), to.indexOf(':claim'));
    }
  });

  it('stands in no older analysis for a word that changes what a line is, or a marker on it', async () => {
    const edits: Record<string, [string, string]> = {
      'a word before a leaf marker': ['Prose.\n\n::claim[Kyiv changed course]{#c1}\n', 'Prose.\n\nWord ::claim[Kyiv changed course]{#c1}\n'],
      'a word after a leaf marker': ['Prose.\n\n::claim[Kyiv changed course]{#c1}\n', 'Prose.\n\n::claim[Kyiv changed course]{#c1} word\n'],
      'a word joined to a marker': ['Prose. :claim[Kyiv changed course]{#c1}\n', 'Prose. Word:claim[Kyiv changed course]{#c1}\n'],
      'a word before a list item': ['Prose.\n\n- :claim[Kyiv changed course]{#c1}\n', 'Prose.\n\nWord - :claim[Kyiv changed course]{#c1}\n'],
      'a word before indented code': ['Prose.\n\n    :claim[Kyiv changed course]{#c1}\n', 'Prose.\n\nWord    :claim[Kyiv changed course]{#c1}\n'],
      'indentation': ['Prose.\n\nWords :claim[Kyiv changed course]{#c1}\n', 'Prose.\n\n    Words :claim[Kyiv changed course]{#c1}\n'],
      'a number that starts a list': ['Prose.\n\n1 :claim[Kyiv changed course]{#c1}\n', 'Prose.\n\n1. :claim[Kyiv changed course]{#c1}\n'],
      'a web address': ['Prose. example.org :claim[Kyiv changed course]{#c1}\n', 'Prose. www.example.org :claim[Kyiv changed course]{#c1}\n'],
    };
    for (const [what, [original, changed]] of Object.entries(edits)) {
      const { store } = storeOver();
      store.opened(DOC, 1, original);
      await store.analysisOf(DOC);
      store.changed(DOC, 2, [{ text: changed }]);
      assert.equal(store.settledAnalysisOf(DOC), undefined, what);
    }
  });

  it('keeps the diagnostics of the older analysis for an edit of prose words, moved where the text moved, and computes them afresh when asked', async () => {
    const { store } = storeOver();
    store.opened(DOC, 1, 'Prose first.\n\n:claim[Kyiv changed course]{#c1}\n');
    await store.diagnosticsOf(DOC);
    store.changed(DOC, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Word ' }]);
    const kept = await store.diagnosticsOf(DOC);
    assert.equal(kept.kept, true);
    assert.equal(kept.document.version, 2);
    assert.deepEqual(kept.diagnostics.map((d) => [d.code, d.range.start, d.range.end]), [['unsupported-claim', { line: 2, character: 5 }, { line: 2, character: 12 }]]);
    const fresh = await store.diagnosticsOf(DOC, { fresh: true });
    assert.equal(fresh.kept, false);
    assert.deepEqual(fresh.diagnostics, kept.diagnostics);
    assert.equal((await store.diagnosticsOf(DOC)).kept, false, 'the current text is analysed now');
  });

  it('keeps no diagnostics for words in an HTML comment or a definition, under a standard, or where a diagnostic lies', async () => {
    const edits: Record<string, [string, string]> = {
      'a code in a silencing comment': ['<!-- tradecraft-disable-next-line -->\n:claim[Kyiv changed course]{#c1}\n', '<!-- tradecraft-disable-next-line unsupported-claim -->\n:claim[Kyiv changed course]{#c1}\n'],
      'a word that makes a silencing comment': ['<!-- tradecraft-disabl -->\n:claim[Kyiv changed course]{#c1}\n', '<!-- tradecraft-disable -->\n:claim[Kyiv changed course]{#c1}\n'],
      'the destination of a definition': [':claim[Kyiv changed course [the notes]]{#c1}\n\n[the notes]: notes.md\n', ':claim[Kyiv changed course [the notes]]{#c1}\n\n[the notes]: notes2.md\n'],
      'the destination of a definition on its own line': [':claim[Kyiv changed course [the notes]]{#c1}\n\n[the notes]:\n  notes.md\n', ':claim[Kyiv changed course [the notes]]{#c1}\n\n[the notes]:\n  notes2.md\n'],
      'prose under a standard': ['---\nstandards: icd203\n---\nProse.\n\n:claim[Kyiv will change course]{#c1}\n', '---\nstandards: icd203\n---\nProse likely.\n\n:claim[Kyiv will change course]{#c1}\n'],
    };
    for (const [what, [original, changed]] of Object.entries(edits)) {
      const { store } = storeOver({ 'notes.md': '# Notes\n' });
      store.opened(DOC, 1, original);
      await store.diagnosticsOf(DOC);
      store.changed(DOC, 2, [{ text: changed }]);
      assert.equal((await store.diagnosticsOf(DOC)).kept, false, what);
    }
  });

  it('keeps the diagnostics across a word typed in the text of a marker named by its id, but not of one without an id or across an id', async () => {
    const edits: Record<string, [string, boolean]> = {
      'the text of a claim with an id': [':claim[Kyiv changed its course]{#c1}\n', true],
      'the text of a claim without an id': [':claim[Kyiv changed its course]\n', false],
      'an id': [':claim[Kyiv changed course]{#c1x}\n', false],
    };
    for (const [what, [changed, keeps]] of Object.entries(edits)) {
      const { store } = storeOver();
      store.opened(DOC, 1, changed.replace(' its', '').replace('c1x', 'c1'));
      const before = await store.diagnosticsOf(DOC);
      store.changed(DOC, 2, [{ text: changed }]);
      const after = await store.diagnosticsOf(DOC);
      assert.equal(after.kept, keeps, what);
      assert.deepEqual(after.diagnostics, (await store.diagnosticsOf(DOC, { fresh: true })).diagnostics, what);
      if (keeps) assert.deepEqual(after.diagnostics, before.diagnostics, 'the claim\'s opening did not move');
    }
  });

  it('keeps only diagnostics that an analysis of the edited text gives, on every edit of the examples and cases', async () => {
    const next = random(11);
    const words = ['Word ', 'x', ' likely', ' unsupported-claim', ' ', 'a b', 'notes', 'e', '\t', 'tradecraft-disable'];
    let kept = 0;
    for (const path of DOCUMENTS) {
      const text = readFileSync(path, 'utf8');
      for (let trial = 0; trial < 25; trial++) {
        const { store } = storeOver();
        store.opened(DOC, 1, text);
        await store.diagnosticsOf(DOC);
        const lines = new LineIndex(text);
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.3 ? 1 + Math.floor(next() * 5) : 0;
        const range = lines.rangeOf({ start: at, end: Math.min(text.length, at + removed) });
        store.changed(DOC, 2, [{ range, text: removed && next() < 0.5 ? '' : words[Math.floor(next() * words.length)]! }]);
        const fast = await store.diagnosticsOf(DOC);
        if (!fast.kept) continue;
        kept++;
        assert.deepEqual(fast.diagnostics, (await store.diagnosticsOf(DOC, { fresh: true })).diagnostics, `${path} at ${at}`);
      }
    }
    assert.ok(kept > 20, `only ${kept} edits kept their diagnostics: the test checks little`);
  });

  it('answers an edit undone with the analysis of the text it brought back, without analysing again', async () => {
    const { store } = storeOver();
    const text = ':claim[A claim]{#c1}\n';
    store.opened(DOC, 1, text);
    const first = await store.analysisOf(DOC);
    store.changed(DOC, 2, [{ text: ':claim[A claim]{#c1 for=}\n' }]);
    const edited = store.analysisOf(DOC);
    store.changed(DOC, 3, [{ text }]);
    await assert.rejects(edited, Superseded);
    assert.equal(await store.analysisOf(DOC), first);
  });

  it('never keeps an analysis begun before the settings or files changed, though it finishes after', async () => {
    const { store } = storeOver();
    store.opened(DOC, 1, ':claim[A claim [@k]]{#c1}\n');
    const begun = store.analysisOf(DOC);
    store.reassign();
    const stale = await begun;
    assert.notEqual(await store.analysisOf(DOC), stale, 'the text is analysed again against what the files now say');
  });
});
