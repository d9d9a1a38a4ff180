import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, fileOf, lineCodes, lines, parseJson, startCli, type CliResult, type JsonDiagnostic, type JsonReport } from './cliHarness.js';

// Which files a folder stands for, which documents are checked at all, and how line ends are read.

const UNSUPPORTED = ':claim[A judgment]{#c1}\n';

describe('tradecraft check expands folders', () => {
  const dir = new TempDir();
  dir.write('docs/top.md', UNSUPPORTED);
  dir.write('docs/sub/a.md', UNSUPPORTED);
  dir.write('docs/sub/deep/deeper/b.md', UNSUPPORTED);
  dir.write('docs/sub/plain.md', '# Plain notes\n');
  dir.write('docs/sub/notes.txt', UNSUPPORTED);
  dir.write('docs/sub/page.markdown.bak', UNSUPPORTED);
  dir.write('docs/node_modules/pkg/readme.md', UNSUPPORTED);
  dir.write('docs/sub/node_modules/other/deep/readme.md', UNSUPPORTED);
  dir.write('docs/.hidden/h.md', UNSUPPORTED);
  dir.write('elsewhere.md', UNSUPPORTED);
  const run = startCli(['check', '--format', 'json', 'docs'], dir.root);
  let result: CliResult;
  let report: JsonReport;

  before(async () => {
    result = await run;
    report = parseJson(result);
  });

  after(() => dir.remove());

  it('checks every *.md file below the folder, nested ones included', () => {
    assertNoCrash(result);
    const paths = report.files.map((f) => f.path).sort();
    for (const path of ['docs/top.md', 'docs/sub/a.md', 'docs/sub/deep/deeper/b.md', 'docs/sub/plain.md']) {
      assert.ok(paths.includes(join(...path.split('/'))), `${path} missing from ${JSON.stringify(paths)}`);
    }
  });

  it('skips node_modules (at any depth), other extensions and files outside the folder', () => {
    const paths = report.files.map((f) => f.path);
    assert.ok(!paths.some((p) => p.includes('node_modules')), JSON.stringify(paths));
    assert.ok(!paths.some((p) => p.endsWith('.txt') || p.endsWith('.bak')), JSON.stringify(paths));
    assert.ok(!paths.includes('elsewhere.md'));
  });

  it('skips hidden folders, as the help says', () => {
    assert.ok(!report.files.some((f) => f.path.includes('.hidden')), JSON.stringify(report.files.map((f) => f.path)));
  });

  it('lists exactly the four documents, each once, with their diagnostics', () => {
    assert.equal(report.files.length, 4, JSON.stringify(report.files.map((f) => f.path)));
    for (const file of report.files) {
      assert.deepEqual(lineCodes(file.diagnostics), file.path.endsWith('plain.md') ? [] : ['1:unsupported-claim'], file.path);
    }
    assert.equal(result.status, 0, 'only warnings');
  });
});

const BODY = lines(
  '# Notes',
  '',
  'See [the plan](TODO), [this]() and [that](#), and [gone](./missing.pdf).',
  'Ping @someone at 10:30 or desk@example.org; see [@nobody] and :note[aside]{x=1}.',
  '',
);

describe('documents that do not use the language', () => {
  const dir = new TempDir();
  dir.write('notes.md', BODY);
  dir.write('titled.md', lines('---', 'title: Meeting notes', 'tags: [a, b]', '---', BODY));
  // The same body in a document that uses the language, as a control.
  dir.write('analysis.md', lines('---', 'sources:', '  s: https://example.org/s', '---', BODY, ':claim[Uses it [@s]]{#c1}', ''));
  const run = startCli(['check', '--format', 'json', 'notes.md', 'titled.md', 'analysis.md'], dir.root);
  let result: CliResult;
  let report: JsonReport;

  before(async () => {
    result = await run;
    report = parseJson(result);
  });

  after(() => dir.remove());

  it('get no diagnostics, even with placeholder and broken links, @ words and other directives', () => {
    assertNoCrash(result);
    assert.deepEqual(fileOf(report, 'notes.md'), []);
    assert.deepEqual(fileOf(report, 'titled.md'), [], 'front matter without sources:/bibliography: does not opt in');
  });

  it('while the same text in a document that uses the language is checked (control)', () => {
    const codes = lineCodes(fileOf(report, 'analysis.md'));
    assert.deepEqual(codes, ['7:placeholder-link', '7:placeholder-link', '7:placeholder-link', '7:broken-link', '8:unknown-source']);
    assert.equal(result.status, 1);
  });
});

const LF = lines(
  '---',
  'title: Line ends',
  'sources:',
  '  s1: https://example.org/s1',
  '  unused: https://example.org/unused',
  '---',
  '# Title',
  '',
  'Text \u2014 :claim[A judgment]{#c1}.',
  '',
  ':evidence[A fact [@s1]]{#e1 for=c9}',
  '',
  ':::hypothesis{#h1}',
  'A block hypothesis',
  'over two lines.',
  ':::',
  '',
  ':claim[Cites [@none]]{#c2}',
  '',
);

const VARIANTS: Record<string, string | Buffer> = {
  'lf.md': LF,
  'crlf.md': LF.replaceAll('\n', '\r\n'),
  'cr.md': LF.replaceAll('\n', '\r'),
  'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LF, 'utf8')]),
  'bom-crlf.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LF.replaceAll('\n', '\r\n'), 'utf8')]),
};

function shape(diagnostics: readonly JsonDiagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
}

describe('line ends and the byte-order mark', () => {
  const dir = new TempDir();
  for (const [name, content] of Object.entries(VARIANTS)) dir.write(name, content);
  const run = startCli(['check', '--format', 'json', ...Object.keys(VARIANTS)], dir.root);
  let result: CliResult;
  let report: JsonReport;

  before(async () => {
    result = await run;
    report = parseJson(result);
  });

  after(() => dir.remove());

  it('LF gives the expected diagnostics', () => {
    assertNoCrash(result);
    assert.equal(result.stderr, '', 'no warning for valid UTF-8');
    const diagnostics = fileOf(report, 'lf.md');
    assert.deepEqual(lineCodes(diagnostics), ['5:unused-source', '9:unsupported-claim', '11:unknown-reference', '13:untested-hypothesis', '18:unknown-source']);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character]), [[4, 2], [8, 7], [10, 0], [12, 0], [17, 14]]);
  });

  for (const name of ['crlf.md', 'cr.md', 'bom.md', 'bom-crlf.md']) {
    it(`${name} gives the same lines, positions and messages as LF`, () => {
      assert.deepEqual(shape(fileOf(report, name)), shape(fileOf(report, 'lf.md')));
    });
  }
});

describe('a fence inside a container', () => {
  // The container's closing fence also closes the fence open inside it, so the second ``` opens a
  // code block that runs to the end: the claim is code, as in any CommonMark reader.
  const dir = new TempDir();
  dir.write('fence.md', lines(':::hypothesis{#h1}', '```', ':::', '', '```', ':::', '', ':claim[A judgment]{#c1}', ''));
  const run = startCli(['check', '--format', 'json', 'fence.md'], dir.root);
  let result: CliResult;

  before(async () => {
    result = await run;
  });

  after(() => dir.remove());

  it('reports nothing about text that the document makes code', () => {
    assertNoCrash(result);
    assert.deepEqual(lineCodes(fileOf(parseJson(result), 'fence.md')), ['1:empty-marker']);
  });
});
