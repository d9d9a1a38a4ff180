import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, fileOf, lineCodes, lines, parseJson, runCli, type CliResult, type JsonDiagnostic, type JsonReport } from './cliHarness.js';

// YAML places its error ("A block sequence may not be used as an implicit map key") on its line 4,
// the document's line 5.
const BROKEN_FRONT_MATTER = lines(
  '---',
  'title: Broken',
  'sources:',
  '  k: https://example.org/k',
  '  - item',
  'note: x',
  '---',
  'Text.',
  '',
  ':claim[No source here]{#c1}',
  '',
  ':claim[Cites a key that cannot be looked up [@k]]{#c2}',
  '',
);

const BIBLIOGRAPHIES = lines(
  '---',
  'bibliography:',
  '  - good.bib',
  '  - missing.bib',
  '  - broken.bib',
  '  - cut.json',
  '---',
  ':claim[From the good file [@goodkey]]{#c1}',
  '',
  ':claim[A key found nowhere [@whatever]]{#c2}',
  '',
  ':evidence[No citation at all]{#e1}',
  '',
);

const MID_EDIT = lines(
  '# Draft', // 1
  '', // 2
  'An inline :claim[unfinished', // 3
  '', // 4
  'Dangling {#', // 5
  '', // 6
  '::claim[x]{#e for=}', // 7
  '', // 8
  ':::claim{#c for=}', // 9
  'Inside the fence.', // 10
  ':::', // 11
  '', // 12
  ':evidence[fact]{#e2 for=}', // 13
  '', // 14
  'Later :claim[a later judgment]{#c9} here.', // 15
  '',
);

function messageAt(diagnostics: readonly JsonDiagnostic[], line: number, code: string): string {
  const found = diagnostics.find((d) => d.range.start.line === line - 1 && d.code === code);
  assert.ok(found, `no ${code} on line ${line}: ${JSON.stringify(lineCodes(diagnostics))}`);
  return found.message;
}

describe('bad input', () => {
  let dir: TempDir;
  let result: CliResult;
  let report: JsonReport;
  let binary: CliResult;
  let binaryReport: JsonReport;

  before(async () => {
    dir = new TempDir();
    dir.write('fm.md', BROKEN_FRONT_MATTER);
    dir.write('bib.md', BIBLIOGRAPHIES);
    dir.write('good.bib', '@book{goodkey, title = {Good}, year = {2020}}\n');
    dir.write('broken.bib', lines('@book{okone, title = {Fine}, year = {2020}}', '', '@article{brokenkey,', '  title = {Unclosed brace,', '  year = {2021}', '}', ''));
    dir.write('cut.json', '[{"id": "cutkey", "type": "book", "title": "Cut');
    dir.write('mid.md', MID_EDIT);
    dir.write('bin.md', Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(':claim[A binary claim]{#c1}\n', 'utf8')]));
    dir.write('noise.md', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xc3, 0x28, 0x80, 0xbf]));
    [result, binary] = await Promise.all([
      runCli(['check', '--format', 'json', 'fm.md', 'bib.md', 'mid.md'], dir.root),
      runCli(['check', '--format', 'json', 'bin.md', 'noise.md'], dir.root),
    ]);
    report = parseJson(result);
    binaryReport = parseJson(binary);
  });

  after(() => dir.remove());

  it('does not crash, and exits 1 for the error-level problems', () => {
    assertNoCrash(result);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(report.files.map((f) => f.path), ['fm.md', 'bib.md', 'mid.md']);
  });

  describe('broken YAML front matter', () => {
    it('is bad-front-matter giving YAML\'s reason', () => {
      const diagnostics = fileOf(report, 'fm.md');
      const bad = diagnostics.filter((d) => d.code === 'bad-front-matter');
      assert.equal(bad.length, 1, JSON.stringify(lineCodes(diagnostics)));
      assert.equal(bad[0]!.severity, 'error');
      assert.match(bad[0]!.message, /block sequence may not be used as an implicit map key/i);
    });

    it('is reported on the line where YAML places the error (line 5)', () => {
      const bad = fileOf(report, 'fm.md').find((d) => d.code === 'bad-front-matter');
      assert.equal(bad?.range.start.line, 4, `bad-front-matter on line ${bad ? bad.range.start.line + 1 : '?'} instead of 5`);
    });

    it('still checks the markers, without unknown-source while keys cannot be resolved', () => {
      const codes = lineCodes(fileOf(report, 'fm.md')).filter((c) => !c.endsWith('bad-front-matter'));
      assert.deepEqual(codes, ['10:unsupported-claim']);
    });
  });

  describe('bibliography files that are missing or do not parse', () => {
    it('gives bad-bibliography on each entry naming the file, with the line where known', () => {
      const diagnostics = fileOf(report, 'bib.md');
      const bad = diagnostics.filter((d) => d.code === 'bad-bibliography');
      assert.deepEqual(lineCodes(bad), ['4:bad-bibliography', '5:bad-bibliography', '6:bad-bibliography']);
      for (const d of bad) {
        assert.equal(d.severity, 'error');
        assert.equal(d.range.start.character, 4, 'on the list entry');
      }
      assert.ok(messageAt(diagnostics, 4, 'bad-bibliography').includes('missing.bib'));
      const broken = messageAt(diagnostics, 5, 'bad-bibliography');
      assert.ok(broken.includes('broken.bib'), broken);
      assert.match(broken, /line \d+/);
      const cut = messageAt(diagnostics, 6, 'bad-bibliography');
      assert.ok(cut.includes('cut.json'), cut);
      assert.match(cut, /line 1\b/);
    });

    it('does not complain about the good file, reports no unknown-source, and still checks the markers', () => {
      const codes = lineCodes(fileOf(report, 'bib.md')).filter((c) => !c.endsWith('bad-bibliography'));
      assert.deepEqual(codes, ['12:unsourced-evidence']);
    });
  });

  describe('markers left unfinished mid-edit', () => {
    it('reports the attribute blocks that do not parse as bad-attribute, in all three forms', () => {
      const diagnostics = fileOf(report, 'mid.md');
      const bad = diagnostics.filter((d) => d.code === 'bad-attribute');
      assert.deepEqual(lineCodes(bad), ['7:bad-attribute', '9:bad-attribute', '13:bad-attribute']);
      for (const d of bad) assert.equal(d.range.start.character, 0, 'on the marker opening');
    });

    it('still checks the rest of the document: the later claim is unsupported', () => {
      const diagnostics = fileOf(report, 'mid.md');
      const later = diagnostics.find((d) => d.range.start.line === 14);
      assert.equal(later?.code, 'unsupported-claim', JSON.stringify(lineCodes(diagnostics)));
      assert.equal(later?.range.start.character, 'Later '.length);
      assert.match(later!.message, /"c9"/);
    });

    it('does not call a claim with an unclosed label ":claim[unfinished" empty', () => {
      // The label is never closed, so remark-directive sees `:claim` with no label: prose, and
      // certainly not "a marker with no text".
      const onLine3 = fileOf(report, 'mid.md').filter((d) => d.range.start.line === 2);
      assert.ok(!onLine3.some((d) => d.code === 'empty-marker'), `line 3 got ${JSON.stringify(onLine3.map((d) => `${d.code}: ${d.message}`))}`);
    });

    it('reports nothing for a dangling "{#"', () => {
      assert.ok(!fileOf(report, 'mid.md').some((d) => d.range.start.line === 4));
    });
  });

  describe('files that are not UTF-8', () => {
    it('are checked, with a warning on stderr naming each file, and no crash', () => {
      assertNoCrash(binary);
      assert.equal(binary.status, 0, 'only warnings; the files could be read');
      assert.match(binary.stderr, /bin\.md.*UTF-8/);
      assert.match(binary.stderr, /noise\.md.*UTF-8/);
    });

    it('are listed in the report, with positions counting each invalid byte as one U+FFFD', () => {
      assert.deepEqual(binaryReport.files.map((f) => f.path), ['bin.md', 'noise.md']);
      const diagnostics = fileOf(binaryReport, 'bin.md');
      assert.deepEqual(lineCodes(diagnostics), ['1:unsupported-claim']);
      assert.deepEqual(diagnostics[0]!.range.start, { line: 0, character: 3 });
      assert.deepEqual(fileOf(binaryReport, 'noise.md'), []);
    });
  });
});
