import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { symbolName } from '../../server/src/features/symbols.js';
import { indexedMarkers, matchWorkspaceSymbols, scanMarkers } from '../../server/src/features/workspaceSymbols.js';
import { analyzeFixture, lines } from '../support/check.js';
import { frontMatterEnd, frontMatterLineCount } from '../../server/src/text/frontMatterFence.js';
import { generateAnalysis } from '../support/generate.js';

describe('the scan of files that are not open', () => {
  it('reads the ids the analysis reads, with the attribute grammar: the last id counts, quoted braces do not end the block', async () => {
    const text = lines(
      ':claim[An id the pattern refuses is still its id]{#1st}',
      '',
      ':claim[The last id counts]{#a #b}',
      '',
      ':claim[A quoted brace]{title="}" #d}',
      '',
      ':claim[Written out]{id="c2" for=c1}',
      '',
      ':::evidence{#e1 for=c2}',
      'A block.',
      ':::',
    );
    const { analysis } = await analyzeFixture({ text });
    const analysed = indexedMarkers(analysis).map((marker) => [marker.kind, marker.id]);
    assert.deepEqual(analysed, [['claim', '1st'], ['claim', 'b'], ['claim', 'd'], ['claim', 'c2'], ['evidence', 'e1']]);
    assert.deepEqual(scanMarkers(text).map((marker) => [marker.kind, marker.id]), analysed);
  });
});

describe('the scan and front matter', () => {
  it('indexes no marker written in front matter, as the analysis reads none there', async () => {
    const text = lines('---', 'title: ":claim[Not a marker]{#fm}"', 'summary: |', '  :::evidence{#fm2}', '---', ':claim[In the body]{#c1}');
    const { analysis } = await analyzeFixture({ text });
    assert.deepEqual(indexedMarkers(analysis).map((marker) => marker.id), ['c1']);
    assert.deepEqual(scanMarkers(text).map((marker) => [marker.id, marker.range.start.line]), [['c1', 5]]);
    assert.deepEqual(scanMarkers(text.replace(/\n/g, '\r\n')).map((marker) => [marker.id, marker.range.start.line]), [['c1', 5]]);
  });

  it('counts the lines of front matter where the parser ends it', () => {
    const line = fc.constantFrom('---', '--- \t', '---x', ' ---', '\ufeff---', 'title: a', '', '...');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (parts, lineBreak, trailing) => {
        const text = parts.join(lineBreak) + (trailing ? lineBreak : '');
        const end = frontMatterEnd(text);
        const linesBefore = end === 0 ? 0 : text.slice(0, end).replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
        assert.equal(frontMatterLineCount(text.split(/\r\n|\r|\n/)), linesBefore, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an unclosed opening as no front matter, as the parser does', () => {
    assert.deepEqual(scanMarkers(lines('---', ':claim[Read]{#c1}')).map((marker) => marker.id), ['c1']);
  });
});

describe('matching workspace symbols', () => {
  const CITING = lines(
    ':claim[Claims [see @a, p. 4; -@b] and more words than the name keeps in the end]{#c1}',
    ':claim[A key in braces [@{Smith 2020}] then words]{#c2}',
    ':claim[ΟΔΟΣ ΣΟΦΙΑΣ [@σ] Σ]{#c3}',
    ':evidence[İstanbul and [@k, pp. 1-2] (a note; with, punctuation)]{#e1 for=c1}',
    ':claim[]',
    ':::hypothesis{#h1}',
    'A block hypothesis [@a]',
    ':::',
  );
  const files = [
    { uri: 'file:///ws/citing.md', markers: scanMarkers(CITING) },
    ...[1, 2, 3].map((seed) => ({ uri: `file:///ws/generated-${seed}.md`, markers: scanMarkers(generateAnalysis(8_000, seed)) })),
  ];

  /** Every marker whose name holds the query, naming all of them: what the index must find. */
  function everyMatch(query: string): string[] {
    const wanted = query.toLowerCase().replace(/\s+/g, '');
    return files.flatMap((file) => file.markers.map((marker) => symbolName({ attributes: { id: marker.id }, text: marker.text })).filter((name) => isInOrder(wanted, name.toLowerCase())));
  }

  it('finds exactly the markers whose names hold the query, whichever names it makes', () => {
    const alphabet = [...new Set(files.flatMap((file) => file.markers.flatMap((marker) => [...symbolName({ attributes: { id: marker.id }, text: marker.text })])))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet, 'x', 'z', '(', ';', '—', '…', 'E', ' '), { maxLength: 5 }), (chars) => {
        const query = chars.join('');
        assert.deepEqual(matchWorkspaceSymbols(files, query).map((symbol) => symbol.name), everyMatch(query), JSON.stringify(query));
      }),
      { numRuns: 400 },
    );
    for (const query of ['', 'c1', '(see', 'a,p.4', 'smith2020', 'οδος', 'σοφιας', 'i̇stanbul', 'note;', '(empty)', 'empty']) {
      assert.deepEqual(matchWorkspaceSymbols(files, query).map((symbol) => symbol.name), everyMatch(query), query);
    }
    assert.ok(everyMatch('(see').length > 0 && everyMatch('empty').length > 0);
  });
});

function isInOrder(query: string, text: string): boolean {
  let at = 0;
  for (const char of text) if (char === query[at]) at++;
  return at >= query.length;
}
