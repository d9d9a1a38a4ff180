// What only VS Code shows of the extension's page and documentation links: a diagnostic's code
// opens its section of the docs/diagnostics.md in the extension, and `Tradecraft: Show
// Documentation of the Diagnostics` (the settings' "Read more") opens the same line.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'tradecraft.tradecraft';
const DOCUMENT = 'policy-shift-toward-belarus.md';

async function waitFor(what, probe, timeout = 30_000, interval = 100) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

describe('the documentation the extension links to', function () {
  let documentation;

  before(async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    documentation = vscode.Uri.joinPath(extension.extensionUri, 'docs/diagnostics.md');
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('links each diagnostic\'s code to the line of its section in the extension\'s docs/diagnostics.md', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, DOCUMENT));
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('tradecraft diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'tradecraft');
      return found.length > 0 && found;
    });
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(documentation)).split('\n');
    for (const diagnostic of diagnostics) {
      const { value, target } = diagnostic.code;
      assert.equal(target.with({ fragment: '' }).toString(), documentation.toString());
      const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
      assert.equal(lines[line - 1], `#### \`${value}\``, target.toString());
    }
  });

  it('opens a code\'s section with Tradecraft: Show Documentation of the Diagnostics', async function () {
    await vscode.commands.executeCommand('tradecraft.showDocumentation', 'unknown-source');
    const editor = await waitFor('the documentation to open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === documentation.toString() && active;
    });
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '#### `unknown-source`');
  });
});
