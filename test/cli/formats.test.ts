import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { assertDocumentsCode } from '../support/documentation.js';
import { ALL_CODES, REPO_ROOT, TempDir, assertNoCrash, fileOf, lines, parseJson, parseText, runCli, type CliResult, type JsonReport } from './cliHarness.js';

// Both packages are CommonJS with `exports.default`; NodeNext types the default import as the module.
const Ajv = Ajv04Module.default;
const addFormats = addFormatsModule.default;

const ANALYSIS = lines(
  '---',
  'title: Formats',
  'sources:',
  '  good: https://example.org/good',
  '  spare: https://example.org/spare',
  '---',
  '# Title',
  '',
  'Some text :claim[an unsupported judgment]{#c1} here.',
  '',
  '😀 :claim[after an emoji]{#c2}',
  '',
  ':evidence[A fact [@good]]{#e1 for=c9}',
  '',
  ':claim[A bad cite [@nope]]{#c3}',
  '',
  ':hypothesis[Perhaps so]{#h1}',
  '',
);

const CLEAN = lines('---', 'sources:', '  good: https://example.org/good', '---', ':claim[Well sourced [@good]]{#c1}', '');

/** What the analysis should yield: code, severity, 0-based start and end, and a fact the message must name. */
const EXPECTED = [
  { code: 'unused-source', severity: 'hint', start: [4, 2], end: [4, 7], names: '"spare"' },
  { code: 'unsupported-claim', severity: 'warning', start: [8, 10], end: [8, 17], names: '"c1"' },
  { code: 'unsupported-claim', severity: 'warning', start: [10, 3], end: [10, 10], names: '"c2"' },
  { code: 'unknown-reference', severity: 'error', start: [12, 0], end: [12, 10], names: 'c9' },
  { code: 'unknown-source', severity: 'error', start: [14, 19], end: [14, 24], names: '"nope"' },
  { code: 'untested-hypothesis', severity: 'information', start: [16, 0], end: [16, 12], names: '"h1"' },
] as const;

const FILES = ['analysis.md', 'clean.md', join('notes', 'readme.md')];

describe('tradecraft check output formats', () => {
  let dir: TempDir;
  let text: CliResult;
  let json: CliResult;
  let sarif: CliResult;

  before(async () => {
    dir = new TempDir();
    dir.write('analysis.md', ANALYSIS);
    dir.write('clean.md', CLEAN);
    dir.write('notes/readme.md', lines('# Notes', '', 'Nothing to see.', ''));
    [text, json, sarif] = await Promise.all([
      runCli(['check', ...FILES], dir.root),
      runCli(['check', '--format', 'json', ...FILES], dir.root),
      runCli(['check', '-f', 'sarif', ...FILES], dir.root),
    ]);
  });

  after(() => dir.remove());

  describe('text', () => {
    it('exits 1 (error-level diagnostics) without a crash', () => {
      assertNoCrash(text);
      assert.equal(text.status, 1, text.stderr);
    });

    it('prints path:line:col: severity code message with 1-based positions, in document order', () => {
      const parsed = parseText(text.stdout);
      assert.deepEqual(
        parsed.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.code}`),
        EXPECTED.map((e) => `analysis.md:${e.start[0] + 1}:${e.start[1] + 1}: ${e.severity} ${e.code}`),
      );
      for (const [index, d] of parsed.entries()) assert.ok(d.message.includes(EXPECTED[index]!.names), `message should name ${EXPECTED[index]!.names}: ${d.message}`);
    });

    it('counts columns in UTF-16 code units (an emoji is two)', () => {
      const c2 = parseText(text.stdout).find((d) => d.message.includes('"c2"'));
      assert.equal(c2?.line, 11);
      assert.equal(c2?.column, 4);
    });

    it('prints nothing for files without diagnostics', () => {
      assert.ok(!text.stdout.includes('clean.md'));
      assert.ok(!text.stdout.includes('readme.md'));
    });
  });

  describe('json', () => {
    let report: JsonReport;
    before(() => {
      report = parseJson(json);
    });

    it('exits 1 and prints only the report on stdout', () => {
      assertNoCrash(json);
      assert.equal(json.status, 1, json.stderr);
      assert.deepEqual(Object.keys(report), ['files']);
    });

    it('lists every file in order, those without diagnostics with []', () => {
      assert.deepEqual(report.files.map((f) => f.path), FILES);
      assert.deepEqual(fileOf(report, 'clean.md'), []);
      assert.deepEqual(fileOf(report, join('notes', 'readme.md')), []);
    });

    it('gives LSP-style diagnostics: 0-based ranges, severity words, source, codeDescription', () => {
      const diagnostics = fileOf(report, 'analysis.md');
      assert.equal(diagnostics.length, EXPECTED.length, JSON.stringify(diagnostics, null, 1));
      for (const [index, d] of diagnostics.entries()) {
        const e = EXPECTED[index]!;
        assert.deepEqual(Object.keys(d).sort(), ['code', 'codeDescription', 'message', 'range', 'severity', 'source']);
        assert.equal(d.code, e.code);
        assert.equal(d.severity, e.severity);
        assert.deepEqual(d.range, { start: { line: e.start[0], character: e.start[1] }, end: { line: e.end[0], character: e.end[1] } });
        assert.equal(d.source, 'tradecraft');
        assert.ok(d.message.includes(e.names), `message should name ${e.names}: ${d.message}`);
        assertDocumentsCode(d.codeDescription.href, e.code);
      }
    });

    it('agrees with the text format', () => {
      const fromText = parseText(text.stdout).map((d) => [d.path, d.line, d.column, d.severity, d.code, d.message]);
      const fromJson = report.files.flatMap((f) =>
        f.diagnostics.map((d) => [f.path, d.range.start.line + 1, d.range.start.character + 1, d.severity, d.code, d.message]),
      );
      assert.deepEqual(fromText, fromJson);
    });
  });

  describe('sarif', () => {
    let log: any;
    before(() => {
      log = JSON.parse(sarif.stdout);
    });

    it('exits 1 without a crash', () => {
      assertNoCrash(sarif);
      assert.equal(sarif.status, 1, sarif.stderr);
    });

    it('validates against the official SARIF 2.1.0 schema', () => {
      const schemaFile = join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
      const ajv = new Ajv({ unicodeRegExp: false, strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      const valid = validate(log);
      assert.ok(valid, `SARIF does not validate:\n${JSON.stringify(validate.errors, null, 2)}`);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
    });

    it('declares exactly one rule per code, with a help link to the code', () => {
      const rules = log.runs[0].tool.driver.rules as { id: string; helpUri?: string; defaultConfiguration?: { level?: string } }[];
      assert.deepEqual(rules.map((r) => r.id).sort(), [...ALL_CODES].sort());
      for (const rule of rules) assertDocumentsCode(rule.helpUri!, rule.id);
      const level = (id: string) => rules.find((r) => r.id === id)?.defaultConfiguration?.level;
      assert.equal(level('unknown-source'), 'error');
      assert.equal(level('unsupported-claim'), 'warning');
      assert.equal(level('untested-hypothesis'), 'note');
    });

    it('gives each diagnostic a result with ruleId, ruleIndex, level and a 1-based region', () => {
      const rules = log.runs[0].tool.driver.rules as { id: string }[];
      const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
      const results = log.runs[0].results as {
        ruleId: string;
        ruleIndex?: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      }[];
      assert.equal(results.length, EXPECTED.length);
      for (const [index, result] of results.entries()) {
        const e = EXPECTED[index]!;
        assert.equal(result.ruleId, e.code);
        if (result.ruleIndex !== undefined) assert.equal(rules[result.ruleIndex]!.id, e.code);
        assert.equal(result.level, levels[e.severity]);
        assert.ok(result.message.text.includes(e.names));
        const location = result.locations[0]!.physicalLocation;
        assert.equal(location.artifactLocation.uri, 'analysis.md');
        assert.deepEqual(location.region, { startLine: e.start[0] + 1, startColumn: e.start[1] + 1, endLine: e.end[0] + 1, endColumn: e.end[1] + 1 });
      }
    });
  });
});
