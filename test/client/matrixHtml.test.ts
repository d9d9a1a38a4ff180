import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matrixBody, matrixPage, notAnalysisBody } from '../../client/src/matrixHtml.js';
import type { EvidenceMatrix } from '../../server/src/protocol.js';

const HOSTILE = '<img src=x onerror=alert(1)> & "quoted" \'too\'';
const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 8 } });

const MATRIX: EvidenceMatrix = {
  path: 'desk/<note>.md',
  hypotheses: [
    { kind: 'hypothesis', id: 'h1', text: HOSTILE, line: 3, status: 'favored', score: 1, consistent: 1, weighed: true, leastRefuted: false },
    { kind: 'hypothesis', id: 'h2', text: 'Minsk asked', line: 5, status: 'open', score: 0, consistent: 0, weighed: true, leastRefuted: true },
  ],
  rows: [
    { kind: 'evidence', id: 'e1', text: 'Trade collapsed', line: 7, sourced: true, ratings: ['consistent', 'none'], inconsistent: 0, nonDiscriminating: false, sensitive: false },
    { kind: 'claim', id: null, text: HOSTILE, line: 9, sourced: false, ratings: ['inconsistent', 'none'], inconsistent: 1, nonDiscriminating: false, sensitive: true },
  ],
  notObserved: [],
  favoredNotLeastRefuted: [{ kind: 'hypothesis', id: 'h1', text: HOSTILE, line: 3 }],
  rejectedLeastRefuted: [],
  scoring: ['Every row counts the same: the score is an aid, not a verdict.'],
  usesLanguage: true,
  diagnosticOrder: [1, 0],
  hypothesisRanges: [range(2), range(4)],
  rowRanges: [range(6), range(8)],
  rowSources: [['@stats: Foreign <trade>'], []],
  notes: ['h1 is marked favored but is not the least refuted (least refuted: h2).'],
  markdown: '',
  mermaid: '',
};

/** The rows' `data-reveal` indexes in the order the body lists them. */
const rowOrder = (html: string) => [...html.matchAll(/<tr data-reveal="row:(\d+)"/g)].map((match) => Number(match[1]));

describe('the evidence matrix webview\'s HTML', () => {
  it('allows no script but its own and no style but its own (nonce, the webview\'s source)', () => {
    const page = matrixPage({ cspSource: 'https://webview.test', nonce: 'abc123', scriptUri: 'https://webview.test/media/evidenceMatrix.js', styleUri: 'https://webview.test/media/evidenceMatrix.css' });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https:\/\/webview.test &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;">/);
    assert.match(page, /<script nonce="abc123" src="https:\/\/webview.test\/media\/evidenceMatrix.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" nonce="abc123" href="https:\/\/webview.test\/media\/evidenceMatrix.css">/);
    assert.equal([...page.matchAll(/<script/g)].length, 1);
  });

  it('escapes every text of the document, in content and in attributes', () => {
    const html = matrixBody(MATRIX, 'document', `The active editor, ${HOSTILE}, is not an analysis`);
    assert.doesNotMatch(html, /<img|<note>|<trade>/);
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quoted&#34; &#39;too&#39;'), html);
    assert.ok(html.includes('Evidence matrix of <span class="path">desk/&#60;note&#62;.md</span>'));
    assert.ok(notAnalysisBody('<b>x</b>.md').includes('&#60;b&#62;x&#60;/b&#62;.md is not an analysis'));
    // Every attribute value is quoted and holds no quote of its own: nothing of the text can open an attribute or a tag.
    for (const tag of html.match(/<[^>]*>/g)!) assert.match(tag, /^<\/?[a-z0-9]+(\s+[a-z-]+="[^"<>]*")*\s*>$/, tag);
  });

  it('gives each cell a symbol, its words for screen readers, and a tooltip with the marker\'s text and sources', () => {
    const html = matrixBody(MATRIX, 'document');
    assert.match(html, /<td class="rating consistent" aria-label="consistent" title="consistent with h1\ne1 \(evidence, line 7\): Trade collapsed\nSources: @stats: Foreign &#60;trade&#62;">C<\/td>/);
    assert.match(html, /<td class="rating none" aria-label="not weighed" title="[^"]*">·<\/td>/);
    assert.match(html, /<td class="rating inconsistent" aria-label="inconsistent" title="inconsistent with h1\nclaim \(claim, line 9\): [^"]*\nNo working source.">I<\/td>/);
  });

  it('shows each hypothesis\'s status and score, flags the least refuted, the sensitive rows and the disagreements, and says how the score is computed', () => {
    const html = matrixBody(MATRIX, 'document');
    assert.match(html, /<th scope="col" class="hypothesis" data-reveal="hypothesis:1" tabindex="0" title="[^"]*"><span class="name">h2<\/span><span class="text">Minsk asked<\/span><span class="facts">open · score 0<\/span><span class="flag">least refuted<\/span><\/th>/);
    assert.match(html, /<span class="facts">favored · score 1<\/span><\/th>/);
    assert.match(html, /<tr data-reveal="row:1"[^>]*><th scope="row"><span class="name">claim<\/span><span class="text">[^<]*<\/span><span class="flag">sensitive<\/span><\/th><td class="unsourced">no<\/td>/);
    assert.match(html, /<li>h1 is marked favored but is not the least refuted \(least refuted: h2\).<\/li>/);
    assert.match(html, /<h2>How the score is computed<\/h2><p>Every row counts the same: the score is an aid, not a verdict.<\/p>/);
    assert.match(html, /<tfoot><tr><th scope="row" colspan="2">Score \(inconsistent rows\)<\/th><td class="score">1<\/td><td class="score">0<\/td><\/tr><\/tfoot>/);
  });

  it('lists the rows by diagnosticity or in document order, the pressed button saying which', () => {
    assert.deepEqual(rowOrder(matrixBody(MATRIX, 'diagnosticity')), [1, 0]);
    assert.deepEqual(rowOrder(matrixBody(MATRIX, 'document')), [0, 1]);
    assert.match(matrixBody(MATRIX, 'document'), /<button type="button" data-order="diagnosticity" aria-pressed="false">most diagnostic first<\/button><button type="button" data-order="document" aria-pressed="true">in document order<\/button>/);
  });

  it('says when a document has no hypotheses, and leaves the table out', () => {
    const html = matrixBody({ ...MATRIX, hypotheses: [], rows: [], diagnosticOrder: [], rowRanges: [], rowSources: [], hypothesisRanges: [] }, 'diagnosticity');
    assert.match(html, /No hypotheses/);
    assert.doesNotMatch(html, /<table/);
  });
});
