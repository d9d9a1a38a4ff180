// Tradecraft follows the unsaved text of the example as it is edited, and its quick fixes edit it
// through the commands every VS Code extension and keybinding uses. Each test puts the document back
// as it is on disk.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { codesOf, diagnosticOf, executeProvider, openExample, restoreExample, tradecraftDiagnostics, codeOf, waitFor } = require('./helpers.cjs');

const UNSUPPORTED_CLAIM = ':claim[Minsk will close the border by May]{#c-unsaved}';

describe('Tradecraft on an edited document', function () {
  let document;

  before(async function () {
    document = await openExample();
  });

  afterEach(async function () {
    await restoreExample(document);
  });

  it('applies the quick fix of an unknown citation key through vscode.commands', async function () {
    const unknown = diagnosticOf(document.uri, 'unknown-source');
    const actions = await executeProvider('vscode.executeCodeActionProvider', document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.title === 'Change to "preiherman2026"');
    assert.ok(fix, `quick fixes offered: ${JSON.stringify(titles)}`);
    assert.ok(fix.isPreferred, 'the closest key is the preferred fix');
    assert.ok(fix.edit, 'the fix carries its edit');

    const before = document.getText();
    const [start, end] = [unknown.range.start, unknown.range.end].map((position) => document.offsetAt(position));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), `${before.slice(0, start)}@preiherman2026${before.slice(end)}`);
    await waitFor('unknown-source to go once the fix is applied', () => !codesOf(document.uri).includes('unknown-source') && codesOf(document.uri).length > 0);
  });

  it('reports a claim typed into the unsaved buffer, and forgets it once the typing is undone', async function () {
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await vscode.window.activeTextEditor.edit((builder) => builder.insert(end, `\n${UNSUPPORTED_CLAIM}\n`)));
    assert.ok(document.isDirty);
    const typedLine = document.lineCount - 2;
    assert.equal(document.lineAt(typedLine).text, UNSUPPORTED_CLAIM);
    const unsupportedOnTypedLine = () =>
      tradecraftDiagnostics(document.uri).some((diagnostic) => codeOf(diagnostic) === 'unsupported-claim' && diagnostic.range.start.line === typedLine);
    await waitFor('unsupported-claim on the claim just typed', unsupportedOnTypedLine);

    await vscode.commands.executeCommand('undo');
    assert.ok(!document.getText().includes(UNSUPPORTED_CLAIM), 'undo takes the claim away');
    await waitFor('the unsupported-claim of the typed claim to go', () => !unsupportedOnTypedLine() && codesOf(document.uri).includes('unsupported-claim'));
  });

  it('takes unknown-source away once the key is corrected by hand', async function () {
    const { range } = diagnosticOf(document.uri, 'unknown-source');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, '@preiherman2026');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    await waitFor('unknown-source to go once the key is corrected', () => codesOf(document.uri).length > 0 && !codesOf(document.uri).includes('unknown-source'));
  });
});
