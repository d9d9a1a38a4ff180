// Tradecraft: New Analysis and the tradecraft-analysis snippet, in the extension host: the
// skeleton opens unsaved, the server checks it (clean, until a source is taken away), and the
// snippet inserts the same text.
'use strict';
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, codesOf, positionOf, waitFor, waitForCodes } = require('./helpers.cjs');

describe('Tradecraft: New Analysis', function () {
  let skeleton;

  before(async function () {
    const snippets = JSON.parse(readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'snippets', 'markdown.json'), 'utf8'));
    skeleton = snippets['tradecraft-analysis'].body.join('\n');
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the skeleton as an untitled Markdown document, which checks clean until it breaks', async function () {
    const editor = await vscode.commands.executeCommand('tradecraft.newAnalysis');
    const { document } = editor;
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.deepEqual([document.isUntitled, document.languageId, document.getText()], [true, 'markdown', skeleton]);
    const source = positionOf(document, '[@press-briefing]');
    await editor.edit((edit) => edit.replace(new vscode.Range(source, source.translate(0, '[@press-briefing]'.length)), ''));
    await waitForCodes(document.uri, ['unsourced-evidence', 'unused-source'], 'the evidence left without its source');
    await vscode.commands.executeCommand('undo');
    await waitFor('the skeleton to check clean again', () => document.getText() === skeleton && codesOf(document.uri).length === 0);
  });

  it('is the text the tradecraft-analysis snippet inserts', async function () {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'tradecraft-analysis' });
    await waitFor('the snippet to be inserted', () => document.getText().length > 0);
    assert.equal(document.getText(), skeleton);
  });
});

