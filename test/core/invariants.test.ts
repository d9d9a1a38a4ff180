import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/rules/index.js';
import { CODES } from '../../server/src/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = join(ROOT, 'server/src');
/** The only folders of the server that may touch Node, LSP or VS Code. */
const HOST_SIDE = ['cli', 'lsp', 'node'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

describe('invariants', () => {
  it('keeps the core pure: no Node built-in, no vscode, no LSP outside cli/, lsp/ and node/', () => {
    const forbidden = /^(node:|vscode$|vscode-languageserver|vscode-languageclient|fs$|path$|url$|os$|child_process$|worker_threads$)/;
    const offenders = sourceFiles(CORE)
      .filter((file) => !HOST_SIDE.includes(relative(CORE, file).split('/')[0]!))
      .flatMap((file) => importsOf(readFileSync(file, 'utf8')).filter((spec) => forbidden.test(spec)).map((spec) => `${relative(ROOT, file)}: ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it('keeps rules independent: a rule imports no other rule and no feature', () => {
    const offenders = sourceFiles(join(CORE, 'rules'))
      .filter((file) => /\/[a-z]+(-[a-z]+)+\.ts$/.test(file))
      .flatMap((file) => importsOf(readFileSync(file, 'utf8')).filter((spec) => /^\.\/[a-z]+(-[a-z]+)+\.js$|features\//.test(spec)).map((spec) => `${relative(ROOT, file)}: ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it('registers one rule for every code, in the order of the codes', () => {
    assert.deepEqual(RULES.map((rule) => rule.code), [...CODES]);
  });

  it('documents every code in a README section of its own', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sections = [...readme.matchAll(/^#### `([a-z-]+)`$/gm)].map((match) => match[1]);
    assert.deepEqual(sections, [...CODES]);
  });

  it('offers a tradecraft.severity.<code> setting per code, with the rule\'s default', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown; enum?: unknown }> } } };
    const settings = Object.entries(manifest.contributes.configuration.properties)
      .filter(([name]) => name.startsWith('tradecraft.severity.'))
      .map(([name, setting]) => [name.slice('tradecraft.severity.'.length), setting.default, setting.enum]);
    assert.deepEqual(settings, RULES.map((rule) => [rule.code, rule.defaultSeverity, ['error', 'warning', 'information', 'hint', 'off']]));
  });

  it('knows every code of the spec\'s table, when the spec is beside the project', (t) => {
    const spec = join(ROOT, '../shared/annotation-language.md');
    if (!existsSync(spec)) return t.skip('../shared is not beside this checkout');
    const table = readFileSync(spec, 'utf8').split('## Diagnostics')[1]!;
    const codes = [...table.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((match) => [match[1], match[2]]);
    assert.deepEqual(codes, RULES.map((rule) => [rule.code, rule.defaultSeverity]));
  });
});
