/** The v1.3 kinds in the support graph: assumptions, indicators, `from=`, `.key` and `favoured`. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getQuickFixes } from '../../server/src/features/codeActions.js';
import { getCompletions } from '../../server/src/features/completion.js';
import { getHover } from '../../server/src/features/hover.js';
import { getDocumentSymbols } from '../../server/src/features/symbols.js';
import { indexedMarkers, matchWorkspaceSymbols, scanMarkers } from '../../server/src/features/workspaceSymbols.js';
import { analyzeFixture, diagnosticLines, lines } from '../support/check.js';

const SOURCED = '[the data](https://example.org/d)';

describe('the attributes of the v1.3 kinds', () => {
  it('reads .key from a class list, and favoured as favored', async () => {
    const text = lines(
      `:claim[A ${SOURCED}]{#c1 .important .key}`,
      `:claim[B ${SOURCED}]{#c2 class="key"}`,
      `:claim[C ${SOURCED}]{#c3 .keys .key-judgment}`,
      `:hypothesis[D]{#h1 status=favoured}`,
    );
    const { analysis } = await analyzeFixture({ text });
    assert.deepEqual(analysis.syntax.model.markers.map((marker) => marker.attributes.key), [true, true, false, false]);
    assert.equal(analysis.syntax.model.markers[3]!.attributes.status, 'favored');
  });
});

describe('judgments drawn from hypotheses', () => {
  it('grounds a claim only when a real hypothesis remains of its from= list', async () => {
    const text = lines(
      `:evidence[E ${SOURCED}]{#e1}`,
      `:claim[Drawn from nothing real]{#c1 from=e1,h-ghost}`,
    );
    assert.deepEqual((await diagnosticLines(text)).sort(), ['2:bad-attribute', '2:unknown-reference', '2:unsupported-claim']);
  });

  it('grounds in turn what a drawn judgment supports, and judgments drawn from what that weighs', async () => {
    const text = lines(
      ':hypothesis[H1]{#h1}',
      `:evidence[E1 ${SOURCED}]{#e1 for=h1}`,
      ':claim[Drawn from h1]{#c1 from=h1 for=h2}',
      ':hypothesis[H2]{#h2}',
      ':claim[Drawn from h2]{#c2 from=h2}',
    );
    assert.deepEqual(await diagnosticLines(text), []);
  });

  it('leaves a weigher whose only source is broken ungrounded, and names the hypothesis it weighs', async () => {
    const text = lines(
      ':hypothesis[H1]{#h1}',
      ':evidence[E1 [@nowhere]]{#e1 for=h1}',
      ':claim[Drawn from h1]{#c1 from=h1}',
    );
    const { diagnostics } = await analyzeFixture({ text });
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['2:unknown-source', '3:unsupported-claim']);
    assert.match(diagnostics[1]!.message, /no grounded marker weighs hypothesis "h1"/);
  });
});

describe('what an assumption is rested on by', () => {
  it('is the nearest enclosing claim or hypothesis only, through evidence', async () => {
    const text = lines(
      '::::hypothesis{#h1}',
      `:::claim{#c1}`,
      `The claim ${SOURCED} :evidence[quoting ${SOURCED} :assumption[a premise]{#a1 status=unsupported}]{#e1 against=h1}.`,
      ':::',
      '::::',
    );
    const { analysis, diagnostics } = await analyzeFixture({ text });
    const byId = analysis.markersById;
    assert.deepEqual(analysis.facts[byId.get('a1')!.index]!.restedOnBy.map((m) => m.attributes.id), ['c1']);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['2:unsupported-assumption']);
  });

  it('counts an empty judgment as using what it names, with only empty-marker for it', async () => {
    const text = lines(':assumption[A premise]{#a1 status=unsupported}', ':claim[]{#c1 assumes=a1}');
    assert.deepEqual(await diagnosticLines(text), ['2:empty-marker']);
  });
});

describe('indicators', () => {
  it('test and support only once observed, and a nested one names its hypothesis', async () => {
    const text = lines(
      ':::hypothesis{#h1}',
      `H1 :indicator[seen ${SOURCED}]{#i1 status=observed}`,
      ':::',
      ':::hypothesis{#h2}',
      `H2 :indicator[watched ${SOURCED}]{#i2 status=watch}`,
      ':::',
      `:indicator[for both ${SOURCED}]{#i3 for=h1,h2 status=absent}`,
    );
    const { analysis, diagnostics } = await analyzeFixture({ text });
    const facts = (id: string) => analysis.facts[analysis.markersById.get(id)!.index]!;
    assert.deepEqual(facts('h2').namedFor.map((m) => m.attributes.id), ['i2', 'i3']);
    assert.deepEqual(facts('h2').supporters, []);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['4:untested-hypothesis', '7:non-diagnostic-indicator']);
  });

  it('are not non-diagnostic while one hypothesis is left out or weighed against', async () => {
    const text = lines(
      ':hypothesis[H1]{#h1}',
      ':hypothesis[H2]{#h2 status=rejected}',
      ':hypothesis[]{#h3}',
      ':indicator[for two]{#i1 for=h1,h2}',
      ':indicator[for all, against one]{#i2 for=h1,h2,h3 against=h3}',
      ':indicator[for all]{#i3 for=h1,h2,h3 against=c1}',
      `:claim[C ${SOURCED}]{#c1}`,
    );
    const codes = (await diagnosticLines(text)).filter((line) => line.endsWith('non-diagnostic-indicator'));
    assert.deepEqual(codes, ['6:non-diagnostic-indicator']);
  });
});

describe('completion for the v1.3 kinds', () => {
  const complete = async (text: string, after: string) => {
    const { analysis } = await analyzeFixture({ text });
    return getCompletions(analysis, text.indexOf(after) + after.length).map((entry) => entry.label);
  };
  const document = (line: string) => lines(':assumption[A]{#a1}', ':hypothesis[H]{#h1}', `:evidence[E ${SOURCED}]{#e1}`, line);

  it('offers assumptions after assumes= and hypotheses after from=', async () => {
    assert.deepEqual(await complete(document(':claim[C]{#c1 assumes=}'), 'assumes='), ['a1']);
    assert.deepEqual(await complete(document(':claim[C]{#c1 assumes=a1 from='), 'from='), ['h1']);
  });

  it('offers the attributes the kind takes, and the values it allows', async () => {
    assert.deepEqual(await complete(document(':assumption[B]{#a2 }'), '#a2 '), ['src', 'status']);
    assert.deepEqual(await complete(document(':::indicator{#i1 for=h1 st'), 'for=h1 st'), ['for', 'against', 'src', 'status']);
    assert.deepEqual(await complete(document(':indicator[I]{#i1 status=o}'), 'status=o'), ['watch', 'observed', 'absent']);
    assert.deepEqual(await complete(document(':claim[C]{#c1 confidence=}'), 'confidence='), ['low', 'moderate', 'high']);
  });
});

describe('the quick fix for a value that is not allowed', () => {
  for (const [line, written, replacement] of [
    [`:claim[C ${SOURCED}]{#c1 confidence=medium}`, 'medium', 'moderate'],
    [':hypothesis[H]{#h1 status=favourite}', 'favourite', 'favored'],
    [':indicator[I]{#i1 status="seen"}', 'seen', 'observed'],
    [':assumption[A]{#a1 status=doubtful}', 'doubtful', 'solid'],
  ] as const) {
    it(`replaces ${written} by ${replacement}`, async () => {
      const { analysis } = await analyzeFixture({ text: line });
      const fixes = getQuickFixes(analysis, { start: 0, end: 1 }).filter((fix) => fix.fixes === 'bad-attribute');
      assert.equal(fixes.length, 1);
      const edit = fixes[0]!.edits[0]!;
      assert.equal(edit.newText, replacement);
      assert.equal(line.slice(edit.range.start.character, edit.range.end.character), written);
    });
  }

  it('offers nothing for an allowed value or one its kind does not take', async () => {
    const { analysis } = await analyzeFixture({ text: ':hypothesis[H]{#h1 status=favoured}\n:evidence[E]{#e1 confidence=high}' });
    assert.deepEqual(getQuickFixes(analysis, { start: 0, end: analysis.syntax.model.text.length }), []);
  });
});

describe('the hover of a judgment', () => {
  const text = lines(
    ':assumption[Minsk keeps its neutrality]{#a1 status=caveated}',
    ':::hypothesis{#h1 assumes=a1}',
    'Moscow wants a base :assumption[and has the money]{#a2}.',
    ':::',
    `:indicator[Troops stay past December ${SOURCED}]{#i1 for=h1 status=observed}`,
    ':indicator[Depots are enlarged]{#i2 for=h1}',
    ':indicator[Trains leave eastbound]{#i3 against=h1 status=absent}',
    `:claim[They will stay ${SOURCED}]{#c1 assumes=a1}`,
  );

  it('lists the assumptions a hypothesis rests on with their status, and its indicators for and against', async () => {
    const { analysis } = await analyzeFixture({ text });
    const sections = getHover(analysis, text.indexOf(':::hypothesis') + 1)!.contents.split('\n\n');
    const section = (heading: string) => sections.find((candidate) => candidate.startsWith(heading)) ?? '';
    assert.match(section('Rests on:'), /a1.*\(status caveated\)\n- assumption `a2`.*\(no status given\)$/);
    assert.match(section('Indicators for:'), /i1.*\(status observed; cites .*\n- indicator `i2`.*\(status not given, weighs nothing until observed; no working source\)$/);
    assert.match(section('Indicators against:'), /i3.*status absent, weighs nothing until observed/);
  });

  it('lists the assumptions a claim rests on', async () => {
    const { analysis } = await analyzeFixture({ text });
    assert.match(getHover(analysis, text.indexOf(':claim') + 1)!.contents, /Rests on:\n- assumption `a1`: Minsk keeps its neutrality \(status caveated\)/);
  });
});

describe('the outline and workspace symbols of the v1.3 kinds', () => {
  const text = lines(
    '::::claim{#c1 assumes=a1}',
    `The claim ${SOURCED}`,
    ':::indicator{#i1 for=c1 status=watch}',
    'Depots are enlarged',
    ':::',
    '::::',
    ':assumption[Minsk keeps its neutrality]{#a1 status=caveated}',
  );

  it('shows assumptions as constants and indicators as events, nested as written, with their status', async () => {
    const { analysis } = await analyzeFixture({ text });
    const [claim, assumption] = getDocumentSymbols(analysis);
    assert.deepEqual([claim!.children[0]!.outline, claim!.children[0]!.detail], ['event', 'indicator, watch']);
    assert.deepEqual([assumption!.name, assumption!.outline, assumption!.detail], ['a1 — Minsk keeps its neutrality', 'constant', 'assumption, caveated']);
  });

  it('finds them in a workspace scan, as the analysis does', async () => {
    const { analysis } = await analyzeFixture({ text });
    const scanned = scanMarkers(text);
    assert.deepEqual(scanned.map((marker) => [marker.kind, marker.id]), indexedMarkers(analysis).map((marker) => [marker.kind, marker.id]));
    const found = matchWorkspaceSymbols([{ uri: 'file:///ws/doc.md', markers: scanned }], 'neutral');
    assert.deepEqual(found.map((symbol) => [symbol.kind, symbol.outline]), [['assumption', 'constant']]);
  });
});
