/**
 * Hovers and completion documentation are Markdown built from what a document and its
 * bibliography say: nothing they say may become a link, an image or HTML in the client.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/analysis/analysis.js';
import { getCompletions } from '../../server/src/features/completion.js';
import { getHover } from '../../server/src/features/hover.js';
import { analyzeFixture, lines } from '../support/check.js';
import { unsafeConstructs } from '../support/markdownOracle.js';

const EXPLOIT = '``[click](command:workbench.action.reloadWindow)``';

function hoverOn(analysis: Analysis, needle: string, shift = 1): string {
  const offset = analysis.syntax.model.text.indexOf(needle);
  assert.notEqual(offset, -1, `${needle} is not in the document`);
  const hover = getHover(analysis, offset + shift);
  assert.ok(hover, `no hover on ${needle}`);
  return hover.contents;
}

describe('the exploits of the issue: two backticks, then a command: link', () => {
  it('in a front matter source key, in its hover and in its completion documentation', async () => {
    const text = lines('---', 'sources:', `  "k${EXPLOIT}": https://example.org/k`, '---', 'Cite [@');
    const { analysis } = await analyzeFixture({ text });
    const hover = hoverOn(analysis, '"k', 2);
    assert.match(hover, /example\.org\/k/, 'the hover is the source card');
    assert.deepEqual(unsafeConstructs(hover), [], hover);
    const [documentation] = getCompletions(analysis, text.length).map((entry) => entry.documentation ?? '');
    assert.deepEqual(unsafeConstructs(documentation!), [], documentation);
  });

  it('in a CSL-JSON id, in the card of a link to its URL and in its completion documentation', async () => {
    const csl = JSON.stringify([{ id: `j${EXPLOIT}`, title: 'A title', URL: 'https://example.org/j' }]);
    const text = lines('---', 'bibliography: refs.json', '---', ':claim[Cited [j](https://example.org/j)]{#c1}', '', 'Cite [@');
    const { analysis } = await analyzeFixture({ text, files: { '/ws/refs.json': csl } });
    const hover = hoverOn(analysis, '[j]');
    assert.match(hover, /A title/, 'the hover is the source card');
    const [documentation] = getCompletions(analysis, text.length).map((entry) => entry.documentation ?? '');
    for (const markdown of [hover, documentation!]) assert.deepEqual(unsafeConstructs(markdown), [], markdown);
  });

  it('in a marker id, in the hover of the marker and of a reference to it', async () => {
    const text = lines(`:claim[Judgement]{id="m${EXPLOIT}"}`, '', `:evidence[Fact]{#e1 for="m${EXPLOIT}"}`);
    const { analysis } = await analyzeFixture({ text });
    for (const hover of [hoverOn(analysis, ':claim['), hoverOn(analysis, 'for="m', 6)]) assert.deepEqual(unsafeConstructs(hover), [], hover);
  });

  it('in a for= item that names no marker', async () => {
    const text = lines(`:evidence[Fact]{#e1 for="nobody${EXPLOIT}"}`);
    const { analysis } = await analyzeFixture({ text });
    const hover = hoverOn(analysis, 'for="n', 6);
    assert.match(hover, /^No marker has the id /);
    assert.deepEqual(unsafeConstructs(hover), [], hover);
  });

  it('in a link target: a missing file, another scheme, and in the hover of the marker citing it', async () => {
    const text = lines(`:claim[See [a](<gone${EXPLOIT}.pdf>)]{#c1}`, '', `See [b](<mailto:x${EXPLOIT}>).`, '', `:claim[And [c](<https://example.org/${EXPLOIT}>)]{#c2}`);
    const { analysis } = await analyzeFixture({ text });
    for (const hover of [hoverOn(analysis, '[a]'), hoverOn(analysis, '[b]'), hoverOn(analysis, '[c]'), hoverOn(analysis, ':claim[And')]) {
      assert.deepEqual(unsafeConstructs(hover), [], hover);
    }
  });

  it('in a confidence or status value', async () => {
    const text = lines(`:claim[Judgement]{#c1 confidence="[x](command:evil)"}`, '', `:hypothesis[Maybe]{#h1 status="<a href='command:evil'>x</a>"}`);
    const { analysis } = await analyzeFixture({ text });
    for (const hover of [hoverOn(analysis, ':claim['), hoverOn(analysis, ':hypothesis[')]) assert.deepEqual(unsafeConstructs(hover), [], hover);
  });
});

/** Pieces that would break out of code, start a link, an autolink, HTML or a block, or decode to a colon. */
const PIECES = [
  '`', '``', '```', '](', '[', ']', '(', ')', '<', '>', '!', '\\', '*', '_', '|', '# ', '- ', '1. ', '\n', ' ', ':', '@', 'x',
  'command:evil', 'javascript:alert(1)', 'vscode:x', 'data:text/html,x', 'file:///etc/passwd', 'https://ok.org/', 'www.x.org', 'a@b.co',
  '&#x3A;', '&#58;', '&amp;', '``[x](command:evil)``', '[x](javascript:alert(1))', '<command:evil>', '![i](data:x)', '<a href="command:x">', '[d]: command:y',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
/** A value for a place that cannot hold some characters without ending it. */
const without = (characters: RegExp) => hostile.map((text) => text.replace(characters, '') || 'x');

const hostileDocument = fc.record({
  key: without(/[{}\r\n]/g), title: hostile, url: hostile, note: hostile, publisher: hostile, doi: hostile, author: hostile, accessed: hostile,
  bibKey: without(/[^\w:.-]/g), bibTitle: without(/[{}]/g), bibUrl: without(/[{}\s]/g),
  cslId: hostile, cslTitle: hostile, cslUrl: hostile,
  id: without(/["\r\n]/g), confidence: without(/["\r\n]/g), status: without(/["\r\n]/g), forItem: without(/["\r\n]/g),
  target: without(/[<>\r\n]/g), fileName: without(/[/<>\r\n]/g), text: without(/[[\]\r\n]/g),
});

describe('hovers and completion documentation of hostile documents', () => {
  it('never hold a link to another scheme than http(s) or a workspace file, an image, a definition or HTML', async () => {
    await fc.assert(fc.asyncProperty(hostileDocument, async (d) => {
      const yaml = (value: string) => JSON.stringify(value);
      const text = lines(
        '---', 'sources:', `  ${yaml(d.key)}:`, `    title: ${yaml(d.title)}`, `    url: ${yaml(d.url)}`, `    note: ${yaml(d.note)}`, `    publisher: ${yaml(d.publisher)}`, `    doi: ${yaml(d.doi)}`, `    author: ${yaml(d.author)}`, `    accessed: ${yaml(d.accessed)}`,
        'bibliography: [refs.json, refs.bib]', '---',
        `:claim[${d.text} [@{${d.key}}] [l](<${d.target}>) [f](<${d.fileName}.md>) [u](${d.url})]{id="${d.id}" confidence="${d.confidence}"}`, '',
        `:evidence[${d.text} [c](<${d.cslUrl}>)]{#e1 for="${d.forItem}" src="${d.key}"}`, '',
        `:hypothesis[${d.text}]{#h1 status="${d.status}"}`, '',
        `:evidence[For]{#e2 for="${d.id}",h1 against=h1}`, '',
        'Cite [@',
      );
      const csl = JSON.stringify([{ id: d.cslId, title: d.cslTitle, URL: d.cslUrl }]);
      const bib = `@misc{${d.bibKey}, title = {${d.bibTitle}}, url = {${d.bibUrl}}, note = {\\href{command:evil}{click}}}`;
      const { analysis } = await analyzeFixture({ text, files: { '/ws/refs.json': csl, '/ws/refs.bib': bib, [`/ws/${d.fileName}.md`]: '# A file' } });
      const markdown = new Set<string>();
      for (let offset = 0; offset <= text.length; offset++) {
        const hover = getHover(analysis, offset);
        if (hover) markdown.add(hover.contents);
      }
      for (const entry of getCompletions(analysis, text.length)) markdown.add(entry.documentation ?? '');
      for (const value of markdown) assert.deepEqual(unsafeConstructs(value), [], JSON.stringify(value));
    }), { numRuns: 50 });
  });
});

describe('the title of a marker hover', () => {
  it('is bold for an empty marker too (no stray asterisks)', async () => {
    const { analysis } = await analyzeFixture({ text: ':claim[]{#c-empty}\n' });
    const [title] = hoverOn(analysis, ':claim').split('\n\n');
    assert.equal(title, '**claim `c-empty`**');
  });
});
