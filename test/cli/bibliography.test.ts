import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, fileOf, lineCodes, lines, parseJson, runCli, type CliResult, type JsonReport } from './cliHarness.js';

// The workspace is <tmp>/ws (the working folder); the bibliographies lie beside it in <tmp>/outside.
const BIB = lines('@article{bibkey,', '  title = {A BibTeX Title},', '  author = {Doe, Jane},', '  year = {2024}', '}', '');
const CSL = JSON.stringify([{ id: 'jsonkey', type: 'article-journal', title: 'A CSL-JSON Title', issued: { 'date-parts': [[2023]] } }]);
const YAML = lines('yamlkey:', '  title: A YAML Title', '  url: https://example.org/yaml', '');

const DOC = lines(':claim[One [@bibkey]]{#c1}', '', ':claim[Two [@jsonkey]]{#c2}', '', ':claim[Three [@yamlkey]]{#c3}', '');
const OWN = lines('---', 'bibliography: ../outside/refs.bib', '---', ':claim[Named by the document [@bibkey]]{#c1}', '');

describe('bibliography files and the workspace', () => {
  let dir: TempDir;
  let workspace: string;
  let withFlags: CliResult;
  let withoutFlags: CliResult;
  let widened: CliResult;

  before(async () => {
    dir = new TempDir();
    workspace = dir.mkdir('ws');
    dir.write('outside/refs.bib', BIB);
    const csl = dir.write('outside/refs.json', CSL);
    dir.write('outside/refs.yaml', YAML);
    dir.write('ws/doc.md', DOC);
    dir.write('ws/own.md', OWN);
    [withFlags, withoutFlags, widened] = await Promise.all([
      // One relative, one absolute, one with the long option name.
      runCli(['check', '--format', 'json', '-b', '../outside/refs.bib', '--bibliography', csl, '--bibliography=../outside/refs.yaml', 'doc.md'], workspace),
      runCli(['check', '--format', 'json', 'doc.md', 'own.md'], workspace),
      runCli(['check', '--format', 'json', '--workspace', '..', 'own.md'], workspace),
    ]);
  });

  after(() => dir.remove());

  it('without --bibliography the keys are unknown (the control case)', () => {
    assertNoCrash(withoutFlags);
    const diagnostics = fileOf(parseJson(withoutFlags), 'doc.md');
    assert.deepEqual(lineCodes(diagnostics), ['1:unknown-source', '3:unknown-source', '5:unknown-source']);
    assert.match(diagnostics[0]!.message, /"bibkey"/);
    assert.match(diagnostics[1]!.message, /"jsonkey"/);
    assert.match(diagnostics[2]!.message, /"yamlkey"/);
  });

  it('--bibliography reads .bib, .json and .yaml files outside the workspace and resolves their keys', () => {
    assertNoCrash(withFlags);
    assert.equal(withFlags.status, 0, withFlags.stdout + withFlags.stderr);
    assert.deepEqual(fileOf(parseJson(withFlags), 'doc.md'), []);
  });

  it('refuses a bibliography that a document names outside the workspace, saying so', () => {
    assertNoCrash(withoutFlags);
    assert.equal(withoutFlags.status, 1);
    const report: JsonReport = parseJson(withoutFlags);
    const diagnostics = fileOf(report, 'own.md');
    assert.deepEqual(lineCodes(diagnostics), ['2:bad-bibliography'], JSON.stringify(diagnostics, null, 1));
    const [bad] = diagnostics;
    assert.equal(bad!.severity, 'error');
    assert.equal(bad!.range.start.character, 'bibliography: '.length, 'on the entry that names the file');
    assert.ok(bad!.message.includes('../outside/refs.bib'), bad!.message);
    assert.match(bad!.message, /workspace/);
  });

  it('reads that bibliography when --workspace includes it', () => {
    assertNoCrash(widened);
    assert.equal(widened.status, 0, widened.stdout + widened.stderr);
    assert.deepEqual(fileOf(parseJson(widened), 'own.md'), []);
  });
});
