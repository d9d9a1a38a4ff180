import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { readProjectConfig } from '../../server/src/config/projectConfig.js';
import { TempDir, runCli, type CliResult } from './cliHarness.js';
import { DEFAULT_INCLUDE } from '../../server/src/settings.js';

describe('tradecraft init', () => {
  let dir: TempDir;
  let first: CliResult;
  let again: CliResult;
  let check: CliResult;
  let written: string;

  before(async () => {
    dir = new TempDir();
    dir.write('brief.md', ':claim[A judgment]{#c1}\n');
    first = await runCli(['init'], dir.root);
    written = readFileSync(dir.path('.tradecraft.yaml'), 'utf8');
    [again, check] = await Promise.all([runCli(['init'], dir.root), runCli(['check', '--format', 'json'], dir.root)]);
  });
  after(() => dir.remove());

  it('writes a commented .tradecraft.yaml with every key at its default, which reads back with no problem', () => {
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Wrote \.tradecraft\.yaml/);
    const { config, problems } = readProjectConfig(written);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { severity: {}, bibliography: [], include: [...DEFAULT_INCLUDE], exclude: [], standards: 'none' });
    for (const key of ['severity', 'bibliography', 'include', 'exclude', 'standards']) assert.match(written, new RegExp(`^# .*\\n${key}:`, 'm'), `${key} has a comment`);
  });

  it('refuses to overwrite it (exit 2), and leaves it as it was', () => {
    assert.equal(again.status, 2);
    assert.equal(again.stderr, 'tradecraft: .tradecraft.yaml exists already: edit it, or remove it first to start again from the defaults.\n');
    assert.equal(readFileSync(dir.path('.tradecraft.yaml'), 'utf8'), written);
  });

  it('changes nothing a check finds', () => {
    assert.equal(check.stderr, '');
    assert.deepEqual(JSON.parse(check.stdout).files[0].diagnostics.map((d: { code: string }) => d.code), ['unsupported-claim']);
  });
});
