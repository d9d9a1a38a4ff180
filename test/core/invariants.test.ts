import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LIST_ATTRIBUTES } from '../../server/src/language/attributes.js';
import { MARKER_KINDS } from '../../server/src/language/markerKinds.js';
import { RULES } from '../../server/src/rules/index.js';
import { CODES } from '../../server/src/types.js';
import { assertDocumentsCode, CHECKOUT } from '../support/documentation.js';

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

/** One import of a server source file, both named relative to `server/src` (`parse/blocks.ts`). */
interface CoreImport {
  readonly file: string;
  readonly target: string;
  /** `import type`, or every name imported is a type: nothing of the target runs. */
  readonly typeOnly: boolean;
}

/** The imports of one server module by another (imports of packages are left out). */
function coreImports(): CoreImport[] {
  return sourceFiles(CORE).flatMap((path) => {
    const file = relative(CORE, path).split('\\').join('/');
    const statements = readFileSync(path, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?([^'"]*?)\s*(?:from\s+)?['"](\.[^'"]+)['"]/gm);
    return [...statements].map(([, typeKeyword, names, spec]) => ({
      file,
      target: posix.normalize(posix.join(posix.dirname(file), spec!)).replace(/\.js$/, '.ts'),
      typeOnly: typeKeyword !== undefined || (/^\{\s*type\s[^}]*\}$/.test(names!) && !/,\s*(?!type\s)[\w$]/.test(names!)),
    }));
  });
}

/** The folder of a server module (`parse`), or the file itself at the top (`service.ts`). */
function layerOf(module: string): string {
  return module.split('/')[0]!;
}

function describeImports(imports: readonly CoreImport[]): string[] {
  return imports.map(({ file, target }) => `server/src/${file} imports ${target}`);
}

describe('invariants', () => {
  it('keeps the core pure: no Node built-in, no vscode, no LSP outside cli/, lsp/ and node/', () => {
    const forbidden = /^(node:|vscode$|vscode-languageserver|vscode-languageclient|fs$|path$|url$|os$|child_process$|worker_threads$)/;
    const offenders = sourceFiles(CORE)
      .filter((file) => !HOST_SIDE.includes(relative(CORE, file).split('/')[0]!))
      .flatMap((file) => importsOf(readFileSync(file, 'utf8')).filter((spec) => forbidden.test(spec)).map((spec) => `${relative(ROOT, file)}: ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it('keeps the layers: text at the bottom, the vocabulary below the parser, the parser below the model', () => {
    const below: Readonly<Record<string, readonly string[]>> = {
      text: ['text', 'types.ts'],
      language: ['language', 'text', 'types.ts'],
      parse: ['parse', 'language', 'text', 'types.ts'],
    };
    const offenders = coreImports().filter(({ file, target }) => below[layerOf(file)] && !below[layerOf(file)]!.includes(layerOf(target)));
    assert.deepEqual(describeImports(offenders), []);
  });

  it('keeps features off the parser: they read the analysis and the vocabulary', () => {
    const offenders = coreImports().filter(({ file, target }) => layerOf(file) === 'features' && layerOf(target) === 'parse');
    assert.deepEqual(describeImports(offenders), []);
  });

  it('keeps the views off the rules and the editor features: they read the analysis and its questions', () => {
    const offenders = coreImports().filter(({ file, target }) => layerOf(file) === 'views' && ['rules', 'features', 'parse'].includes(layerOf(target)));
    assert.deepEqual(describeImports(offenders), []);
  });

  it('keeps the protocol layer on the service, the document store, the plain types and the host', () => {
    const allowed = new Set(['lsp', 'node', 'service.ts', 'documentStore.ts', 'types.ts', 'settings.ts', 'host.ts', 'protocol.ts']);
    const offenders = coreImports().filter(({ file, target, typeOnly }) => layerOf(file) === 'lsp' && !typeOnly && !allowed.has(layerOf(target)));
    assert.deepEqual(describeImports(offenders), []);
  });

  it('keeps the protocol of the client and the server plain: it imports nothing, and the client takes nothing else of the server but the preview plugin', () => {
    assert.deepEqual(importsOf(readFileSync(join(CORE, 'protocol.ts'), 'utf8')), []);
    const client = join(ROOT, 'client/src');
    const fromServer = readdirSync(client).flatMap((name) => importsOf(readFileSync(join(client, name), 'utf8')).filter((spec) => spec.includes('server/')));
    assert.ok(fromServer.length > 0, 'the client imports the protocol');
    assert.deepEqual(new Set(fromServer), new Set(['../../server/src/protocol.js', '../../server/src/preview/markdownItMarkers.js']));
  });

  it('highlights the marker kinds of the vocabulary, all of them, in each pattern of the grammar', () => {
    const grammar = readFileSync(join(ROOT, 'syntaxes/tradecraft.injection.tmLanguage.json'), 'utf8');
    const kindGroups = [...grammar.matchAll(/\((?:[a-z]+\|)+[a-z]+\)/g)].map((match) => match[0]).filter((group) => group.includes('claim'));
    assert.equal(kindGroups.length, 3, 'the inline, leaf and block patterns');
    assert.deepEqual(new Set(kindGroups), new Set([`(${MARKER_KINDS.join('|')})`]));
  });

  it('scopes the items of the list attributes of the vocabulary, ids as references and keys as keys', () => {
    const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes/tradecraft.injection.tmLanguage.json'), 'utf8'));
    const itemsNamed: Record<string, string> = { '#reference-list': 'id', '#citation-key-list': 'source key' };
    const scoped = grammar.repository.attribute.patterns.flatMap((pattern: { match?: string; captures?: Record<string, { patterns?: { include: string }[] }> }) => {
      const items = itemsNamed[pattern.captures?.['11']?.patterns?.[0]?.include ?? ''];
      // `(?<![\w.:-])(for|against)…`: the names come first, after the look-behind.
      const names = /^\(\?<![^)]*\)\(([a-z|]+)\)/.exec(pattern.match ?? '')?.[1]?.split('|') ?? [];
      return items ? names.map((name) => `${name}: ${items}`) : [];
    });
    const vocabulary = Object.entries(LIST_ATTRIBUTES).map(([name, items]) => `${name}: ${items.endsWith(' id') ? 'id' : items}`);
    assert.deepEqual(scoped.sort(), vocabulary.sort());
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

  it('documents every code in a section of its own in docs/diagnostics.md, where the code\'s link opens', () => {
    const documentation = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
    const sections = [...documentation.matchAll(/^#### `([a-z-]+)`$/gm)].map((match) => match[1]);
    assert.deepEqual(sections, [...CODES]);
    for (const code of CODES) assertDocumentsCode(CHECKOUT.documentation.forCode(code), code);
  });

  it('offers a tradecraft.severity.<code> setting per code, with the rule\'s default', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown; enum?: unknown }> } } };
    const settings = Object.entries(manifest.contributes.configuration.properties)
      .filter(([name]) => name.startsWith('tradecraft.severity.'))
      .map(([name, setting]) => [name.slice('tradecraft.severity.'.length), setting.default, setting.enum]);
    assert.deepEqual(settings, RULES.map((rule) => [rule.code, rule.defaultSeverity, ['error', 'warning', 'information', 'hint', 'off']]));
  });

  it('links each severity setting\'s description to the code\'s documentation, through a command the extension contributes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { markdownDescription?: string }> } } };
    const links = Object.entries(manifest.contributes.configuration.properties)
      .filter(([name]) => name.startsWith('tradecraft.severity.'))
      .map(([name, setting]) => [name.slice('tradecraft.severity.'.length), [...(setting.markdownDescription ?? '').matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1])]);
    assert.deepEqual(links, CODES.map((code) => [code, [`command:tradecraft.showDocumentation?${encodeURIComponent(JSON.stringify([code]))}`]]));
    assert.ok(manifest.contributes.commands.some(({ command }) => command === 'tradecraft.showDocumentation'));
  });

  it('knows every code of the spec\'s tables with its default, in their order (the first table, then the one of later versions), before codes of its own', (t) => {
    const spec = join(ROOT, '../shared/annotation-language.md');
    if (!existsSync(spec)) return t.skip('../shared is not beside this checkout');
    const tables = readFileSync(spec, 'utf8').split('## Diagnostics')[1]!.split(/\n## /)[0]!;
    // A row is `| code | default | when |`, or `| code | since | default | when |` in a table of later versions.
    const rows = [...tables.matchAll(/^\| `([a-z-]+)` \|(?: v[\d.]+ \|)? (error|warning|information|hint) \|/gm)];
    const codes = rows.map((match) => [match[1], match[2]]);
    assert.ok(codes.length >= 26, `the spec's tables hold at least the 26 codes of v1.3, found ${codes.length}`);
    assert.deepEqual(RULES.slice(0, codes.length).map((rule) => [rule.code, rule.defaultSeverity]), codes);
  });
});
