/**
 * The quick fix that adds a stub source for an unknown key must write the key so that YAML reads
 * it back as the same string: `007` is not 7, `True` not true, `~` not null, `a: b` not a map.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getQuickFixes } from '../../server/src/features/codeActions.js';
import { LineIndex } from '../../server/src/text/lineIndex.js';
import type { TextEdit } from '../../server/src/types.js';
import { analyzeFixture, lines } from '../support/check.js';

const KEYS = ['a$1b', 'c\\d', '007', 'True', 'null', 'yes', '1e3', '~', '.inf', '0x1F', '2026-01-01', 'a:b', 'a: b', 'x:', '#x', 'a #b', '@x', '?x', '? x', '-x', '- x', '"q"', "'q'", 'it\'s', '*x', '&x', '!x', '%x', '|x', '>x', ' x', 'a\tb', '`x', 'x'.repeat(1100)];

/** Documents with no front matter, one without `sources:`, and one with an entry already, in LF and CRLF. */
const SHAPES = [
  (cite: string) => cite,
  (cite: string) => lines('---', 'title: A note', '---', cite),
  (cite: string) => lines('---', 'sources:', '  other: https://example.org/other', '---', cite),
  (cite: string) => lines('---', 'sources:', '    other:', '      url: https://example.org/other', 'title: After', '---', cite).replace(/\n/g, '\r\n'),
];

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  return [...edits]
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** A snippet's text as an editor inserts it, its tab stops empty or typed into (`$1` is the title). */
function expandSnippet(snippet: string, typed: readonly string[] = []): string {
  return snippet.replace(/\\(.)|\$(\d)/gs, (_, escaped: string | undefined, stop: string | undefined) => escaped ?? typed[Number(stop) - 1] ?? '');
}

describe('the stub-source quick fix', () => {
  for (const key of KEYS) {
    it(`writes the key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 8)}…` : key)} so that the citation then resolves`, async () => {
      for (const shape of SHAPES) {
        const text = shape(`:claim[Cited [@{${key}}]]{#c1}`);
        const { analysis } = await analyzeFixture({ text });
        const citation = analysis.citations[0];
        assert.equal(citation?.key, key, 'the fixture cites the key');
        const stub = getQuickFixes(analysis, citation.span).find((action) => action.title.startsWith('Add source'));
        assert.ok(stub, 'a stub fix is offered');
        const fixed = applyEdits(text, stub.edits);
        const after = await analyzeFixture({ text: fixed });
        assert.deepEqual(after.analysis.syntax.frontMatter.problems, [], fixed);
        assert.equal(after.analysis.citations[0]?.status, 'resolved', fixed);
        const [edit] = stub.edits;
        assert.equal(expandSnippet(edit!.snippet!), edit!.newText, 'the snippet inserts the same text');
        assert.match(edit!.snippet!, /title: "\$1"(\r?\n)\s+url: "\$2"/, 'the cursor goes to the title, then the URL');
      }
    });
  }
});

describe('the stub the quick fix adds', () => {
  it('is an empty source, flagged until its title is filled in', async () => {
    const text = lines('---', 'sources:', '  other: https://example.org/other', '---', ':evidence[Cited [@stub]]{#e1}', '', ':evidence[Also [@other]]{#e2}');
    const { analysis } = await analyzeFixture({ text });
    const stub = getQuickFixes(analysis, analysis.citations[0]!.span).find((action) => action.title.startsWith('Add source'));
    const [edit] = stub!.edits;
    const codesAfter = async (typed: string[]) => {
      const { diagnostics } = await analyzeFixture({ text: applyEdits(text, [{ ...edit!, newText: expandSnippet(edit!.snippet!, typed) }]) });
      return diagnostics.map((d) => d.code);
    };
    assert.deepEqual(await codesAfter([]), ['empty-source']);
    assert.deepEqual(await codesAfter(['Decree on restrictive measures']), []);
  });
});
