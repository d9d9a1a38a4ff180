import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BRIEF_UNDER_CONFIG, PROJECT_FILES, writeProjectFixture } from '../support/projectFixture.js';
import { TempDir, parseJson, runCli, type CliResult, type JsonReport } from './cliHarness.js';

/** What `brief.md` gives with the defaults: `c1` is unsupported too, its evidence citing no source it knows. */
const BRIEF_BY_DEFAULT = ['3:hint unused-source', '6:warning unsupported-claim', '8:error unknown-source', '10:warning unsupported-claim'];

/** Each file's diagnostics as `line:severity code`, by path. */
function byFile(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((file) => [file.path, file.diagnostics.map((d) => `${d.range.start.line + 1}:${d.severity} ${d.code}`)]));
}

describe('tradecraft check reads .tradecraft.yaml', () => {
  let dir: TempDir;
  const run: Record<string, CliResult> = {};

  before(async () => {
    dir = new TempDir();
    writeProjectFixture(dir.root);
    dir.mkdir('sub');
    dir.write('other/strict.yaml', 'severity:\n  unsupported-claim: hint\n');
    const broken = new TempDir();
    after(() => broken.remove());
    writeProjectFixture(broken.root, { ...PROJECT_FILES, '.tradecraft.yaml': 'severity:\n  unused-sorce: off\n  unsupported-claim: loud\nstandard: icd203\n' });
    const badYaml = new TempDir();
    after(() => badYaml.remove());
    writeProjectFixture(badYaml.root, { ...PROJECT_FILES, '.tradecraft.yaml': 'severity: [unused-source\n' });
    const outside = new TempDir();
    after(() => outside.remove());
    writeProjectFixture(outside.root, { ...PROJECT_FILES, '.tradecraft.yaml': `bibliography: ${dir.path('refs/shared.bib')}\n` });
    const entries = await Promise.all(
      Object.entries({
        project: runCli(['check', '--format', 'json'], dir.root),
        fromBelow: runCli(['check', '--format', 'json', '..'], dir.path('sub')),
        noConfig: runCli(['check', '--format', 'json', '--no-config'], dir.root),
        flagWins: runCli(['check', '--format', 'json', '--severity', 'unsupported-claim=information', 'brief.md'], dir.root),
        otherConfig: runCli(['check', '--format', 'json', '--config', 'other/strict.yaml', 'brief.md'], dir.root),
        missingConfig: runCli(['check', '--config', 'nowhere.yaml'], dir.root),
        both: runCli(['check', '--config', 'other/strict.yaml', '--no-config'], dir.root),
        broken: runCli(['check', '--format', 'json', 'brief.md'], broken.root),
        badYaml: runCli(['check', '--format', 'json', 'brief.md'], badYaml.root),
        outside: runCli(['check', '--format', 'json', 'brief.md'], outside.root),
        sources: runCli(['sources', '--format', 'json', 'brief.md'], dir.root),
      }).map(async ([name, result]) => [name, await result] as const),
    );
    for (const [name, result] of entries) run[name] = result;
  });
  after(() => dir.remove());

  it('turns a code off, raises another, reads its bibliography and skips the folder it excludes', () => {
    assert.equal(run.project!.stderr, '');
    assert.deepEqual(byFile(parseJson(run.project!)), { 'brief.md': BRIEF_UNDER_CONFIG });
    assert.equal(run.project!.status, 1);
  });

  it('is found above the current folder, its bibliography read relative to itself', () => {
    assert.deepEqual(byFile(parseJson(run.fromBelow!)), { [dir.path('brief.md')]: BRIEF_UNDER_CONFIG });
  });

  it('--no-config ignores it: the defaults apply and every folder is scanned', () => {
    const files = byFile(parseJson(run.noConfig!));
    assert.deepEqual(Object.keys(files).sort(), ['brief.md', 'drafts/wip.md']);
    assert.deepEqual(files['brief.md'], BRIEF_BY_DEFAULT);
  });

  it('a flag wins over the file; --config names another file', () => {
    assert.deepEqual(byFile(parseJson(run.flagWins!)), { 'brief.md': ['10:information unsupported-claim'] });
    assert.deepEqual(byFile(parseJson(run.otherConfig!))['brief.md'], ['3:hint unused-source', '6:hint unsupported-claim', '8:error unknown-source', '10:hint unsupported-claim']);
  });

  it('a --config that cannot be read, or --config with --no-config, is a usage error (exit 2)', () => {
    assert.equal(run.missingConfig!.status, 2);
    assert.match(run.missingConfig!.stderr, /--config nowhere\.yaml: cannot read it: there is no such file\. Name a \.tradecraft\.yaml that exists, or give --no-config\./);
    assert.equal(run.both!.status, 2);
    assert.match(run.both!.stderr, /--config and --no-config/);
  });

  it('a broken entry is told on stderr with file, line and column; the rest applies and the documents are still checked', () => {
    assert.deepEqual(run.broken!.stderr.split('\n').filter(Boolean), [
      '.tradecraft.yaml:2:3: severity: "unused-sorce" is not a Tradecraft code. Did you mean "unused-source"?',
      '.tradecraft.yaml:3:22: severity: "loud" is not a severity for unsupported-claim. Use one of: error, warning, information, hint, off.',
      '.tradecraft.yaml:4:1: "standard" is not a key of .tradecraft.yaml: did you mean "standards"?',
    ]);
    assert.deepEqual(byFile(parseJson(run.broken!))['brief.md'], BRIEF_BY_DEFAULT);
    assert.equal(run.broken!.status, 1);
  });

  it('bad YAML is one message, and the documents are checked with the defaults', () => {
    assert.match(run.badYaml!.stderr, /^\.tradecraft\.yaml:\d+:\d+: \.tradecraft\.yaml is not valid YAML: .*none of its settings apply\.\n$/);
    assert.deepEqual(byFile(parseJson(run.badYaml!))['brief.md'], BRIEF_BY_DEFAULT);
  });

  it("reads the file's bibliography only inside the workspace, as a document's own", () => {
    const diagnostics = parseJson(run.outside!).files[0]!.diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code), ['bad-bibliography', 'unsupported-claim']);
    assert.match(diagnostics[0]!.message, /outside the workspace/);
  });

  it('the views read it too', () => {
    assert.equal(run.sources!.status, 0);
    assert.match(run.sources!.stdout, /The shared report/);
  });
});
