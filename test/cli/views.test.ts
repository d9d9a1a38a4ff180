/** `tradecraft assumptions|indicators|sources`, spawned: each view in each format, the help and bad input. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, lines, startCli, type CliResult } from './cliHarness.js';

const ANALYSIS = lines(
  '---',
  'sources:',
  '  tracker:',
  '    title: Weekly tanker tracking',
  '    grade: B2',
  '  journal:',
  '    title: A fleet | grows *fast*',
  '    retracted: The journal withdrew it',
  '---',
  '# Will the contingent stay?',
  '',
  ':assumption[Minsk still decides]{#a1 status=unsupported}',
  '',
  ':claim[Most troops leave [@tracker]]{#c1 assumes=a1 .key}',
  '',
  ':hypothesis[Moscow wants a base]{#h1}',
  '',
  ':hypothesis[The exercise simply ended]{#h2}',
  '',
  ':indicator[New barracks are built]{#i1 for=h1 against=h2 status=watch}',
  '',
  ':indicator[Trains run at night]{#i2 for=h1,h2 status=observed}',
  '',
  ':evidence[The fleet grew [@journal]]{#e1 for=c1}',
  '',
);

const PLAIN = lines('# Notes', '', 'Nothing marked here.', '');

const VIEWS = ['assumptions', 'indicators', 'sources'] as const;
const FORMATS = ['text', 'markdown', 'json'] as const;

describe('the views on the command line', () => {
  const dir = new TempDir();
  dir.write('analysis.md', ANALYSIS);
  dir.write('plain.md', PLAIN);
  const runs = Object.fromEntries(
    VIEWS.flatMap((view) => FORMATS.map((format) => [`${view} ${format}`, startCli([view, '--format', format, 'analysis.md', 'plain.md'], dir.root)])),
  );
  const outputs: Record<string, CliResult> = {};
  before(async () => {
    for (const [key, run] of Object.entries(runs)) outputs[key] = await run;
  });

  it('exit 0 without a crash or a word on stderr, in every format', () => {
    for (const [key, result] of Object.entries(outputs)) {
      assertNoCrash(result);
      assert.equal(result.status, 0, `${key}: ${result.stderr}`);
      assert.equal(result.stderr, '', key);
    }
  });

  it('json: one document a file, with its path and rows', () => {
    const assumptions = JSON.parse(outputs['assumptions json']!.stdout);
    assert.equal(assumptions.view, 'assumptions');
    assert.deepEqual(assumptions.documents.map((document: { path: string }) => document.path), ['analysis.md', 'plain.md']);
    const [row] = assumptions.documents[0].assumptions;
    assert.deepEqual([row.id, row.text, row.status, row.line, row.restedOnBy.map((ref: { id: string }) => ref.id)], ['a1', 'Minsk still decides', 'unsupported', 12, ['c1']]);
    assert.deepEqual(assumptions.documents[0].keyJudgmentsAtRisk.map(({ judgment }: { judgment: { id: string } }) => judgment.id), ['c1']);
    assert.deepEqual(assumptions.documents[1], { path: 'plain.md', assumptions: [], keyJudgmentsAtRisk: [] });

    const indicators = JSON.parse(outputs['indicators json']!.stdout).documents[0];
    assert.deepEqual(indicators.hypotheses.map((row: { id: string; for: { id: string; status: string }[] }) => [row.id, row.for.map((ref) => `${ref.id}:${ref.status}`)]), [
      ['h1', ['i1:watch', 'i2:observed']],
      ['h2', ['i2:observed']],
    ]);
    assert.deepEqual(indicators.nonDiagnostic.map((ref: { id: string }) => ref.id), ['i2']);

    const sources = JSON.parse(outputs['sources json']!.stdout).documents[0].sources;
    assert.deepEqual(sources.map((row: { key: string; gradeInWords: string | null; retractionReason: string | null; soleSourceOf: { id: string }[] }) => [row.key, row.gradeInWords, row.retractionReason, row.soleSourceOf.map((ref) => ref.id)]), [
      ['tracker', 'B2 — usually reliable, probably true', null, ['c1']],
      ['journal', null, 'The journal withdrew it', []],
    ]);
  });

  it('text: a block a row under the document and the table, and an empty view said so', () => {
    const assumptions = outputs['assumptions text']!.stdout;
    assert.match(assumptions, /^analysis\.md: Key Assumptions Check\n\n {2}Assumptions \(1\)\n {4}a1\n {6}status +unsupported\n {6}line +12\n {6}text +Minsk still decides\n {6}rested on by +claim c1 \(line 14\)\n/);
    assert.match(assumptions, /Key judgments that rest on an unsupported assumption \(1\)\n {4}c1\n/);
    assert.match(assumptions, /\nplain\.md: Key Assumptions Check\n {2}no assumptions\n$/);
    const indicators = outputs['indicators text']!.stdout;
    // A list is one item a line, aligned under the first.
    assert.match(indicators, /indicators for {6}i1 \(watch, line 20\)\n {26}i2 \(observed, line 22\)\n/);
    assert.match(indicators, /plain\.md: Indicators\n {2}no hypotheses\n$/);
    const sources = outputs['sources text']!.stdout;
    assert.match(sources, /retracted +yes: The journal withdrew it\n/);
    assert.match(sources, /plain\.md: Quality of Information Check\n {2}no sources\n$/);
  });

  it('markdown: a GFM table whose every row has the header\'s cells, document text escaped', () => {
    for (const view of VIEWS) {
      const markdown = outputs[`${view} markdown`]!.stdout;
      assert.match(markdown, /^## analysis\.md: /, view);
      for (const table of markdown.split(/\n\n/).filter((block) => block.startsWith('|'))) {
        const [header, rule, ...rows] = table.trim().split('\n');
        const cells = (line: string) => line.split(/(?<!\\)\|/).length;
        assert.match(rule!, /^\| --- (\| --- )*\|$/, view);
        for (const row of [rule!, ...rows]) assert.equal(cells(row), cells(header!), `${view}: ${row}`);
      }
    }
    assert.match(outputs['sources markdown']!.stdout, /\| journal \| A fleet \\\| grows \\\*fast\\\* \|/);
    assert.match(outputs['assumptions markdown']!.stdout, /## plain\.md: Key Assumptions Check\n\nNo assumptions\.\n$/);
  });
});

describe('the views\' help and bad input', () => {
  const dir = new TempDir();
  dir.write('analysis.md', ANALYSIS);
  dir.write('escapes.md', ':assumption[Reset \x1bc and ring \x07]{#a1}\n');
  const runs = {
    escapes: startCli(['assumptions', 'escapes.md'], dir.root),
    help: Promise.all(VIEWS.map((view) => startCli([view, '--help'], dir.root))),
    badFormat: startCli(['sources', '--format', 'sarif', 'analysis.md'], dir.root),
    badOption: startCli(['indicators', '--severity', 'x=y', 'analysis.md'], dir.root),
    missing: startCli(['assumptions', 'analysis.md', 'nowhere.md'], dir.root),
  };
  let results: { escapes: CliResult; help: CliResult[]; badFormat: CliResult; badOption: CliResult; missing: CliResult };
  before(async () => {
    results = { escapes: await runs.escapes, help: await runs.help, badFormat: await runs.badFormat, badOption: await runs.badOption, missing: await runs.missing };
  });

  it('text prints a document\'s control characters as visible escapes', () => {
    assert.equal(results.escapes.status, 0);
    assert.ok(results.escapes.stdout.includes('text          Reset \\x1Bc and ring \\x07\n'), results.escapes.stdout);
    assert.doesNotMatch(results.escapes.stdout, /[\x07\x1b]/);
  });

  it('--help names the view, every format and option, exit 0', () => {
    results.help.forEach((result, i) => {
      assert.equal(result.status, 0);
      assert.match(result.stdout, new RegExp(`^Usage: tradecraft ${VIEWS[i]} `));
      for (const word of ['text', 'markdown', 'json', '--format', '--bibliography', '--workspace', '--standards', '--help']) assert.ok(result.stdout.includes(word), `${word} missing from ${VIEWS[i]} --help`);
    });
  });

  it('a format the views do not have, or an option of check only, is a usage error: exit 2, no output', () => {
    for (const result of [results.badFormat, results.badOption]) {
      assertNoCrash(result);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
    }
    assert.match(results.badFormat.stderr, /"sarif" is not allowed for --format: use one of text, markdown, json/);
    assert.match(results.badOption.stderr, /Unknown option '--severity'\. Run "tradecraft indicators --help" for the options/);
  });

  it('a missing file is said on stderr and exits 2; the other files are still shown', () => {
    assertNoCrash(results.missing);
    assert.equal(results.missing.status, 2);
    assert.match(results.missing.stderr, /nowhere\.md: no such file or folder/);
    assert.match(results.missing.stdout, /^analysis\.md: Key Assumptions Check/);
  });
});

describe('the views over many files (worker threads)', () => {
  const dir = new TempDir();
  const names = Array.from({ length: 24 }, (_, i) => `doc-${String(i).padStart(2, '0')}.md`);
  for (const name of names) dir.write(name, ANALYSIS);
  const run = startCli(['sources', '--format', 'json', '.'], dir.root);

  it('gives every document its view, in the order of the files', async () => {
    const result = await run;
    assert.equal(result.status, 0, result.stderr);
    const { documents } = JSON.parse(result.stdout);
    assert.deepEqual(documents.map((document: { path: string }) => document.path), names);
    for (const document of documents) assert.deepEqual(document.sources.map((row: { key: string }) => row.key), ['tracker', 'journal']);
  });
});
