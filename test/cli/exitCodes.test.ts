import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_CODES, TempDir, assertNoCrash, fileOf, lineCodes, lines, parseJson, parseText, startCli, type CliResult } from './cliHarness.js';

const SOURCES = lines('---', 'sources:', '  s1: https://example.org/s1', '---');

describe('tradecraft check exit codes', () => {
  const dir = new TempDir();
  dir.write('clean.md', lines(SOURCES, ':claim[Sourced [@s1]]{#c1}', ''));
  dir.write('error.md', lines(SOURCES, ':claim[Sourced [@s1]]{#c1}', '', ':claim[Mistyped [@s2]]{#c2}', ''));
  dir.write('warnings.md', lines(SOURCES, ':claim[Sourced [@s1]]{#c1}', '', ':evidence[Hearsay]{#e1}', ''));
  const runs = Promise.all([
    startCli(['check', 'clean.md'], dir.root),
    startCli(['check', 'clean.md', 'error.md'], dir.root),
    startCli(['check', 'warnings.md'], dir.root),
    startCli(['check', '--format', 'json', 'clean.md', 'no-such-file.md', 'warnings.md', 'no-such-folder'], dir.root),
  ]);
  let clean: CliResult;
  let withError: CliResult;
  let warningsOnly: CliResult;
  let missingPath: CliResult;

  before(async () => {
    [clean, withError, warningsOnly, missingPath] = await runs;
  });

  after(() => dir.remove());

  it('exits 0 for a clean document, printing nothing', () => {
    assertNoCrash(clean);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(clean.stdout, '');
  });

  it('exits 1 when a document has an error-level diagnostic (unknown-source)', () => {
    assertNoCrash(withError);
    assert.equal(withError.status, 1, withError.stderr);
    const parsed = parseText(withError.stdout);
    assert.deepEqual(parsed.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.code}`), ['error.md:7:18: error unknown-source']);
    assert.match(parsed[0]!.message, /"s2"/);
  });

  it('exits 0 when there are only warnings', () => {
    assertNoCrash(warningsOnly);
    assert.equal(warningsOnly.status, 0, warningsOnly.stderr);
    assert.deepEqual(parseText(warningsOnly.stdout).map((d) => `${d.line}:${d.severity} ${d.code}`), ['7:warning unsourced-evidence']);
  });

  it('exits 2 for a path that does not exist, names it on stderr and still reports the other files', () => {
    assertNoCrash(missingPath);
    assert.equal(missingPath.status, 2);
    assert.match(missingPath.stderr, /no-such-file\.md/);
    assert.match(missingPath.stderr, /no-such-folder/);
    assert.match(missingPath.stderr, /no such file/i);
    const report = parseJson(missingPath);
    assert.deepEqual(report.files.map((f) => f.path), ['clean.md', 'warnings.md']);
    assert.deepEqual(fileOf(report, 'clean.md'), []);
    assert.deepEqual(lineCodes(fileOf(report, 'warnings.md')), ['7:unsourced-evidence']);
  });

  describe('usage errors exit 2 with a message naming the problem and no stack trace', () => {
    const cases: { name: string; args: string[]; mentions: RegExp[] }[] = [
      { name: 'an unknown option', args: ['check', '--frobnicate', 'clean.md'], mentions: [/--frobnicate/] },
      { name: 'a bad --format value', args: ['check', '--format', 'xml', 'clean.md'], mentions: [/--format/, /xml/, /text/, /json/, /sarif/] },
      { name: 'an unknown command', args: ['frobnicate', 'clean.md'], mentions: [/frobnicate/, /command/] },
      { name: 'a --severity with an unknown code', args: ['check', '--severity', 'no-such-code=error', 'clean.md'], mentions: [/--severity/, /no-such-code/] },
      { name: 'a --severity with an unknown level', args: ['check', '--severity', 'unknown-source=loud', 'clean.md'], mentions: [/--severity/, /unknown-source/, /loud/, /error/, /off/] },
    ];
    const runs = Promise.all(cases.map((c) => startCli(c.args, dir.root)));
    let results: CliResult[];
    before(async () => {
      results = await runs;
    });

    for (const [index, c] of cases.entries()) {
      it(c.name, () => {
        const result = results[index]!;
        assertNoCrash(result);
        assert.equal(result.status, 2, `exit status for ${c.args.join(' ')}; stderr: ${result.stderr}`);
        assert.equal(result.stdout, '', 'no report on stdout');
        assert.ok(result.stderr.trim().length > 0, 'a message on stderr');
        for (const mention of c.mentions) assert.match(result.stderr, mention);
      });
    }
  });
});

describe('help', () => {
  const dir = new TempDir();
  const runs = Promise.all([startCli(['--help'], dir.root), startCli(['check', '--help'], dir.root)]);
  let mainHelp: CliResult;
  let checkHelp: CliResult;

  before(async () => {
    [mainHelp, checkHelp] = await runs;
  });

  after(() => dir.remove());

  it('tradecraft --help prints usage naming the check command, exit 0', () => {
    assertNoCrash(mainHelp);
    assert.equal(mainHelp.status, 0);
    assert.match(mainHelp.stdout, /usage/i);
    assert.match(mainHelp.stdout, /tradecraft check/);
    assert.match(mainHelp.stdout, /check --help/);
  });

  it('tradecraft check --help prints usage and every option, exit 0', () => {
    assertNoCrash(checkHelp);
    assert.equal(checkHelp.status, 0);
    assert.match(checkHelp.stdout, /usage: tradecraft check/i);
    for (const option of ['--format', '--severity-min', '--severity', '--bibliography', '--workspace', '--help']) {
      assert.ok(checkHelp.stdout.includes(option), `${option} missing from check --help`);
    }
  });

  it('tradecraft check --help names every format and severity level', () => {
    for (const word of ['text', 'json', 'sarif', 'error', 'warning', 'information', 'hint', 'off']) {
      assert.match(checkHelp.stdout, new RegExp(`\\b${word}\\b`), `${word} missing from check --help`);
    }
  });

  it('tradecraft check --help names every diagnostic code', () => {
    const missing = ALL_CODES.filter((code) => !new RegExp(`(^|\\s)${code}\\s`, 'm').test(checkHelp.stdout));
    assert.deepEqual(missing, []);
  });

  it('tradecraft check --help explains the exit codes', () => {
    assert.match(checkHelp.stdout, /\b0\b/);
    assert.match(checkHelp.stdout, /\b1\b/);
    assert.match(checkHelp.stdout, /\b2\b/);
  });
});
