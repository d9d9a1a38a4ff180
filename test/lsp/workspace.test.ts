/**
 * The outline (document symbols), folding ranges, document links of the front matter and
 * workspace symbols over the protocol, against the real server on a temporary workspace.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentSymbol, FoldingRange, SymbolInformation, SymbolKind } from 'vscode-languageserver-protocol/node';
import { rangeOf } from './helpers.js';
import { LspTestClient, positionOf } from './lspClient.js';

const CLAIM_CLASS = 5 as const;
const FILE = 1 as const;
const VARIABLE = 13 as const;
const CONSTANT = 14 as const;
const EVENT = 24 as const;

const BIB = `@report{stats-2023,
  title = {Foreign Trade of Ukraine in 2023},
  year = {2023}
}
`;

const OUTLINE = `---
sources:
  decree-2026:
    title: Decree
    url: https://www.president.gov.ua/documents/example
  sybiha-2026: https://mfa.gov.ua/en/news/example
  doi-src:
    doi: 10.1000/xyz123
  evil:
    url: javascript:alert(1)
  cmd: command:workbench.action.reloadWindow
  data-src: data:text/html,hi
  plain: http://example.org/plain#section
bibliography: refs.bib
---

::::claim{#c-outer}
The outer claim spans many words that go on and on beyond eight words.

:::evidence{#e-inner for=c-outer}
The inner evidence [@decree-2026].
:::

:hypothesis[Inline hypothesis]{#h-inline}
::::

:::hypothesis
No id here.
:::

::evidence[A whole line of evidence [@sybiha-2026] [@stats-2023]]{#e-leaf for=h-inline}
`;

const NESTED_FIRST = `::::claim{#c-nest}
:::evidence{#e-first src=decree-2026}
The inner block.
:::
::::

:evidence[Points at it [x](https://example.org/x)]{#e-at for=c-nest}
`;

const OTHER = `# Other notes

:claim[Sanctions were eased in secret]{#c-secret}

::evidence[Customs data for 2025]{#e-customs for=c-secret}
`;

const LABELS = `::evidence[Customs data for 2025 [@stats-2023]]{#e-cited}

:claim[Not identified] and then :evidence[a later one]{#e-later}

:claim[Holds :evidence[a nested one]{#e-nested} inside]{#c-holder}
`;

const DEEP = ':hypothesis[A deep hypothesis]{#h-deep}\n';

const OPEN_ON_DISK = ':claim[Stale text saved on disk]{#c-stale}\n';
const OPEN_BUFFER = 'Edited: :claim[Fresh text in the editor]{#c-fresh}\n\n:evidence[Fresh evidence]{#e-fresh for=c-fresh}\n';

const CODE = [
  'Write `:claim[x]{#c-code}` to mark a claim.',
  '',
  '    :claim[indented code]{#c-indented}',
  '',
  '<div>',
  ':claim[in an HTML block]{#c-html}',
  '</div>',
  '',
  '```markdown',
  ':claim[fenced]{#c-fenced}',
  '```',
  '',
  ':claim[A real claim]{#c-real}',
  '',
].join('\n');

describe('workspace features over the protocol: outline, folding, links, workspace symbols', () => {
  let workspace: string;
  let client: LspTestClient;
  let outline: string;

  const fileUri = (path: string) => pathToFileURL(join(workspace, path)).href;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-ws-'));
    writeFileSync(join(workspace, 'refs.bib'), BIB);
    writeFileSync(join(workspace, 'outline.md'), OUTLINE);
    writeFileSync(join(workspace, 'other.md'), OTHER);
    writeFileSync(join(workspace, 'open.md'), OPEN_ON_DISK);
    writeFileSync(join(workspace, 'code.md'), CODE);
    writeFileSync(join(workspace, 'labels.md'), LABELS);
    mkdirSync(join(workspace, 'notes'));
    writeFileSync(join(workspace, 'notes', 'deep.md'), DEEP);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    outline = await client.open('outline.md', OUTLINE);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  describe('document symbols and folding', () => {
    it('outline every marker, nested as in the text, named by id and first words', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: outline } });
      const outerEnd = positionOf(OUTLINE, '::::\n\n:::hypothesis', 4);
      const leafLine = '::evidence[A whole line of evidence [@sybiha-2026] [@stats-2023]]{#e-leaf for=h-inline}';
      assert.deepEqual(symbols, [
        {
          name: 'c-outer — The outer claim spans many words that go…',
          detail: 'claim, supported',
          kind: CLAIM_CLASS,
          range: { start: positionOf(OUTLINE, '::::claim'), end: outerEnd },
          selectionRange: rangeOf(OUTLINE, '::::claim{#c-outer}'),
          children: [
            {
              name: 'e-inner — The inner evidence (decree-2026).',
              detail: 'evidence, sourced',
              kind: FILE,
              range: rangeOf(OUTLINE, ':::evidence{#e-inner for=c-outer}\nThe inner evidence [@decree-2026].\n:::'),
              selectionRange: rangeOf(OUTLINE, ':::evidence{#e-inner for=c-outer}'),
              children: [],
            },
            {
              name: 'h-inline — Inline hypothesis',
              detail: 'hypothesis',
              kind: VARIABLE,
              range: rangeOf(OUTLINE, ':hypothesis[Inline hypothesis]{#h-inline}'),
              selectionRange: rangeOf(OUTLINE, ':hypothesis['),
              children: [],
            },
          ],
        },
        {
          name: 'No id here.',
          detail: 'hypothesis',
          kind: VARIABLE,
          range: rangeOf(OUTLINE, ':::hypothesis\nNo id here.\n:::'),
          selectionRange: rangeOf(OUTLINE, ':::hypothesis\n', 0, ':::hypothesis'.length),
          children: [],
        },
        {
          name: 'e-leaf — A whole line of evidence (sybiha-2026) (stats-2023)',
          detail: 'evidence, sourced',
          kind: FILE,
          range: rangeOf(OUTLINE, leafLine),
          selectionRange: rangeOf(OUTLINE, '::evidence['),
          children: [],
        },
      ]);
    });

    it('name a block marker by its words, not by the fences and attributes of a marker nested in it', async () => {
      const uri = await client.open('nested-first.md', NESTED_FIRST);
      const [outer] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(outer?.children?.[0]?.name, 'e-first — The inner block.');
      assert.doesNotMatch(outer!.name, /:::|\{#/, `outline name "${outer!.name}"`);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(NESTED_FIRST, 'for=c-nest', 5) });
      assert.doesNotMatch(hover?.contents.value ?? '', /:::|\{#/, `hover on for=c-nest: "${hover?.contents.value}"`);
    });

    it('outline an assumption as a constant and an indicator as an event, with their status', async () => {
      const text = ':assumption[Minsk keeps its neutrality]{#a1 status=solid}\n\n:indicator[Kyiv reopens its airspace]{#i1 status=watch}\n';
      const uri = await client.open('v13-kinds.md', text);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail, symbol.kind]), [
        ['a1 — Minsk keeps its neutrality', 'assumption, solid', CONSTANT],
        ['i1 — Kyiv reopens its airspace', 'indicator, watch', EVENT],
      ]);
    });

    it('fold each block marker from its opening fence to its closing one', async () => {
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: outline } });
      const line = (needle: string, shift = 0) => positionOf(OUTLINE, needle, shift).line;
      assert.deepEqual(ranges, [
        { startLine: line('::::claim'), endLine: line('::::\n\n:::hypothesis') },
        { startLine: line(':::evidence{#e-inner'), endLine: line('[@decree-2026].\n:::', 16) },
        { startLine: line(':::hypothesis\n'), endLine: line('No id here.\n:::', 12) },
      ]);
    });
  });

  describe('document links', () => {
    it('link the http(s) and DOI URLs of the front matter and its bibliography files, nothing else', async () => {
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: outline } });
      assert.deepEqual(links, [
        { range: rangeOf(OUTLINE, 'https://www.president.gov.ua/documents/example'), target: 'https://www.president.gov.ua/documents/example' },
        { range: rangeOf(OUTLINE, 'https://mfa.gov.ua/en/news/example'), target: 'https://mfa.gov.ua/en/news/example' },
        { range: rangeOf(OUTLINE, '10.1000/xyz123'), target: 'https://doi.org/10.1000/xyz123' },
        { range: rangeOf(OUTLINE, 'http://example.org/plain#section'), target: 'http://example.org/plain#section' },
        { range: rangeOf(OUTLINE, 'refs.bib'), target: fileUri('refs.bib') },
      ]);
      for (const link of links) assert.doesNotMatch(link.target ?? '', /^(?:javascript|command|data):/);
    });

    it('are none for a document without front matter', async () => {
      const uri = await client.open('no-front-matter.md', ':claim[A link [x](https://example.org/x)]{#c1}\n');
      assert.deepEqual(await client.request('textDocument/documentLink', { textDocument: { uri } }), []);
    });
  });

  describe('workspace symbols', () => {
    let open: string;
    before(async () => {
      open = await client.open('open.md', OPEN_BUFFER);
    });
    const query = (text: string) => client.request<SymbolInformation[]>('workspace/symbol', { query: text });
    const byPlace = (a: SymbolInformation, b: SymbolInformation) => a.location.uri.localeCompare(b.location.uri) || a.location.range.start.line - b.location.range.start.line;
    const symbol = (name: string, kind: SymbolKind, uri: string, text: string, opening: string): SymbolInformation => ({ name, kind, location: { uri, range: rangeOf(text, opening) } });

    it('list the markers of open documents (from the buffer) and of unopened files, filtered by the query', async () => {
      const inThese = (symbols: SymbolInformation[]) =>
        symbols.filter((s) => [open, fileUri('other.md'), fileUri('notes/deep.md')].includes(s.location.uri)).sort(byPlace);
      assert.deepEqual(inThese(await query('')), [
        symbol('h-deep — A deep hypothesis', VARIABLE, fileUri('notes/deep.md'), DEEP, ':hypothesis['),
        symbol('c-fresh — Fresh text in the editor', CLAIM_CLASS, open, OPEN_BUFFER, ':claim['),
        symbol('e-fresh — Fresh evidence', FILE, open, OPEN_BUFFER, ':evidence['),
        symbol('c-secret — Sanctions were eased in secret', CLAIM_CLASS, fileUri('other.md'), OTHER, ':claim['),
        symbol('e-customs — Customs data for 2025', FILE, fileUri('other.md'), OTHER, '::evidence['),
      ].sort(byPlace));
      assert.deepEqual((await query('stale')).filter((s) => s.location.uri === open), [], 'the saved text of an open document is not used');
      assert.deepEqual(await query('secret'), [symbol('c-secret — Sanctions were eased in secret', CLAIM_CLASS, fileUri('other.md'), OTHER, ':claim[')]);
      assert.deepEqual((await query('FRESH')).sort(byPlace).map((s) => s.name), ['c-fresh — Fresh text in the editor', 'e-fresh — Fresh evidence'], 'case ignored');
      assert.deepEqual(inThese(await query('cstmsdt')).map((s) => s.name), ['e-customs — Customs data for 2025'], 'characters in order');
      assert.deepEqual(inThese(await query('scrt')).map((s) => s.name), ['c-secret — Sanctions were eased in secret'], 'characters in order');
      assert.deepEqual(await query('no such thing'), []);
    });

    it('follow edits of an open document', async () => {
      await client.change(open, [{ text: ':claim[Renamed in the buffer]{#c-renamed}\n' }]);
      assert.deepEqual(await query('renamed'), [symbol('c-renamed — Renamed in the buffer', CLAIM_CLASS, open, ':claim[Renamed in the buffer]{#c-renamed}\n', ':claim[')]);
      assert.deepEqual(await query('fresh'), []);
      await client.change(open, [{ text: OPEN_BUFFER }]);
    });

    it('name a block marker by its id and first words, as the outline does', async () => {
      const found = (await query('c-outer')).filter((s) => s.location.uri === outline);
      assert.deepEqual(found.map((s) => [s.name, s.kind, s.location.range.start]), [['c-outer — The outer claim spans many words that go…', CLAIM_CLASS, positionOf(OUTLINE, '::::claim')]]);
    });

    it('list a block marker written without an attribute block', async () => {
      const found = (await query('no id here')).filter((s) => s.location.uri === outline);
      assert.deepEqual(found.map((s) => [s.name, s.kind, s.location.range.start]), [['No id here.', VARIABLE, positionOf(OUTLINE, ':::hypothesis\n')]]);
    });

    it('leave out marker syntax in inline code, indented code, HTML blocks and fenced code of unopened files', async () => {
      const found = (await query('c-')).filter((s) => s.location.uri === fileUri('code.md'));
      assert.deepEqual(found.map((s) => s.name), ['c-real — A real claim']);
    });

    it('name a marker whose label holds a citation by its whole label', async () => {
      const found = (await query('e-cited')).filter((s) => s.location.uri === fileUri('labels.md'));
      assert.deepEqual(found, [symbol('e-cited — Customs data for 2025 (stats-2023)', FILE, fileUri('labels.md'), LABELS, '::evidence[')]);
    });

    it('give each marker its own id, when markers share a line or nest', async () => {
      const found = (await query('')).filter((s) => s.location.uri === fileUri('labels.md')).sort(byPlace);
      const idAndKind = found.slice(1).map((s) => [s.name.split(' — ')[0], s.kind]);
      assert.deepEqual(idAndKind, [['Not identified', CLAIM_CLASS], ['e-later', FILE], ['c-holder', CLAIM_CLASS], ['e-nested', FILE]]);
    });
  });
});
