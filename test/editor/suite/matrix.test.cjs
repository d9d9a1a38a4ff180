// The evidence matrix in VS Code: `Tradecraft: Show Evidence Matrix` opens a webview beside the
// example that follows its edits, and the copy commands put the matrix and the map on the clipboard.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { expectedDiagnostics, openExample, restoreExample, waitFor } = require('./helpers.cjs');

const VIEW_TYPE = 'tradecraft.evidenceMatrix';

function matrixTabs() {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

describe('Tradecraft: Show Evidence Matrix', function () {
  let document;

  before(async function () {
    document = await openExample();
    await expectedDiagnostics(document.uri);
  });

  after(async function () {
    await vscode.window.tabGroups.close(matrixTabs());
    await restoreExample(document);
  });

  it('opens a webview beside the example, with the example\'s matrix', async function () {
    const shown = await vscode.commands.executeCommand('tradecraft.showEvidenceMatrix');
    assert.equal(shown.title, 'Evidence Matrix: policy-shift-toward-belarus.md');
    assert.equal(shown.uri, document.uri.toString());
    assert.deepEqual(shown.matrix.hypotheses.map((column) => [column.id, column.score]), [['h-yermak', 1], ['h-requests', 1], ['h-us', 1], ['h-region', 0]]);
    assert.equal(shown.matrix.rows.length, 6);
    // The workbench tells the extension host of its tabs, and of their titles, a moment later.
    const tabs = await waitFor(
      () => `the matrix's tab among ${JSON.stringify(vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => [tab.label, tab.input?.viewType])))}`,
      () => (matrixTabs().some((tab) => tab.label === shown.title) ? matrixTabs() : undefined),
      5_000,
    );
    assert.equal(tabs.length, 1);
    assert.notEqual(tabs[0].group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'the matrix is beside the document');
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the document keeps the focus');
  });

  it('updates as the example is edited', async function () {
    const edit = new vscode.WorkspaceEdit();
    const offset = document.getText().indexOf('{#e-us-track for=h-us}');
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + '{#e-us-track for=h-us}'.length)), '{#e-us-track against=h-us}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shown = await waitFor('the matrix to score h-us 2 after the edit', async () => {
      const now = await vscode.commands.executeCommand('tradecraft.showEvidenceMatrix');
      return now.matrix.hypotheses.find((column) => column.id === 'h-us').score === 2 ? now : undefined;
    }, 10_000);
    assert.deepEqual(shown.matrix.favoredNotLeastRefuted.map((ref) => ref.id), ['h-us']);
    assert.equal(matrixTabs().length, 1, 'one panel');
  });

  it('keeps the example\'s matrix while the active editor is no analysis', async function () {
    const plain = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nNothing marked here.\n' });
    await vscode.window.showTextDocument(plain, vscode.ViewColumn.One);
    try {
      const shown = await vscode.commands.executeCommand('tradecraft.showEvidenceMatrix');
      assert.equal(shown.uri, document.uri.toString());
      assert.equal(shown.title, 'Evidence Matrix: policy-shift-toward-belarus.md');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('Tradecraft: Copy Evidence Matrix as Markdown, Copy Argument Map as Mermaid', function () {
  let document;

  before(async function () {
    document = await openExample();
    await expectedDiagnostics(document.uri);
  });

  after(async function () {
    await restoreExample(document);
  });

  it('puts the example\'s Markdown table and Mermaid map on the clipboard', async function () {
    await vscode.commands.executeCommand('tradecraft.copyEvidenceMatrix');
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /^## policy-shift-toward-belarus\.md: Evidence matrix \(ACH\)\n\n### Hypotheses\n\n\|  \| Hypothesis \| Status \| Score \|/);
    assert.match(markdown, /\| H3 \| h-us \| favored \| 1 \| 2 \| least refuted \|/);
    await vscode.commands.executeCommand('tradecraft.copyArgumentMap');
    const mermaid = await vscode.env.clipboard.readText();
    assert.match(mermaid, /^flowchart BT\n/);
    assert.match(mermaid, /\{\{"hypothesis h-us \[favored\]<br>/);
  });

  it('copies nothing when the active editor is no analysis', async function () {
    await vscode.env.clipboard.writeText('unchanged');
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Not an analysis.' });
    await vscode.window.showTextDocument(plain);
    try {
      await vscode.commands.executeCommand('tradecraft.copyEvidenceMatrix');
      await vscode.commands.executeCommand('tradecraft.copyArgumentMap');
      assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
