// Tradecraft in a real VS Code: the bundled extension starts its server, and the editor shows what
// the server finds in examples/policy-shift-toward-belarus.md (the workspace is a temporary copy of
// examples/). Runs in the extension host with the real `vscode` API; started by runTests.mjs.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const {
  EXPECTED_CODES,
  EXTENSION_ID,
  codeOf,
  expectedDiagnostics,
  openExample,
  positionOf,
  restoreExample,
  waitFor,
} = require('./helpers.cjs');

function hoverText(hovers) {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Location or LocationLink, as a { uri, range } pair. */
function target(definition) {
  return 'targetUri' in definition
    ? { uri: definition.targetUri, range: definition.targetSelectionRange ?? definition.targetRange }
    : { uri: definition.uri, range: definition.range };
}

describe('Tradecraft in VS Code', function () {
  let document;

  before(async function () {
    document = await openExample();
  });

  after(async function () {
    await restoreExample(document);
  });

  it('activates on a Markdown document', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('shows the diagnostics the command line reports', async function () {
    const diagnostics = await expectedDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(codeOf).sort(), EXPECTED_CODES);

    const unknown = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'unknown-source');
    assert.equal(document.getText(unknown.range), '@preihermann2026');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /Did you mean "preiherman2026"\?/);
    assert.match(unknown.code.target.toString(), /^file:.*\/docs\/diagnostics\.md#L\d+$/);
    const unused = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'unused-source');
    assert.equal(unused.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(document.getText(unused.range), 'belstat-trade');
  });

  it('shows the source card when hovering a citation', async function () {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, '[@preiherman2026]', 4));
    const text = hoverText(hovers);
    assert.ok(text.includes("What Is Driving Ukraine's Policy Shift Toward Belarus?"), `hover: ${text}`);
    assert.ok(text.includes('Yauheni Preiherman'), `hover: ${text}`);
  });

  it('goes from a citation key to its entry, in the front matter or the bibliography file', async function () {
    const [inFrontMatter] = (await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, '[@preiherman2026]', 4))).map(target);
    assert.equal(inFrontMatter.uri.toString(), document.uri.toString());
    assert.equal(document.lineAt(inFrontMatter.range.start.line).text, '  preiherman2026:');

    const [inBibliography] = (await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, '@opu-decree-2026', 4))).map(target);
    assert.ok(inBibliography.uri.path.endsWith('/sources.bib'), `definition in ${inBibliography.uri}`);
    const bibliography = await vscode.workspace.openTextDocument(inBibliography.uri);
    assert.match(bibliography.lineAt(inBibliography.range.start.line).text, /^@misc\{opu-decree-2026,/);
  });

  it('outlines the markers, nested as in the text', async function () {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    const flat = [];
    const walk = (list) => list.forEach((symbol) => (flat.push(symbol), walk(symbol.children ?? [])));
    walk(symbols);
    const byId = (id) => flat.find((symbol) => symbol.name.startsWith(`${id} — `));
    assert.equal(byId('c-bottom-line')?.kind, vscode.SymbolKind.Class);
    assert.equal(byId('e-decree')?.kind, vscode.SymbolKind.File);
    assert.equal(byId('h-us')?.kind, vscode.SymbolKind.Variable);
    const background = byId('c-background');
    assert.ok(background, `outline: ${flat.map((symbol) => symbol.name).join(' | ')}`);
    assert.deepEqual(background.children.map((symbol) => symbol.name.split(' — ')[0]), ['e-2020', 'e-2022']);
    assert.ok(!flat.some((symbol) => symbol.name.startsWith('c-reply')), 'the misspelt :cliam is no marker');
  });
});
