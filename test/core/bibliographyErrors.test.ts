/**
 * A bibliography file that does not parse is reported with a short reason and where it goes
 * wrong, and never with what it holds: a document may name any file, and the message of its
 * diagnostic ends up in an editor, a terminal and the SARIF of a CI run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findJsonError } from '../../server/src/sources/jsonError.js';
import { parseBibliography, type BibliographyFormat } from '../../server/src/sources/bibliographyFile.js';
import { analyzeFixture, lines } from '../support/check.js';

const SECRET = 'hunter2-Xq7';

/** Files that each parser refuses, all holding the secret, some where the parser's own message quotes the text. */
const BROKEN: Record<string, readonly string[]> = {
  'refs.json': [
    `root:x:0:0:${SECRET}:/root:/bin/bash`,
    `[{"id": "a", "title": ${SECRET}}]`,
    `[{"id": "${SECRET}`,
    `[{"id": "a", "note": "${SECRET}\\q"}]`,
    `[{"id": "a"}] ${SECRET}`,
    `[{"id": "a", "title": "${SECRET}\n"}]`,
  ],
  'refs.yaml': [
    `root:x:0:0:${SECRET}\n  - ${SECRET}: [`,
    `%${SECRET} x\n---\na: 1\n`,
    `a: "${SECRET} \\q"\n`,
    `a: !<${SECRET}> x\n`,
    `a: |${SECRET}\n  text\n`,
    `${SECRET}: *${SECRET}\n`,
  ],
  'refs.bib': [
    `@article{a, title = "${SECRET}}`,
    `@comment{${SECRET}`,
    `@article{${SECRET}, title = {x}`,
    `@${SECRET}{a, title = {x}`,
    `@string{s = "x"}\n@misc{b, title = ${SECRET}}`,
    `@misc{b, ${SECRET} {x}}`,
    `@misc{b, title = {$${SECRET}}}`,
  ],
};

function formatOfName(name: string): BibliographyFormat {
  return name.endsWith('.json') ? 'csl-json' : name.endsWith('.bib') ? 'bibtex' : 'yaml';
}

describe('bibliography files that do not parse', () => {
  it('never quote what the file holds in the diagnostic', async () => {
    for (const [name, texts] of Object.entries(BROKEN)) {
      for (const content of texts) {
        const parsed = parseBibliography(content, formatOfName(name));
        const { diagnostics } = await analyzeFixture({ text: lines('---', `bibliography: ${name}`, '---', 'Text.'), files: { [`/ws/${name}`]: content } });
        const messages = [parsed.error?.message ?? '', ...diagnostics.map((d) => d.message)].join('\n');
        assert.ok(!messages.includes(SECRET.slice(0, 5)), `${name} ${JSON.stringify(content)}: ${messages}`);
      }
    }
  });

  it('never quote the file, for any text made of the pieces of the three syntaxes and the secret', () => {
    const pieces = [SECRET, ':', ': ', '- ', '[', ']', '{', '}', ',', '"', "'", '!', '!!', '&', '*', '%', '|', '>', '\n', '  ', '? ', '#', '@', '`', '\t', '---\n', '\\', '=', '$', ' ', '@misc{', '@string{', '0', '\u0001'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((parts) => parts.join(''));
    const formats = fc.constantFrom<BibliographyFormat>('csl-json', 'bibtex', 'yaml');
    fc.assert(fc.property(text, formats, (content, format) => {
      const message = parseBibliography(content, format).error?.message ?? '';
      assert.ok(!message.includes(SECRET.slice(0, 5)), `${format} ${JSON.stringify(content)}: ${message}`);
    }), { numRuns: 3000 });
  });

  it('keeps the YAML reasons whole where their colon is YAML syntax, not the start of a quote', () => {
    assert.equal(parseBibliography('{"a" "b"}', 'yaml').error?.message, 'Missing , or : between flow map items');
  });

  it('reports a CSL-JSON error on its line and column, not on the last line', () => {
    const text = lines('[', '  {"id": "a",', '   "title": x},', '  {"id": "b"}', ']', '');
    assert.deepEqual(parseBibliography(text, 'csl-json').error, { message: 'unexpected character', line: 2, column: 12 });
    assert.deepEqual(parseBibliography('[{"id": "a"}', 'csl-json').error, { message: 'the file ends before the JSON does', line: 0, column: 12 });
    assert.deepEqual(parseBibliography(lines('[{"id": "a",', ' "title": "An', 'unclosed"}]'), 'csl-json').error, { message: 'a line break in a string', line: 1, column: 13 });
  });

  it('names the line and column in the diagnostic', async () => {
    const text = lines('---', 'bibliography: refs.json', '---', 'Text.');
    const { diagnostics } = await analyzeFixture({ text, files: { '/ws/refs.json': lines('[', '  {"id": "a",', '   "title": x}', ']') } });
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /it does not parse: unexpected character \(line 3, column 13\)/);
  });

  it('reads deeply nested JSON without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;
    assert.deepEqual(parseBibliography(deep, 'csl-json').error, { message: 'the file ends before the JSON does', line: 0, column: deep.length });
  });

  it('finds an error in exactly the texts JSON.parse refuses', () => {
    const validJson = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    // Valid JSON with a few characters inserted or deleted, and strings of JSON's own characters.
    const mutated = fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.nat({ max: 2 }), fc.constantFrom('', ',', ':', '"', '\\', '[', ']', '{', '}', '-', '0', 'e', '\n', '\u0001', ' ', 'tru'))
      .map(([json, at, cut, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice((at % (json.length + 1)) + cut));
    const alphabet = fc.string({ unit: fc.constantFrom(...'[]{}:,"\\ -+.0123456789eEtrufalsn\n\t\u0000x'), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(mutated, alphabet), (text) => {
      assert.equal(findJsonError(text) === undefined, validJson(text), JSON.stringify(text));
    }), { numRuns: 2000 });
  });
});
