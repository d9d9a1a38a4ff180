import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { analyzeFixture, diagnosticLines, lines } from '../support/check.js';

const SOURCES = lines('---', 'sources:', '  s1: https://example.org/s1', '---');

describe('one problem, one diagnostic', () => {
  it('reports only the broken source of a marker whose every source is broken', async () => {
    const text = lines(SOURCES, ':claim[A typo [@s2]]{#c1}', ':evidence[A [placeholder](#)]{#e1}', ':evidence[A [missing file](gone.pdf)]{#e2}', ':claim[Bad src]{#c2 src=nope}');
    assert.deepEqual(await diagnosticLines(text), ['3:unused-source', '5:unknown-source', '6:placeholder-link', '7:broken-link', '8:unknown-source']);
  });

  it('still reports a claim whose only support lacks a working source, naming that marker', async () => {
    const { diagnostics } = await analyzeFixture({ text: lines(':claim[Judgement]{#c1}', ':evidence[Hearsay]{#e1 for=c1}') });
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unsourced-evidence']);
    assert.match(diagnostics[0]!.message, /evidence "e1"/);
  });

  it('reports circular-support, not unsupported-claim, on a claim supporting itself', async () => {
    assert.deepEqual(await diagnosticLines(':claim[Self-evident]{#c1 for=c1}'), ['1:circular-support']);
  });

  it('grounds a whole cycle when one member is sourced or supported from outside', async () => {
    const text = lines(SOURCES, ':claim[A]{#a for=b}', ':claim[B]{#b for=a}', ':evidence[E [@s1]]{#e for=a}');
    assert.deepEqual(await diagnosticLines(text), []);
  });

  it('gives an empty marker only empty-marker, and lets it support nothing', async () => {
    const text = lines(':claim[]{#c1 confidence=sure for=nowhere}', ':claim[Leaning on an empty marker]{#c2}', ':evidence[]{#e1 for=c2 src=s1}');
    assert.deepEqual(await diagnosticLines(text), ['1:empty-marker', '2:unsupported-claim', '3:empty-marker']);
  });

  it('supports the nearest enclosing claim or hypothesis through nesting', async () => {
    const text = lines(SOURCES, ':::hypothesis{#h1}', 'Explained by :evidence[a report [@s1]]{#e1}.', ':::', '', ':::claim{#c1}', 'Nested evidence with its own target :evidence[data [@s1]]{#e2 for=h1}.', ':::');
    assert.deepEqual(await diagnosticLines(text), ['9:unsupported-claim']);
  });

  it('does not report a reference to a misspelt marker a second time', async () => {
    const text = lines(SOURCES, ':cliam[Kyiv will respond]{#c1}', ':evidence[As reported [@s1]]{#e1 for=c1}');
    assert.deepEqual(await diagnosticLines(text), ['5:unknown-marker']);
  });

  it('counts against= as testing a hypothesis but never as support', async () => {
    const text = lines(SOURCES, ':hypothesis[H]{#h1}', ':claim[C]{#c1}', ':evidence[E [@s1]]{#e1 against=h1,c1}');
    assert.deepEqual(await diagnosticLines(text), ['6:unsupported-claim']);
  });
});

describe('half-written and unusual documents', () => {
  it('reads an unclosed quote in an inline marker\'s attributes to the end of its line only', async () => {
    const text = lines('---', 'sources:', '  s1: https://x.org', '  s2: https://y.org', '---', ':claim[x [@s1]]{#c title="oops}', '', ':evidence[y [@s2]]{#e}', '', 'More prose [@nokey].');
    assert.deepEqual(await diagnosticLines(text), ['6:bad-attribute', '10:unknown-source']);
  });

  it('finds a marker inside a link\'s text', async () => {
    const text = lines('See [:claim[Kyiv changed course]{#c1}](https://example.org/a).', ':evidence[The decree [d](https://example.org/d)]{#e1 for=c1}');
    assert.deepEqual(await diagnosticLines(text), []);
  });

  it('gives a footnote defined inside a block marker to every marker that references it', async () => {
    const text = lines(':::claim{#c1}', 'Trade collapsed[^3]', '', '[^3]: See [the data](https://example.org/d).', ':::', '', ':claim[Also[^3]]{#c2}');
    assert.deepEqual(await diagnosticLines(text), []);
  });

  it('counts positions after a byte-order mark the editor sent', async () => {
    const { diagnostics } = await analyzeFixture({ text: '\uFEFF:claim[x]{#c}' });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]), [['unsupported-claim', 1, 8]]);
  });
});

describe('sources', () => {
  it('resolves keys from front matter, BibTeX, CSL-JSON and YAML files, first definition first', async () => {
    const text = lines('---', 'sources:', '  a: https://example.org/a', 'bibliography: [refs/b.bib, refs/c.json, refs/d.yaml]', '---', ':evidence[[@a; @b; @c; @d]]{#e}');
    const { analysis, diagnostics } = await analyzeFixture({
      text,
      files: {
        '/ws/refs/b.bib': '@book{b, title={B}, author={Doe, Jane}, year={2024}}\n@misc{a, title={Shadowed}}',
        '/ws/refs/c.json': '[{"id": "c", "title": "C", "issued": {"date-parts": [[2026, 2, 18]]}}]',
        '/ws/refs/d.yaml': 'd:\n  title: D\n  url: https://example.org/d\n',
      },
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(analysis.citations.map((c) => [c.key, c.source?.title ?? c.source?.url]), [['a', 'https://example.org/a'], ['b', 'B'], ['c', 'C'], ['d', 'D']]);
    assert.equal(analysis.sources.get('c')?.date, '2026-02-18');
    assert.equal(analysis.sources.get('b')?.author, 'Doe, Jane');
    assert.deepEqual(analysis.sources.get('b')?.origin, { kind: 'file', uri: 'file:///ws/refs/b.bib', keyRange: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } } });
  });

  it('reads files from the settings wherever they are, after the document\'s own', async () => {
    const text = ':evidence[From the settings [@z]]{#e}';
    const bibliography = [URI.file('/home/analyst/zotero.json')];
    const files = { '/home/analyst/zotero.json': '[{"id": "z", "title": "Z"}]' };
    assert.deepEqual(await diagnosticLines(text, { files, settings: { bibliography } }), []);
  });

  it('refuses a bibliography the document names outside the workspace', async () => {
    const text = lines('---', 'bibliography: ../elsewhere/refs.bib', '---', ':evidence[[@k]]{#e}');
    const { diagnostics } = await analyzeFixture({ text, files: { '/elsewhere/refs.bib': '@misc{k, title={K}}' } });
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code]), [[1, 'bad-bibliography']]);
    assert.match(diagnostics[0]!.message, /outside the workspace/);
  });

  it('keeps the good entries of a partly broken BibTeX file and names the line', async () => {
    const text = lines('---', 'bibliography: refs.bib', '---', ':evidence[[@good]]{#e1}', ':evidence[[@unknown]]{#e2}');
    const { diagnostics, analysis } = await analyzeFixture({ text, files: { '/ws/refs.bib': '@misc{good, title={Good}}\n\n@book{bad, title = {Unclosed\n' } });
    assert.deepEqual(diagnostics.map((d) => d.code), ['bad-bibliography']);
    assert.match(diagnostics[0]!.message, /"refs\.bib".*line \d+/);
    assert.equal(analysis.sources.get('good')?.title, 'Good');
  });

  it('reports a sources: or bibliography: of the wrong shape on its key', async () => {
    assert.deepEqual(await diagnosticLines(lines('---', 'title: x', 'sources: [a, b]', '---', ':evidence[[@a]]{#e}')), ['3:bad-front-matter']);
    assert.deepEqual(await diagnosticLines(lines('---', 'bibliography:', '  nested: map', '---', ':evidence[[@a]]{#e}')), ['2:bad-front-matter']);
  });

  it('places a YAML error on the line where YAML finds it', async () => {
    assert.deepEqual(await diagnosticLines(lines('---', 'sources:', '  a: [1, 2', '---', ':claim[x [@a]]{#c}')), ['3:bad-front-matter']);
    assert.deepEqual(await diagnosticLines(lines('---', 'title: "open', 'sources: {}', '---', ':claim[x [@a]]{#c}')), ['3:bad-front-matter']);
  });

  it('does not check documents that do not use the language', async () => {
    assert.deepEqual(await diagnosticLines(lines('# Notes', '[todo](#) and [@handle] and a [missing](nowhere.md) file, :::note{.x}')), []);
  });

  it('checks a document whose only use of the language is its front matter', async () => {
    assert.deepEqual(await diagnosticLines(lines('---', 'sources:', '  a: https://example.org/a', '---', 'Prose only.')), ['3:unused-source']);
  });
});

describe('links', () => {
  it('tells sources from anchors, other schemes, folders and paths leaving the workspace', async () => {
    const text = lines(
      ':evidence[[w](https://example.org)]{#e1}',
      ':evidence[[d](doi:10.1000/182)]{#e2}',
      ':evidence[[f](refs/annex.pdf#page=2)]{#e3}',
      ':evidence[[a](#annex)]{#e4}',
      ':evidence[[m](mailto:desk@example.org)]{#e5}',
      ':evidence[[o](../outside.pdf)]{#e6}',
      ':evidence[[dir](refs/)]{#e7}',
      ':evidence[<https://example.org/auto>]{#e8}',
      ':evidence[[sp](<refs/with space.pdf>)]{#e9}',
    );
    const files = { '/ws/refs/annex.pdf': '%PDF', '/ws/refs/with space.pdf': '%PDF', '/outside.pdf': '%PDF' };
    assert.deepEqual(await diagnosticLines(text, { files }), ['4:unsourced-evidence', '5:unsourced-evidence', '6:unsourced-evidence', '7:unsourced-evidence']);
  });
});

describe('silencing comments', () => {
  it('silences the next line, a stretch, and named codes only', async () => {
    const text = lines(
      '<!-- tradecraft-disable-next-line -->',
      ':claim[one]{#c1}',
      '<!-- tradecraft-disable unsupported-claim -->',
      ':claim[two]{#c2}',
      ':evidence[three]{#e3}',
      '<!-- tradecraft-enable unsupported-claim -->',
      ':claim[four]{#c4}',
      '<!-- tradecraft-disable -->',
      '<!-- tradecraft-enable unsourced-evidence -->',
      ':claim[five]{#c5}',
      ':evidence[six]{#e6}',
    );
    assert.deepEqual(await diagnosticLines(text), ['5:unsourced-evidence', '7:unsupported-claim', '11:unsourced-evidence']);
  });

  it('turns a code off or changes its severity through the settings', async () => {
    const { diagnostics } = await analyzeFixture({ text: ':claim[x]{#c}\n:hypothesis[h]{#h}', settings: { severity: { 'unsupported-claim': 'error', 'untested-hypothesis': 'off' } } });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unsupported-claim', 'error']]);
  });
});
