/**
 * Hover, go to definition, find references and rename over the protocol, against the real server
 * on a temporary workspace with a front matter, a BibTeX and a CSL-JSON bibliography.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, CSL_JSON_FIXTURE as CSL_JSON, INVALID_REQUEST, rangeOf, responseError, type Range } from './helpers.js';
import { LspTestClient, positionOf } from './lspClient.js';

const BIB = `@report{stats-2023,
  title = {Foreign Trade of Ukraine in 2023},
  institution = {State Statistics Service of Ukraine},
  year = {2023},
  url = {https://ukrstat.gov.ua/trade-2023}
}

@misc{evil-bib,
  title = {Bad link},
  url = {javascript:alert(1)}
}
`;

const OTHER = `# Other notes

:claim[Sanctions were eased in secret]{#c-secret}
`;

const MAIN = `---
title: Policy shift
sources:
  decree-2026:
    title: Decree on restrictive measures
    publisher: Office of the President of Ukraine
    date: 2026-02-18
    url: https://www.president.gov.ua/documents/example
  sybiha-2026: https://mfa.gov.ua/en/news/example
  evil:
    title: "Evil [click](command:evil) source"
    url: javascript:alert(1)
  cmd:
    title: Command source
    url: command:workbench.action.reloadWindow
bibliography:
  - refs.bib
  - refs.json
---

:claim[Kyiv's new line on Minsk is mostly symbolic]{#c1 confidence=moderate}

:evidence[The decree lists only officials [@decree-2026, p. 4]]{#e1 for=c1}

:evidence[Trade had collapsed, as @stats-2023 shows]{#e2 for=c1,h1}

:evidence[An official denied it]{#e3 against=c1 src=sybiha-2026}

:hypothesis[A new chief of staff changed course]{#h1 status=open}

:evidence[Analysts disagree [@osw-2025]]{#e4 against=h1}

:claim[Nothing backs this]{#c2}

:evidence[As @decree-2026 says, and @someone repeats]{#e5 for=zz src=decree-2026}

Unknown [@nonexistent-key], the [decree text](https://www.president.gov.ua/documents/example), [a page](https://example.org/page), [notes](other.md) and [bad](javascript:void(0)).

Plain prose with no markers here.

Dangerous: [@evil] and [@cmd] and [@evil-bib].
`;

const DECREE_CARD = [
  '**Decree on restrictive measures**',
  'Office of the President of Ukraine · 2026-02-18',
  '[https\\://www\\.president.gov.ua/documents/example](https://www.president.gov.ua/documents/example)',
];

describe('navigation over the protocol: hover, definition, references, rename', () => {
  let workspace: string;
  let client: LspTestClient;
  let uri: string;

  const at = (needle: string, shift = 0, occurrence = 1) => ({ textDocument: { uri }, position: positionOf(MAIN, needle, shift, occurrence) });
  const hover = (needle: string, shift = 0, occurrence = 1) => client.request<Hover | null>('textDocument/hover', at(needle, shift, occurrence));
  const markdownOf = (answer: Hover | null) => {
    assert.ok(answer, 'expected a hover');
    const contents = answer.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };
  const inMain = (range: Range): Location => ({ uri, range });
  const keyInMain = (needle: string, shift: number, length = needle.length - shift, occurrence = 1) => inMain(rangeOf(MAIN, needle, shift, length, occurrence));

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-nav-'));
    writeFileSync(join(workspace, 'refs.bib'), BIB);
    writeFileSync(join(workspace, 'refs.json'), CSL_JSON);
    writeFileSync(join(workspace, 'other.md'), OTHER);
    writeFileSync(join(workspace, 'main.md'), MAIN);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    uri = await client.open('main.md', MAIN);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  describe('hover', () => {
    it('shows the source card of a bracketed citation with its locator, on exactly the citation item', async () => {
      const expected = {
        contents: { kind: 'markdown', value: [...DECREE_CARD, 'Cited at p. 4', '`@decree-2026` · defined in the front matter'].join('  \n') },
        range: rangeOf(MAIN, '@decree-2026, p. 4'),
      };
      assert.deepEqual(await hover('@decree-2026, p. 4', 0), expected, 'on the @');
      assert.deepEqual(await hover('@decree-2026, p. 4', 5), expected, 'inside the key');
      assert.deepEqual(await hover('@decree-2026, p. 4', 16), expected, 'on the locator');
      assert.equal(await hover('officials [@decree', 3), null, 'not on the prose before the bracket');
    });

    it('shows the card of an in-text citation, from the BibTeX file', async () => {
      assert.deepEqual(await hover('@stats-2023', 3), {
        contents: {
          kind: 'markdown',
          value: [
            '**Foreign Trade of Ukraine in 2023**',
            'State Statistics Service of Ukraine · 2023',
            '[https\\://ukrstat.gov.ua/trade-2023](https://ukrstat.gov.ua/trade-2023)',
            '`@stats-2023` · defined in `refs.bib`',
          ].join('  \n'),
        },
        range: rangeOf(MAIN, '@stats-2023'),
      });
    });

    it('shows the author and date of a CSL-JSON entry', async () => {
      assert.equal(markdownOf(await hover('@osw-2025', 2)), [
        '**Belarus after the election**',
        'Klysinski, Kamil · 2025-03-01',
        '[https\\://www\\.osw.waw.pl/en/example](https://www.osw.waw.pl/en/example)',
        '`@osw-2025` · defined in `refs.json`',
      ].join('  \n'));
    });

    it('shows the card of a src= key', async () => {
      assert.deepEqual(await hover('src=sybiha-2026', 6), {
        contents: {
          kind: 'markdown',
          value: ['**sybiha-2026**', '[https\\://mfa.gov.ua/en/news/example](https://mfa.gov.ua/en/news/example)', '`@sybiha-2026` · defined in the front matter'].join('  \n'),
        },
        range: rangeOf(MAIN, 'src=sybiha-2026', 4),
      });
    });

    it('says that an unknown key is not defined, and says nothing on an in-text @handle', async () => {
      assert.deepEqual(await hover('@nonexistent-key', 4), {
        contents: { kind: 'markdown', value: '`@nonexistent-key` is not defined in the sources or bibliography files.' },
        range: rangeOf(MAIN, '@nonexistent-key'),
      });
      assert.equal(await hover('@someone', 3), null);
    });

    it('on a claim, says whether it is supported, by which markers, and what weighs against it', async () => {
      const value = [
        '**claim `c1`: Kyiv\'s new line on Minsk is mostly symbolic** (confidence moderate)',
        '',
        '✓ Supported through the markers below.',
        '',
        'Supported by:',
        '- evidence `e1`: The decree lists only officials \\[@decree-2026, p. 4\\] (cites `@decree-2026`)',
        '- evidence `e2`: Trade had collapsed, as @stats-2023 shows (cites `@stats-2023`)',
        '',
        'Weighs against it:',
        '- evidence `e3`: An official denied it (cites `@sybiha-2026`)',
      ].join('\n');
      assert.deepEqual(await hover(':claim[Kyiv', 3), { contents: { kind: 'markdown', value }, range: rangeOf(MAIN, ':claim[Kyiv', 0, ':claim['.length) });
      assert.deepEqual(await hover('{#c1', 3), { contents: { kind: 'markdown', value }, range: rangeOf(MAIN, '{#c1', 2) }, 'on its id');
      assert.deepEqual(await hover(':claim[Nothing', 1), {
        contents: { kind: 'markdown', value: '**claim `c2`: Nothing backs this**\n\n✗ Not supported: no working source, and nothing grounded supports it.' },
        range: rangeOf(MAIN, ':claim[Nothing', 0, ':claim['.length),
      });
    });

    it('on a hypothesis, lists the evidence for and against it', async () => {
      assert.deepEqual(await hover(':hypothesis[A new', 4), {
        contents: {
          kind: 'markdown',
          value: [
            '**hypothesis `h1`: A new chief of staff changed course** (status open)',
            '',
            'Evidence for:',
            '- evidence `e2`: Trade had collapsed, as @stats-2023 shows (cites `@stats-2023`)',
            '',
            'Evidence against:',
            '- evidence `e4`: Analysts disagree \\[@osw-2025\\] (cites `@osw-2025`)',
          ].join('\n'),
        },
        range: rangeOf(MAIN, ':hypothesis[A new', 0, ':hypothesis['.length),
      });
    });

    it('on an id in for= or against=, shows the kind and text of the marker it names', async () => {
      assert.deepEqual(await hover('#e1 for=c1', 9), {
        contents: { kind: 'markdown', value: 'claim `c1`: Kyiv\'s new line on Minsk is mostly symbolic' },
        range: rangeOf(MAIN, '#e1 for=c1', 8),
      });
      assert.deepEqual(await hover('for=c1,h1', 7), {
        contents: { kind: 'markdown', value: 'hypothesis `h1`: A new chief of staff changed course' },
        range: rangeOf(MAIN, 'for=c1,h1', 7),
      });
      assert.deepEqual(await hover('against=h1', 9), {
        contents: { kind: 'markdown', value: 'hypothesis `h1`: A new chief of staff changed course' },
        range: rangeOf(MAIN, 'against=h1', 8),
      });
      assert.deepEqual(await hover('for=zz', 4), {
        contents: { kind: 'markdown', value: 'No marker has the id `zz`.' },
        range: rangeOf(MAIN, 'for=zz', 4),
      });
    });

    it('on a link: the card of the source with that URL, the URL itself, or the workspace file', async () => {
      assert.deepEqual(await hover('[decree text]', 2), {
        contents: { kind: 'markdown', value: [...DECREE_CARD, '`@decree-2026` · defined in the front matter'].join('  \n') },
        range: rangeOf(MAIN, '[decree text](https://www.president.gov.ua/documents/example)'),
      });
      assert.deepEqual(await hover('[a page]', 2), {
        contents: { kind: 'markdown', value: '[https\\://example.org/page](https://example.org/page)' },
        range: rangeOf(MAIN, '[a page](https://example.org/page)'),
      });
      assert.deepEqual(await hover('[notes]', 2), {
        contents: { kind: 'markdown', value: `Workspace file [other.md](${client.uri('other.md')})` },
        range: rangeOf(MAIN, '[notes](other.md)'),
      });
    });

    it('never renders a javascript: or command: URL as a Markdown link, and escapes Markdown in titles', async () => {
      const evil = markdownOf(await hover('[@evil]', 2));
      assert.equal(evil, ['**Evil \\[click\\](command:evil) source**', '`javascript:alert(1)`', '`@evil` · defined in the front matter'].join('  \n'));
      const command = markdownOf(await hover('[@cmd]', 2));
      assert.equal(command, ['**Command source**', '`command:workbench.action.reloadWindow`', '`@cmd` · defined in the front matter'].join('  \n'));
      const fromBib = markdownOf(await hover('[@evil-bib]', 2));
      assert.equal(fromBib, ['**Bad link**', '`javascript:alert(1)`', '`@evil-bib` · defined in `refs.bib`'].join('  \n'));
      const link = markdownOf(await hover('[bad]', 2));
      assert.equal(link, '`javascript:void(0)`');
      for (const value of [evil, command, fromBib, link]) assert.doesNotMatch(value, /(?<!\\)\]\((?:javascript|command):/, 'an unescaped link to a dangerous URL');
    });

    it('answers null on plain prose, on a blank line and past the end of the document', async () => {
      assert.equal(await hover('Plain prose', 3), null);
      assert.equal(await hover('Unknown [@', 2), null);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 19, character: 0 } }), null);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 999, character: 3 } }), null);
    });
  });

  describe('definition', () => {
    const definition = (needle: string, shift = 0) => client.request<Location[]>('textDocument/definition', at(needle, shift));

    it('goes from a citation key to its key in the front matter', async () => {
      const expected = [keyInMain('  decree-2026:', 2, 'decree-2026'.length)];
      assert.deepEqual(await definition('[@decree-2026, p. 4', 5), expected, 'bracketed');
      assert.deepEqual(await definition('As @decree-2026', 5), expected, 'in-text');
      assert.deepEqual(await definition('src=decree-2026', 6), expected, 'src=');
      assert.deepEqual(await definition('src=sybiha-2026', 6), [keyInMain('  sybiha-2026:', 2, 'sybiha-2026'.length)]);
    });

    it('goes to the entry key in a BibTeX file and in a CSL-JSON file', async () => {
      assert.deepEqual(await definition('@stats-2023', 4), [{ uri: client.uri('refs.bib'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 18 } } }]);
      assert.deepEqual(await definition('@osw-2025', 4), [{ uri: client.uri('refs.json'), range: { start: { line: 2, character: 11 }, end: { line: 2, character: 19 } } }]);
    });

    it('goes from an id in for= or against= to the marker\'s #id', async () => {
      assert.deepEqual(await definition('#e1 for=c1', 9), [keyInMain('{#c1', 2, 2)]);
      assert.deepEqual(await definition('against=h1', 9), [keyInMain('{#h1', 2, 2)]);
    });

    it('goes from a link to a workspace file to that file', async () => {
      assert.deepEqual(await definition('[notes]', 3), [{ uri: client.uri('other.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    });

    it('finds nothing on prose, an unknown key or an unknown id', async () => {
      assert.deepEqual(await definition('Plain prose', 2), []);
      assert.deepEqual(await definition('@nonexistent-key', 3), []);
      assert.deepEqual(await definition('for=zz', 5), []);
    });
  });

  describe('references', () => {
    const references = (needle: string, shift: number, includeDeclaration: boolean) =>
      client.request<Location[]>('textDocument/references', { ...at(needle, shift), context: { includeDeclaration } });
    const c1Uses = () => [keyInMain('#e1 for=c1', 8, 2), keyInMain('for=c1,h1', 4, 2), keyInMain('against=c1', 8, 2)];

    it('finds every for=/against= use of an id, and its #id when asked', async () => {
      const declaration = keyInMain('{#c1', 2, 2);
      assert.deepEqual(await references('{#c1', 3, true), [declaration, ...c1Uses()]);
      assert.deepEqual(await references('{#c1', 3, false), c1Uses());
      assert.deepEqual(await references('against=c1', 9, true), [declaration, ...c1Uses()], 'from a use');
      assert.deepEqual(await references('{#h1', 3, true), [keyInMain('{#h1', 2, 2), keyInMain('for=c1,h1', 7, 2), keyInMain('against=h1', 8, 2)]);
    });

    it('finds the front-matter key, bracketed, in-text and src= uses of a source key', async () => {
      const expected = [
        keyInMain('  decree-2026:', 2, 'decree-2026'.length),
        keyInMain('[@decree-2026, p. 4]', 2, 'decree-2026'.length),
        keyInMain('As @decree-2026', 4, 'decree-2026'.length),
        keyInMain('src=decree-2026', 4),
      ];
      const sorted = (locations: Location[]) => [...locations].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      assert.deepEqual(sorted(await references('[@decree-2026', 4, true)), expected);
      assert.deepEqual(sorted(await references('  decree-2026:', 4, true)), expected, 'from the front matter');
      assert.deepEqual(sorted(await references('src=decree-2026', 6, false)), expected.slice(1));
    });

    it('finds the key in the bibliography file with the uses in the document', async () => {
      assert.deepEqual(await references('@stats-2023', 3, true), [
        { uri: client.uri('refs.bib'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 18 } } },
        keyInMain('@stats-2023', 1),
      ]);
    });

    it('finds nothing on prose', async () => {
      assert.deepEqual(await references('Plain prose', 2, true), []);
    });
  });

  describe('rename', () => {
    const prepare = (needle: string, shift: number) => client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', at(needle, shift));
    const rename = (needle: string, shift: number, newName: string) => client.request<WorkspaceEdit | null>('textDocument/rename', { ...at(needle, shift), newName });

    it('prepares an id or a key with its range and current name', async () => {
      assert.deepEqual(await prepare('{#c1', 3), { range: rangeOf(MAIN, '{#c1', 2), placeholder: 'c1' });
      assert.deepEqual(await prepare('for=c1,h1', 8), { range: rangeOf(MAIN, 'for=c1,h1', 7), placeholder: 'h1' });
      assert.deepEqual(await prepare('[@decree-2026, p. 4', 6), { range: rangeOf(MAIN, '[@decree-2026', 2), placeholder: 'decree-2026' });
      assert.deepEqual(await prepare('  decree-2026:', 3), { range: rangeOf(MAIN, '  decree-2026', 2), placeholder: 'decree-2026' });
    });

    it('refuses with an error response on prose, on a marker\'s opening and on a key defined nowhere', async () => {
      await assert.rejects(prepare('Plain prose', 3), responseError(INVALID_REQUEST, /^Only marker ids and source keys can be renamed\.$/));
      await assert.rejects(prepare(':claim[Kyiv', 2), responseError(INVALID_REQUEST, /^Only marker ids and source keys can be renamed\.$/));
      await assert.rejects(prepare('@nonexistent-key', 3), responseError(INVALID_REQUEST, /"nonexistent-key" is not defined/));
    });

    it('renames an id at its #id and at every use', async () => {
      const edit = await rename('against=c1', 9, 'c-symbolic');
      assert.deepEqual(Object.keys(edit?.changes ?? {}), [uri]);
      const renamed = applyEdits(MAIN, edit!.changes![uri]!);
      assert.equal(renamed, MAIN.replace('{#c1 ', '{#c-symbolic ').replace('for=c1}', 'for=c-symbolic}').replace('for=c1,h1', 'for=c-symbolic,h1').replace('against=c1 ', 'against=c-symbolic '));
      assert.doesNotMatch(renamed, /\bc1\b/);
    });

    it('renames a key defined in the front matter everywhere in the document', async () => {
      const edit = await rename('As @decree-2026', 5, 'decree');
      assert.deepEqual(Object.keys(edit?.changes ?? {}), [uri]);
      assert.equal(applyEdits(MAIN, edit!.changes![uri]!), MAIN.replaceAll('decree-2026', 'decree'));
    });

    it('renames a key defined in a BibTeX file in the document and in that file', async () => {
      const edit = await rename('@stats-2023', 2, 'trade-stats');
      const bibUri = client.uri('refs.bib');
      assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [uri, bibUri].sort());
      assert.deepEqual(edit!.changes![bibUri], [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 18 } }, newText: 'trade-stats' }]);
      assert.equal(applyEdits(readFileSync(join(workspace, 'refs.bib'), 'utf8'), edit!.changes![bibUri]!), BIB.replace('@report{stats-2023,', '@report{trade-stats,'));
      assert.equal(applyEdits(MAIN, edit!.changes![uri]!), MAIN.replace('@stats-2023', '@trade-stats'));
    });

    it('renames a key defined in a CSL-JSON file in that file too', async () => {
      const edit = await rename('@osw-2025', 3, 'osw');
      const jsonUri = client.uri('refs.json');
      assert.equal(applyEdits(CSL_JSON, edit!.changes![jsonUri]!), CSL_JSON.replace('"id": "osw-2025"', '"id": "osw"'));
      assert.equal(applyEdits(MAIN, edit!.changes![uri]!), MAIN.replace('[@osw-2025]', '[@osw]'));
    });

    it('refuses an invalid new name with an error response', async () => {
      await assert.rejects(rename('{#c1', 3, '1st'), responseError(INVALID_REQUEST, /"1st" is not a valid id/));
      await assert.rejects(rename('{#c1', 3, 'two words'), responseError(INVALID_REQUEST, /"two words" is not a valid id/));
      await assert.rejects(rename('[@decree-2026', 4, 'bad key!'), responseError(INVALID_REQUEST, /"bad key!" is not a valid source key/));
      await assert.rejects(rename('Plain prose', 3, 'x'), responseError(INVALID_REQUEST, /Only marker ids and source keys/));
    });
  });

  describe('robustness', () => {
    it('answers null or [] for a document that was never opened, and keeps serving', async () => {
      const never = { textDocument: { uri: client.uri('never-opened.md') } };
      const position = { line: 0, character: 0 };
      assert.equal(await client.request('textDocument/hover', { ...never, position }), null);
      assert.deepEqual(await client.request('textDocument/definition', { ...never, position }), []);
      assert.deepEqual(await client.request('textDocument/references', { ...never, position, context: { includeDeclaration: true } }), []);
      assert.equal(await client.request('textDocument/prepareRename', { ...never, position }), null);
      assert.equal(await client.request('textDocument/rename', { ...never, position, newName: 'x' }), null);
      assert.deepEqual(await client.request('textDocument/completion', { ...never, position }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { ...never, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', never), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', never), []);
      assert.deepEqual(await client.request('textDocument/documentLink', never), []);
      assert.equal(markdownOf(await hover('@stats-2023', 2)).split('  \n')[0], '**Foreign Trade of Ukraine in 2023**', 'the server still answers');
    });

    it('answers a hover from the newest text after many rapid changes', async () => {
      const version = (i: number) => `${'word '.repeat(i % 7)}:claim[version ${i}]{#c${i}}\n`;
      const rapid = await client.open('rapid.md', version(0));
      for (let i = 1; i <= 40; i++) {
        if (i % 2 === 0) {
          await client.change(rapid, [{ text: version(i) }]);
        } else {
          const previous = version(i - 1);
          await client.change(rapid, [{ range: { start: { line: 0, character: 0 }, end: positionOf(previous, '\n') }, text: version(i).trimEnd() }]);
        }
      }
      const final = version(40);
      const answer = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: rapid }, position: positionOf(final, '{#c40', 3) });
      assert.deepEqual(answer, {
        contents: { kind: 'markdown', value: '**claim `c40`: version 40**\n\n✗ Not supported: no working source, and nothing grounded supports it.' },
        range: rangeOf(final, '{#c40', 2),
      });
      assert.deepEqual((await client.currentDiagnostics(rapid)).map((d) => [d.code, d.range.start]), [['unsupported-claim', positionOf(final, ':claim')]]);
    });
  });
});
