// The workspace folder's .tradecraft.yaml in a real VS Code: the client hands its buffer to the
// server (the document selector), so that an unsaved edit of it re-checks the example, and its
// problems show in the file itself.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { EXPECTED_CODES, codeOf, openExample, restoreExample, waitFor, waitForCodes } = require('./helpers.cjs');

const EDITED = 'severity:\n  unsupported-claim: off\n  unused-sorce: off\n';

describe('Tradecraft and .tradecraft.yaml', function () {
  let example;
  let configUri;

  before(async function () {
    example = await openExample();
    configUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, '.tradecraft.yaml');
    await vscode.workspace.fs.writeFile(configUri, new Uint8Array());
  });

  after(async function () {
    if (!configUri) return;
    const config = vscode.workspace.textDocuments.find((document) => document.uri.toString() === configUri.toString());
    if (config) {
      await vscode.window.showTextDocument(config);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await vscode.workspace.fs.delete(configUri);
    await restoreExample(example);
  });

  it('applies an unsaved edit of it to the open documents, and shows its problems in it', async function () {
    const config = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(config);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(configUri, new vscode.Position(0, 0), EDITED);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    await waitForCodes(example.uri, EXPECTED_CODES.filter((code) => code !== 'unsupported-claim'), 'every diagnostic but unsupported-claim, turned off in the buffer');
    const problems = await waitFor('a problem in .tradecraft.yaml', () => {
      const found = vscode.languages.getDiagnostics(configUri).filter((diagnostic) => diagnostic.source === 'tradecraft');
      return found.length > 0 && found;
    });
    assert.deepEqual(problems.map((d) => [codeOf(d), d.range.start.line, d.severity, d.message]), [
      ['bad-config', 2, vscode.DiagnosticSeverity.Error, 'severity: "unused-sorce" is not a Tradecraft code. Did you mean "unused-source"?'],
    ]);
  });
});
