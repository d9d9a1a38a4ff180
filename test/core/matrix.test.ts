/** The evidence matrix (server/src/views/matrix.ts): columns, rows, ratings, scores and what they say. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inOrder, matrixView, type MatrixView } from '../../server/src/views/matrix.js';
import type { MarkerRef } from '../../server/src/views/markerRef.js';
import { analyzeFixture, lines } from '../support/check.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCED = '[the data](https://example.org/d)';

async function matrixOf(text: string): Promise<MatrixView> {
  return matrixView((await analyzeFixture({ text })).analysis);
}

const name = (ref: MarkerRef) => ref.id ?? ref.text;
/** `e1 C I ·`: a row's name and its ratings, what most assertions compare. */
const rowLine = (view: MatrixView) => view.rows.map((row) => `${name(row)} ${row.ratings.map((rating) => ({ consistent: 'C', inconsistent: 'I', none: '·' })[rating]).join(' ')}`);
const scores = (view: MatrixView) => view.hypotheses.map((column) => `${name(column)}=${column.score}${column.leastRefuted ? '*' : ''}`);

describe('the evidence matrix', () => {
  const threeHypotheses = lines(
    ':hypothesis[Moscow wants a base]{#h1 status=favored}',
    ':hypothesis[The exercise simply ended]{#h2}',
    ':hypothesis[Minsk asked them to stay]{#h3 status=rejected}',
    `:evidence[Barracks are heated ${SOURCED}]{#e1 for=h1 against=h2}`,
    ':evidence[Trains left at night]{#e2 against=h1,h3}',
    `:evidence[Officers rented flats ${SOURCED}]{#e3 for=h1,h2,h3}`,
    ':claim[The depots are full]{#c1 for=h2 against=h1}',
    ':evidence[Only a claim is named]{#e4 for=c1}',
  );

  it('has a column a hypothesis in document order and a row a marker that weighs one, rated by for= and against=', async () => {
    const view = await matrixOf(threeHypotheses);
    assert.deepEqual(view.hypotheses.map(name), ['h1', 'h2', 'h3']);
    // e4 weighs only a claim, so it is no row; a claim that weighs a hypothesis is one.
    assert.deepEqual(rowLine(view), ['e1 C I ·', 'e2 I · I', 'e3 C C C', 'c1 I C ·']);
    assert.deepEqual(view.rows.map((row) => row.sourced), [true, false, true, false]);
  });

  it('scores each hypothesis by the rows inconsistent with it; the lowest is the least refuted', async () => {
    const view = await matrixOf(threeHypotheses);
    assert.deepEqual(scores(view), ['h1=2', 'h2=1*', 'h3=1*']);
    assert.deepEqual(view.hypotheses.map((column) => column.consistent), [2, 2, 1]);
  });

  it('points out a favored hypothesis that is not least refuted and a rejected one that is', async () => {
    const view = await matrixOf(threeHypotheses);
    assert.deepEqual(view.favoredNotLeastRefuted.map(name), ['h1']);
    assert.deepEqual(view.rejectedLeastRefuted.map(name), ['h3']);
  });

  it('flags a row that rates every hypothesis alike, and sorts the most discriminating first', async () => {
    const view = await matrixOf(threeHypotheses);
    assert.deepEqual(view.rows.map((row) => row.nonDiscriminating), [false, false, true, false]);
    // Most inconsistent ratings first, ties in document order, the non-discriminating row last.
    assert.deepEqual(inOrder(view, 'diagnosticity').rows.map(name), ['e2', 'e1', 'c1', 'e3']);
    assert.deepEqual(inOrder(view, 'document').rows.map(name), ['e1', 'e2', 'e3', 'c1']);
  });

  it('calls a row against every hypothesis non-discriminating too, but none while there is one hypothesis', async () => {
    const against = await matrixOf(lines(':hypothesis[A]{#h1}', ':hypothesis[B]{#h2}', ':evidence[Both fail]{#e1 against=h1,h2}', ':evidence[One holds]{#e2 for=h1}'));
    assert.deepEqual(against.rows.map((row) => [name(row), row.nonDiscriminating]), [['e1', true], ['e2', false]]);
    const single = await matrixOf(lines(':hypothesis[A]{#h1}', ':evidence[It holds]{#e1 for=h1}'));
    assert.equal(single.rows[0]!.nonDiscriminating, false);
  });

  it('marks the rows whose removal alone would change which hypotheses are least refuted', async () => {
    const view = await matrixOf(threeHypotheses);
    // Without e2, h1 scores 1 and joins the tie; without e1 or c1, h2 leads alone; e3 changes nothing.
    assert.deepEqual(view.rows.map((row) => [name(row), row.sensitive]), [['e1', true], ['e2', true], ['e3', false], ['c1', true]]);
    const robust = await matrixOf(lines(':hypothesis[A]{#h1}', ':hypothesis[B]{#h2}', ':evidence[x]{#e1 against=h2}', ':evidence[y]{#e2 against=h2}', ':evidence[z]{#e3 for=h1}'));
    assert.deepEqual(robust.rows.map((row) => row.sensitive), [false, false, false]);
  });

  it('counts nesting as for, and only the nearest enclosing hypothesis', async () => {
    const view = await matrixOf(lines(
      '::::hypothesis{#h1}',
      'Moscow wants a base.',
      ':::evidence{#e1}',
      `Flatcars came back ${SOURCED}.`,
      ':::',
      ':evidence[Nested but naming h2]{#e2 against=h2}',
      '::::',
      ':hypothesis[The exercise ended]{#h2}',
    ));
    assert.deepEqual(rowLine(view), ['e1 C ·', 'e2 · I']);
  });

  it('scores an observed indicator, and lists one still watched or absent without scoring it', async () => {
    const view = await matrixOf(lines(
      ':hypothesis[A]{#h1}',
      ':hypothesis[B]{#h2}',
      `:indicator[Seen ${SOURCED}]{#i1 for=h1 against=h2 status=observed}`,
      ':indicator[Watched]{#i2 against=h1 status=watch}',
      ':indicator[Absent]{#i3 for=h2 status=absent}',
      ':indicator[About a claim]{#i4 for=c1}',
      ':claim[C]{#c1}',
    ));
    assert.deepEqual(rowLine(view), ['i1 C I']);
    assert.deepEqual(view.notObserved.map(name), ['i2', 'i3']);
  });

  it('leaves a hypothesis that nothing weighs unranked, and favored ones it would outrank are still pointed out', async () => {
    const view = await matrixOf(lines(':hypothesis[A]{#h1 status=favored}', ':hypothesis[Nothing weighs me]{#h2}', ':evidence[x]{#e1 against=h1}'));
    assert.deepEqual(view.hypotheses.map((column) => [name(column), column.score, column.weighed, column.leastRefuted]), [['h1', 1, true, true], ['h2', 0, false, false]]);
    assert.deepEqual(view.favoredNotLeastRefuted, []);
    const unweighedFavored = await matrixOf(lines(':hypothesis[A]{#h1 status=favored}', ':hypothesis[B]{#h2}', ':evidence[x]{#e1 for=h2}'));
    assert.deepEqual(unweighedFavored.favoredNotLeastRefuted.map(name), ['h1']);
  });

  it('treats a row for and against the same hypothesis as inconsistent with it', async () => {
    assert.deepEqual(rowLine(await matrixOf(lines(':hypothesis[A]{#h1}', ':evidence[x]{#e1 for=h1 against=h1}'))), ['e1 I']);
  });

  it('keeps empty hypotheses as columns, and empty markers out of the rows', async () => {
    const view = await matrixOf(lines(':hypothesis[]{#h1}', ':hypothesis[B]{#h2}', ':evidence[]{#e1 for=h2}', ':evidence[x]{#e2 for=h1}'));
    assert.deepEqual(view.hypotheses.map(name), ['h1', 'h2']);
    assert.deepEqual(rowLine(view), ['e2 C ·']);
  });

  it('reads a broken marker as the support graph does, and ignores unknown ids', async () => {
    const view = await matrixOf(lines(':hypothesis[A]{#h1}', '::evidence[Refused block]{#e1 for=h1 against=}', ':evidence[Names a ghost]{#e2 for=h-ghost}', ':evidence[Half right]{#e3 for=h1,h-ghost}'));
    // The refused block is read leniently, as check reads it (it reports the block too).
    assert.deepEqual(rowLine(view), ['e1 C', 'e3 C']);
  });

  it('is empty without hypotheses, and for a document that does not use the language', async () => {
    const none = await matrixOf(lines(':claim[A]{#c1}', `:evidence[x ${SOURCED}]{#e1 for=c1}`));
    assert.deepEqual([none.hypotheses, none.rows, none.notObserved], [[], [], []]);
    const plain = await matrixOf('# Notes\n\nNothing marked.\n');
    assert.deepEqual([plain.hypotheses, plain.rows], [[], []]);
  });

  it('says how the score is computed, and that it is an aid, not a verdict', async () => {
    const view = await matrixOf(threeHypotheses);
    assert.match(view.scoring.join(' '), /number of rows inconsistent with it/);
    assert.match(view.scoring.join(' '), /an aid .*not a verdict/);
  });

  it('on the bundled example: the rejected hypotheses tie with the favored one, and the unweighed one is not ranked', async () => {
    const text = readFileSync(`${ROOT}examples/policy-shift-toward-belarus.md`, 'utf8');
    const files = { '/ws/sources.bib': readFileSync(`${ROOT}examples/sources.bib`, 'utf8') };
    const view = matrixView((await analyzeFixture({ text, files })).analysis);
    assert.deepEqual(scores(view), ['h-yermak=1*', 'h-requests=1*', 'h-us=1*', 'h-region=0']);
    assert.deepEqual(view.hypotheses.map((column) => column.status), ['rejected', 'rejected', 'favored', 'open']);
    assert.deepEqual(view.rejectedLeastRefuted.map(name), ['h-yermak', 'h-requests']);
    assert.deepEqual(view.favoredNotLeastRefuted, []);
    assert.deepEqual(inOrder(view, 'diagnosticity').rows.map((row) => [name(row), row.sensitive]), [
      ['e-not-alone', true], ['e-old-requests', true], ['e-us-inference', true], ['e-requests-made', false], ['e-us-track', false], ['c-deep-state', false],
    ]);
  });

  it('on the second example: an observed indicator for every hypothesis does not discriminate, a watched one is not scored', async () => {
    const text = readFileSync(`${ROOT}examples/key-assumptions-and-signposts.md`, 'utf8');
    const view = matrixView((await analyzeFixture({ text, files: { '/ws/sources.bib': readFileSync(`${ROOT}examples/sources.bib`, 'utf8') } })).analysis);
    assert.deepEqual(view.rows.filter((row) => row.nonDiscriminating).map(name), ['i-speeches']);
    assert.deepEqual(view.notObserved.map(name), ['i-timing']);
  });
});
