import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDocument } from '../../server/src/analysis/documentSyntax.js';
import { lines } from '../support/check.js';

function markersOf(text: string) {
  return readDocument(text).model.markers.map((m) => ({
    kind: m.kind,
    form: m.form,
    id: m.attributes.id,
    opening: text.slice(m.opening.start, m.opening.end),
    text: m.text,
    parent: m.parent?.attributes.id,
    refused: m.attributesRefused,
  }));
}

describe('the model', () => {
  it('reads the three forms with their openings, text and attributes', () => {
    const text = lines(
      'Inline :claim[the decree is symbolic]{#c1 confidence=low}.',
      '',
      '::evidence[A whole line]{#e1 for=c1}',
      '',
      ':::hypothesis{#h1 status=open}',
      'A block marker.',
      ':::',
    );
    assert.deepEqual(markersOf(text), [
      { kind: 'claim', form: 'inline', id: 'c1', opening: ':claim[', text: 'the decree is symbolic', parent: undefined, refused: false },
      { kind: 'evidence', form: 'leaf', id: 'e1', opening: '::evidence[', text: 'A whole line', parent: undefined, refused: false },
      { kind: 'hypothesis', form: 'block', id: 'h1', opening: ':::hypothesis{#h1 status=open}', text: 'A block marker.', parent: undefined, refused: false },
    ]);
    const [claim, evidence] = readDocument(text).model.markers;
    assert.equal(claim!.attributes.confidence, 'low');
    assert.deepEqual(evidence!.attributes.for, ['c1']);
  });

  it('nests block markers in longer fences and inline markers in labels', () => {
    const text = lines('::::claim{#outer}', ':::evidence{#inner}', 'The inner block with :evidence[an inline one]{#deep}.', ':::', '::::');
    assert.deepEqual(markersOf(text).map((m) => [m.id, m.parent]), [['outer', undefined], ['inner', 'outer'], ['deep', 'inner']]);
  });

  it('keeps markers whose attribute block does not parse, in all three forms', () => {
    const text = lines(':claim[inline]{#c1 for=}', '', '::claim[leaf]{#c2 for=}', '', ':::claim{#c3 for=}', 'block', ':::');
    assert.deepEqual(markersOf(text).map((m) => [m.form, m.id, m.refused, m.text]), [
      ['inline', 'c1', true, 'inline'],
      ['leaf', 'c2', true, 'leaf'],
      ['block', 'c3', true, 'block'],
    ]);
    assert.deepEqual(readDocument(text).model.markers.map((m) => m.attributes.for), [[''], [''], ['']]);
  });

  it('takes a name without a label, other directives and prose with colons for prose', () => {
    assert.deepEqual(markersOf('The main:claim and :claim alone, at 10:30, :abbr[x]{title=y} and ::claim'), []);
  });

  it('records near misses of marker names, and only those followed by [ or {', () => {
    const model = readDocument(lines(':cliam[x]{#a}', '', ':::evidense', 'y', ':::', '', ':Claim[z]', '', 'a :cliam here and :chain[w]')).model;
    assert.deepEqual(model.nearMisses.map((miss) => [miss.name, miss.intended]), [['cliam', 'claim'], ['evidense', 'evidence'], ['Claim', 'claim']]);
  });

  it('ignores markers in code and HTML blocks, but not inside inline HTML', () => {
    const text = lines('`:claim[a]{#a}`', '', '```', ':claim[b]{#b}', '```', '', '    :claim[c]{#c}', '', '<div>', ':claim[d]{#d}', '</div>', '', '<span>:claim[e]{#e}</span>');
    assert.deepEqual(markersOf(text).map((m) => m.id), ['e']);
  });

  it('gives citations in a footnote to the markers that reference it', () => {
    const text = lines(':claim[Trade fell[^t]]{#c1} and :claim[so did trust[^t]]{#c2}', '', '[^t]: See [@s1] and [the data](https://example.org).');
    const model = readDocument(text).model;
    assert.deepEqual(model.citations.map((c) => [c.key, c.owners.map((o) => o.attributes.id)]), [['s1', ['c1', 'c2']]]);
    assert.deepEqual(model.links.map((l) => l.owners.map((o) => o.attributes.id)), [['c1', 'c2']]);
  });

  it('gives a citation in a marker inside a footnote to that marker first, then to the markers that reference the footnote', () => {
    const text = lines(':claim[A[^n]]{#c1} :claim[B[^n]]{#c2} :claim[C[^n]]{#c1x}', '', '[^n]: :evidence[inside [@a]]{#e1} and [@b] and [@c]');
    const owners = readDocument(text).model.citations.map((c) => [c.key, c.owners.map((o) => o.attributes.id)]);
    assert.deepEqual(owners, [['a', ['e1', 'c1', 'c2', 'c1x']], ['b', ['c1', 'c2', 'c1x']], ['c', ['c1', 'c2', 'c1x']]]);
  });

  it('gives the citations of a footnote that thousands of markers reference to every one of them', () => {
    const markers = Array.from({ length: 3_000 }, (_, i) => `:claim[Claim ${i}[^n]]{#c${i}}`);
    const text = lines(...markers, '', `[^n]: ${Array.from({ length: 300 }, (_, i) => `[@k${i}]`).join(' ')}`);
    const { citations } = readDocument(text).model;
    assert.equal(citations.length, 300);
    assert.ok(citations.every((c) => c.owners.length === 3_000 && c.owners[2_999]!.attributes.id === 'c2999'));
  });

  it('gives a citation to its innermost marker only', () => {
    const text = ':claim[outer :evidence[inner [@a]]{#e} and [@b]]{#c}';
    assert.deepEqual(readDocument(text).model.citations.map((c) => [c.key, c.owners.map((o) => o.attributes.id)]), [['a', ['e']], ['b', ['c']]]);
  });

  it('reads a key that remark splits as a directive ([@sec:intro]) from the source', () => {
    assert.deepEqual(readDocument(':evidence[see [@sec:intro] and @crossref:fig-3]{#e}').model.citations.map((c) => c.key), ['sec:intro', 'crossref:fig-3']);
  });

  it('takes a bracket that Markdown makes a link for a link, not a citation', () => {
    const text = lines(':evidence[[@scope/pkg](https://example.org) and [@desk]]{#e}', '', '[@desk]: https://example.org/desk');
    const model = readDocument(text).model;
    assert.deepEqual(model.citations, []);
    assert.deepEqual(model.links.map((l) => l.url), ['https://example.org', 'https://example.org/desk']);
  });

  it('never throws on half-written markers', () => {
    for (const text of [':claim[', ':claim[x]{#', '::claim[x]{#e', ':::claim{#c', ':::claim', ':claim[x]{for="a', '{#', '[@', '---\nsources:\n']) {
      assert.doesNotThrow(() => readDocument(text), text);
    }
  });
});
