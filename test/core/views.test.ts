/** The three technique views (server/src/views/): the rows they give for a document. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { assumptionsView } from '../../server/src/views/assumptions.js';
import { indicatorsView } from '../../server/src/views/indicators.js';
import type { MarkerRef } from '../../server/src/views/markerRef.js';
import { sourcesView } from '../../server/src/views/sources.js';
import { analyzeFixture, lines } from '../support/check.js';

const SOURCED = '[the data](https://example.org/d)';

/** `c1@3`: a marker's id and line, what most assertions compare. */
const at = (ref: MarkerRef) => `${ref.id ?? ref.text}@${ref.line}`;

async function viewOf<V>(make: (analysis: Awaited<ReturnType<typeof analyzeFixture>>['analysis']) => V, text: string, files?: Record<string, string>): Promise<V> {
  return make((await analyzeFixture({ text, files })).analysis);
}

describe('the Key Assumptions Check', () => {
  const text = lines(
    ':assumption[Minsk still decides]{#a1 status=solid}',
    ':assumption[The spring calendar holds]{#a2 status=unsupported}',
    ':assumption[Nothing rests here]{#a3 status=doubtful}',
    `:claim[Most troops leave ${SOURCED}]{#c1 assumes=a1,a2 .key}`,
    `:claim[A battalion stays ${SOURCED}]{#c2 assumes=a2}`,
    ':claim[]{#c-empty assumes=a1}',
    `:evidence[Flatcars left ${SOURCED}]{#e1 for=c1 assumes=a1}`,
    ':::hypothesis{#h1 confidence=high}',
    'Moscow wants a base :assumption[since the range has room]{#a4 status=unsupported}.',
    ':::',
    `:claim[Depots fill up :assumption[]{#a5 status=unsupported} ${SOURCED}]{#c3 confidence=high}`,
  );

  it('gives each assumption its id, text, status and line, and the judgments that rest on it', async () => {
    const view = await viewOf(assumptionsView, text);
    assert.deepEqual(
      view.assumptions.map((row) => [at(row), row.text, row.status, row.restedOnBy.map(at)]),
      [
        ['a1@1', 'Minsk still decides', 'solid', ['c1@4']],
        ['a2@2', 'The spring calendar holds', 'unsupported', ['c1@4', 'c2@5']],
        // A status its kind does not allow is none (check reports it as bad-attribute).
        ['a3@3', 'Nothing rests here', 'none', []],
        ['a4@9', 'since the range has room', 'unsupported', ['h1@8']],
        ['a5@11', '', 'unsupported', ['c3@11']],
      ],
    );
  });

  it('lists the key judgments that rest on an unsupported assumption, with those assumptions', async () => {
    const view = await viewOf(assumptionsView, text);
    // c2 is no key judgment, h1 a hypothesis, and c3 rests only on an empty assumption.
    assert.deepEqual(view.keyJudgmentsAtRisk.map(({ judgment, unsupported }) => [at(judgment), unsupported.map(at)]), [['c1@4', ['a2@2']]]);
  });

  it('is empty for a document without assumptions', async () => {
    assert.deepEqual(await viewOf(assumptionsView, `:claim[A ${SOURCED}]{#c1}`), { assumptions: [], keyJudgmentsAtRisk: [] });
  });
});

describe('the watch list', () => {
  const text = lines(
    ':hypothesis[Moscow presses Chișinău]{#h1 status=favoured}',
    ':hypothesis[A dispute over the debt]{#h2 status=rejected}',
    ':::hypothesis{#h3}',
    'No route was ready :indicator[no convoy is booked]{#i-nested status=absent}.',
    ':::',
    ':indicator[Gazprom offers gas on conditions]{#i1 for=h1 status=watch}',
    `:indicator[An arbitration court is asked [@debt]]{#i2 for=h2 against=h3 status=observed}`,
    ':indicator[Spot prices rise]{#i3 for=h1,h2,h3 status=seen}',
    ':indicator[]{#i-empty for=h1,h2,h3}',
    `:evidence[Pipeline pressure fell ${SOURCED}]{#e1 for=h1}`,
    ':claim[Power is at risk]{#c1}',
    ':indicator[Output halves]{#i4 for=c1 against=e1 status=watch}',
    ':indicator[Nothing named]{#i5}',
  );

  it('gives each hypothesis its status and the indicators for and against it with theirs', async () => {
    const view = await viewOf(indicatorsView, text);
    const indicator = (ref: MarkerRef & { status: string }) => `${at(ref)}:${ref.status}`;
    assert.deepEqual(
      view.hypotheses.map((row) => [at(row), row.status, row.for.map(indicator), row.against.map(indicator)]),
      [
        ['h1@1', 'favored', ['i1@6:watch', 'i3@8:none'], []],
        ['h2@2', 'rejected', ['i2@7:observed', 'i3@8:none'], []],
        ['h3@3', 'none', ['i-nested@4:absent', 'i3@8:none'], ['i2@7:observed']],
      ],
    );
  });

  it('lists the indicators for every hypothesis and against none, whatever their status', async () => {
    const view = await viewOf(indicatorsView, text);
    assert.deepEqual(view.nonDiagnostic.map(at), ['i3@8']);
  });

  it('lists the indicators that name no hypothesis, with what they name instead', async () => {
    const view = await viewOf(indicatorsView, text);
    // An empty indicator names nothing (spec, "Notes on reading v1.3").
    assert.deepEqual(view.unattached.map((row) => [at(row), row.status, row.for.map(at), row.against.map(at)]), [
      ['i-empty@9', 'none', [], []],
      ['i4@12', 'watch', ['c1@11'], ['e1@10']],
      ['i5@13', 'none', [], []],
    ]);
  });

  it('finds no indicator non-diagnostic with fewer than two hypotheses', async () => {
    const view = await viewOf(indicatorsView, lines(':hypothesis[H]{#h1}', ':indicator[I]{#i1 for=h1}'));
    assert.deepEqual([view.hypotheses.map(at), view.nonDiagnostic], [['h1@1'], []]);
  });
});

describe('the sources ledger', () => {
  const frontMatter = [
    '---',
    'sources:',
    '  tracker:',
    '    title: Weekly tanker tracking',
    '    grade: B2',
    '  journal:',
    '    title: Shadow fleet grows',
    '    retracted: The journal withdrew it',
    '  agent:',
    '    title: A port agent',
    '    grade: B7',
    '  stub:',
    '  uncited: https://example.org/u',
    'bibliography: refs.json',
    '---',
  ];
  const files = { '/ws/refs.json': JSON.stringify([{ id: 'iea', title: 'Oil Market Report', grade: 'A2' }, { id: 'library-only', title: 'Never cited' }]) };
  const text = lines(
    ...frontMatter,
    ':claim[Volumes held [@tracker]]{#c1 .key}',
    ':claim[The fleet grew [@journal; @tracker]]{#c2 confidence=high}',
    ':evidence[Loadings were normal [@agent]]{#e1 for=c3}',
    ':claim[Primorsk is busy]{#c3 confidence=high}',
    ':claim[A report says so [@iea; @agent]]{#c4 .key}',
    ':evidence[Stubbed]{#e2 src=stub}',
    ':claim[Not key [@iea]]{#c5}',
    'Outside every marker [@iea].',
  );

  it('gives each source its title, grade in words, retraction, emptiness and where it is defined', async () => {
    const view = await viewOf(sourcesView, text, files);
    assert.deepEqual(
      view.sources.map((row) => [row.key, row.title, row.grade, row.gradeInWords, row.retracted, row.retractionReason, row.empty, row.definedIn]),
      [
        ['tracker', 'Weekly tanker tracking', 'B2', 'B2 — usually reliable, probably true', false, null, false, 'front matter'],
        ['journal', 'Shadow fleet grows', null, null, true, 'The journal withdrew it', false, 'front matter'],
        // A grade that is not allowed is no grade (check reports bad-source-grade).
        ['agent', 'A port agent', null, null, false, null, false, 'front matter'],
        ['stub', null, null, null, false, null, true, 'front matter'],
        ['uncited', null, null, null, false, null, false, 'front matter'],
        // Of a bibliography file, only the entries the document cites.
        ['iea', 'Oil Market Report', 'A2', 'A2 — completely reliable, probably true', false, null, false, 'file:///ws/refs.json'],
      ],
    );
  });

  it('gives the markers that cite each source, and the key judgments whose grounds hold it alone', async () => {
    const view = await viewOf(sourcesView, text, files);
    assert.deepEqual(
      view.sources.map((row) => [row.key, row.citedBy.map(at), row.soleSourceOf.map(at)]),
      [
        // c2's retracted citation is no ground: tracker alone grounds it.
        ['tracker', ['c1@16', 'c2@17'], ['c1@16', 'c2@17']],
        ['journal', ['c2@17'], []],
        // c3 is grounded by e1 alone; c4 holds two sources.
        ['agent', ['e1@18', 'c4@20'], ['c3@19']],
        ['stub', ['e2@21'], []],
        ['uncited', [], []],
        ['iea', ['c4@20', 'c5@22'], []],
      ],
    );
  });

  it('is empty for a document that uses no markers, even one that cites a source of the settings', async () => {
    const settings = { bibliography: [URI.file('/ws/refs.json')] };
    const cites = async (text: string) => sourcesView((await analyzeFixture({ text, files, settings })).analysis).sources.map((row) => row.key);
    assert.deepEqual(await cites(':claim[A marker that cites [@iea]]{#c1}'), ['iea']);
    assert.deepEqual(await cites('Plain prose that cites [@iea].'), []);
  });
});
