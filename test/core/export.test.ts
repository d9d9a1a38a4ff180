/** The exports of the core: the document in Pandoc's syntax, and as plain Markdown. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../server/src/parse/parseMarkdown.js';
import { exportAsHtml } from '../../server/src/export/htmlExport.js';
import { exportAsMarkdown } from '../../server/src/export/markdownExport.js';
import { exportForPandoc } from '../../server/src/export/pandocExport.js';
import { analyzeFixture, lines } from '../support/check.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');
/** The documents nobody wrote for the export: the bundled examples and the conformance cases. */
const REAL_DOCUMENTS = [
  ...['policy-shift-toward-belarus.md', 'key-assumptions-and-signposts.md', 'finished/policy-shift-toward-belarus.md'].map((name) => join(ROOT, 'examples', name)),
  ...(existsSync(CONFORMANCE) ? readdirSync(CONFORMANCE).filter((name) => name.endsWith('.md')).map((name) => join(CONFORMANCE, name)) : []),
];

const FRONT = lines('---', 'title: A desk note', 'sources:', '  web:', '    title: A report', '    author: Doe, Jane', '    date: 2026-02-23', '    url: https://example.org/report', '---', '');

async function pandoc(text: string, referencesFile?: string, files: Record<string, string> = {}) {
  const { analysis } = await analyzeFixture({ text, files });
  return exportForPandoc(analysis, { referencesFile });
}

async function markdown(text: string, citeLinks = false) {
  const { analysis } = await analyzeFixture({ text });
  return exportAsMarkdown(analysis, { citeLinks });
}

describe('the export for Pandoc', () => {
  it('writes inline and leaf markers as bracketed spans with id, kind as class and every other attribute', async () => {
    const body = lines(
      'Kyiv :claim[moved early [@web]]{#c1 .key confidence=high x="two words"} and',
      '',
      '::evidence[The decree names officials [@web, p. 4]]{#e1 for=c1,c2}',
      '',
      ':claim[Unnamed]{}',
      '',
    );
    const { text } = await pandoc(body);
    assert.equal(text, lines(
      'Kyiv [moved early [@web]]{#c1 .claim .key confidence=high x="two words"} and',
      '',
      '[The decree names officials [@web, p. 4]]{#e1 .evidence for=c1,c2}',
      '',
      '[Unnamed]{.claim}',
      '',
    ));
  });

  it('writes block markers as fenced divs, nesting and fence lengths kept, a blank line before each, a label as its first paragraph', async () => {
    const body = lines(
      'A paragraph just before.',
      '::::claim{#c4}',
      'Outer words.',
      ':::evidence[The inner label]{#e4 src=web}',
      'Inner words.',
      ':::',
      '::::',
      '',
      '> A quote',
      '> :::hypothesis{#h1 status=favored}',
      '> Quoted hypothesis.',
      '> :::',
      '',
    );
    const { text } = await pandoc(body);
    assert.equal(text, lines(
      'A paragraph just before.',
      '',
      ':::: {#c4 .claim}',
      'Outer words.',
      '',
      '::: {#e4 .evidence src=web}',
      'The inner label',
      '',
      'Inner words.',
      ':::',
      '::::',
      '',
      '> A quote',
      '> ',
      '> ::: {#h1 .hypothesis status=favored}',
      '> Quoted hypothesis.',
      '> :::',
      '',
    ));
  });

  it('escapes what Tradecraft reads as no citation: an in-text handle that names no source, an @ in a link\'s text', async () => {
    const { text } = await pandoc(`${FRONT}\nAsk @someone, or see @web and [@scope/pkg](https://example.org/pkg) [@web].\n`);
    assert.match(text, /\nAsk \\@someone, or see @web and \[\\@scope\/pkg\]\(https:\/\/example\.org\/pkg\) \[@web\]\.\n$/);
  });

  it('escapes, in a document that does not use the language, a citation that names no source: nothing checks it there', async () => {
    assert.equal((await pandoc('Plain notes with [@handle] and [see @other].\n')).text, 'Plain notes with [\\@handle] and [see \\@other].\n');
  });

  it('puts the front matter\'s sources into its references: as CSL items, and names the bibliography files by their absolute paths', async () => {
    const named = FRONT.replace('sources:', 'bibliography: [refs.bib, missing.bib]\nsources:');
    const { text, references } = await pandoc(`${named}\nText [@web].\n`, undefined, { '/ws/refs.bib': '@misc{lib, title={In the library}}\n' });
    assert.deepEqual(references, [{ id: 'web', type: 'webpage', title: 'A report', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2026, 2, 23]] }, URL: 'https://example.org/report' }]);
    assert.match(text, /^---\ntitle: A desk note\nbibliography:\n {2}- \/ws\/refs\.bib\nsources:\n[^]*\nreferences:\n {2}- id: web\n/, 'a file that cannot be read is left out');
    assert.match(text, /\n---\n\nText \[@web\]\.\n$/);
  });

  it('names a references file instead, when given one, and leaves a front matter with nothing to add as written', async () => {
    const { text } = await pandoc(`${FRONT}\nText [@web].\n`, '/out/brief.references.json');
    assert.match(text, /\nbibliography:\n {2}- \/out\/brief\.references\.json\n---\n/);
    assert.doesNotMatch(text, /references:\n {2}- id/);
    const plain = lines('---', 'title:   Spaced  # a comment', '---', '', ':claim[A claim]{#c1}', '');
    assert.equal((await pandoc(plain)).text, plain.replace(':claim[A claim]{#c1}', '[A claim]{#c1 .claim}'));
  });
});

describe('the export as Markdown', () => {
  it('replaces each marker by its text and drops the fences, leaving the rest as written', async () => {
    const body = lines(
      'Kyiv :claim[moved early [@web]]{#c1} and [a link](https://example.org).',
      '',
      '::evidence[The decree [@web, p. 4]]{#e1 for=c1}',
      '',
      ':::hypothesis[A label]{#h1}',
      'Inside `:claim[code]{#x}`.',
      ':::',
      '',
    );
    assert.equal(await markdown(body), lines(
      'Kyiv moved early [@web] and [a link](https://example.org).',
      '',
      'The decree [@web, p. 4]',
      '',
      'A label',
      'Inside `:claim[code]{#x}`.',
      '',
      '',
    ));
  });

  it('with cite links, writes each citation as its keys linked to their sources, a handle left as written', async () => {
    const text = `${FRONT}\n:claim[Moved [see @web, p. 4; @nowhere]]{#c1} as @web says, ask @someone.\n`;
    assert.match(await markdown(text, true), /\nMoved \(see \[web\]\(<https:\/\/example\.org\/report>\), p\. 4; nowhere\) as \[web\]\(<https:\/\/example\.org\/report>\) says, ask @someone\.\n$/);
  });
});

describe('the export as Markdown of real documents', () => {
  const wordsOf = (text: string) => toString(parseMarkdown(text).tree).split(/\s+/).filter(Boolean);

  for (const file of REAL_DOCUMENTS) {
    it(`keeps every word, link and citation of ${file.slice(ROOT.length)} and none of the markers' syntax`, async () => {
      const text = readFileSync(file, 'utf8');
      const { analysis } = await analyzeFixture({ text });
      const exported = exportAsMarkdown(analysis, { citeLinks: false });
      const again = (await analyzeFixture({ text: exported })).analysis.syntax.model;
      const { model } = analysis.syntax;
      assert.equal(again.markers.length, 0, 'no marker is left');
      assert.deepEqual(wordsOf(exported), wordsOf(text), 'the same words in the same order');
      assert.deepEqual(again.links.map((link) => link.url), model.links.map((link) => link.url));
      assert.deepEqual(again.citations.map((citation) => citation.key), model.citations.map((citation) => citation.key));
    });
  }
});

describe('the export as HTML', () => {
  const html = async (text: string) => exportAsHtml((await analyzeFixture({ text })).analysis);

  it('is one standalone page: the markers as elements with id, kind and a tag, citations linked to the reference list', async () => {
    const page = await html(`${FRONT}\n# Note\n\n:claim[Kyiv moved early [see @web, p. 4]]{#c1 confidence=high}\n\n:::hypothesis[A label]{#h1 status=open}\nInside.\n:::\n\nAt 10:30 a :note[directive]{x=1} stays.\n`);
    assert.match(page, /^<!doctype html>\n<html lang="en">[^]*<title>A desk note<\/title>[^]*<style>/);
    assert.match(page, /<span class="tc-marker tc-claim" id="c1" data-tc-label="claim · c1 · high confidence">Kyiv moved early \(see <a href="#ref-web">Doe 2026<\/a>, p\. 4\)<\/span>/);
    assert.match(page, /<div class="tc-marker tc-hypothesis" id="h1" data-tc-label="hypothesis · h1 · open"><p>A label<\/p><p>Inside\.<\/p><\/div>/);
    assert.match(page, /At 10:30 a :note\[directive\]\{x=1\} stays\./);
    assert.match(page, /<li id="ref-web">Doe, Jane\. 2026-02-23\. <cite>A report<\/cite>\. <a href="https:\/\/example\.org\/report">/);
    assert.match(page, /<input type="checkbox" id="tc-show-argument"/);
    assert.doesNotMatch(page, /<script|title: A desk note|sources:/);
  });

  it('lets nothing of the document run: hostile text, titles and URLs come out inert, only http:, https: and doi: links', async () => {
    const hostile = [
      '---',
      'title: "</title><script>alert(1)</script>"',
      'sources:',
      '  evil:',
      '    title: "<img src=x onerror=alert(1)>"',
      '    url: "javascript:alert(1)"',
      '---',
      '',
      ':claim[<script>alert(2)</script> and [x](javascript:alert(3)) [y](doi:10.1/abc) [z](mailto:a@b.org) [@evil]]{#c1 onclick="alert(4)"}',
      '',
      '<iframe src="https://example.org"></iframe>',
      '',
    ].join('\n');
    const page = await html(hostile);
    assert.doesNotMatch(page, /<script|<img|<iframe|<[^>]*\son\w+=|href="(?!https?:|#)|javascript:/);
    assert.match(page, /alert\(2\) and <a>x<\/a>/, 'a link with a scheme of no source is its text');
    assert.match(page, /<title>&#60;\/title&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/title>/);
    assert.match(page, /<a href="https:\/\/doi\.org\/10\.1\/abc">y<\/a>/);
    assert.match(page, /<li id="ref-evil"><cite>&#x3C;img src=x onerror=alert\(1\)><\/cite>\. <\/li>/);
  });
});
