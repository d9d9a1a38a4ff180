// The explorer view of the workspace's open problems in VS Code: the unsupported claims and
// untested hypotheses of the example workspace, a click away, counted in the badge, and following
// an edit.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, openExample, positionOf, restoreExample, waitFor } = require('./helpers.cjs');

const FILE = 'policy-shift-toward-belarus.md';

describe('Tradecraft open problems view', function () {
  let document;
  let view;

  before(async function () {
    document = await openExample();
    view = vscode.extensions.getExtension(EXTENSION_ID).exports.openProblems;
  });

  after(async function () {
    await restoreExample(document);
  });

  /** `file: label (description)` for each file and problem the view shows, once it satisfies `accept`. */
  async function shown(what, accept) {
    let last = [];
    return waitFor(() => `${what}; the view shows ${JSON.stringify(last)}`, () => {
      last = view.getChildren().flatMap((file) => {
        const item = view.getTreeItem(file);
        return [`${item.label} (${item.description})`, ...view.getChildren(file).map((problem) => `  ${view.getTreeItem(problem).label}`)];
      });
      return accept(last) && last;
    });
  }

  it('lists the unsupported claim and the untested hypothesis of the example, with the counts in its badge', async function () {
    await vscode.commands.executeCommand('tradecraft.openProblems.focus');
    const lines = await shown('the example\'s two problems', (lines) => lines.length === 3);
    assert.deepEqual(lines, [`${FILE} (1 unsupported · 1 untested)`, '  c-deep-state', '  h-region']);
    assert.deepEqual(view.badge, { value: 2, tooltip: '1 unsupported claim, 1 untested hypothesis' });
  });

  it('opens the file at a problem\'s marker', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const [file] = view.getChildren();
    const claim = view.getChildren(file)[0];
    const { command } = view.getTreeItem(claim);
    await vscode.commands.executeCommand(command.command, ...command.arguments);
    const editor = await waitFor('the example in the active editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith(FILE) && vscode.window.activeTextEditor);
    document = editor.document;
    assert.deepEqual(editor.selection.start, positionOf(document, ':claim[Much of Ukraine'));
  });

  it('follows an edit of the document', async function () {
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n\n:evidence[Kyiv hosted the regional summit [@preiherman2026]]{#e-summit for=h-region}\n'));
    const lines = await shown('the hypothesis tested', (lines) => !lines.includes('  h-region'));
    assert.deepEqual(lines, [`${FILE} (1 unsupported)`, '  c-deep-state']);
  });
});
