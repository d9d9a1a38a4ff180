// Tradecraft: Export for Pandoc and Export as Markdown on the finished example, in the extension
// host: the files they write, read back from the workspace.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { waitFor } = require('./helpers.cjs');

describe('Tradecraft export commands', function () {
  let folder;

  before(async function () {
    folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run opens a workspace folder');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'finished', 'policy-shift-toward-belarus.md'));
    await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => vscode.extensions.getExtension('tradecraft.tradecraft')?.isActive);
  });

  const read = async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

  it('are commands of the palette', async function () {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['tradecraft.exportForPandoc', 'tradecraft.exportAsMarkdown', 'tradecraft.exportAsHtml']) assert.ok(commands.includes(command), command);
  });

  it('export for Pandoc: markers as spans and divs, the sources in a .references.json beside it', async function () {
    const target = vscode.Uri.joinPath(folder.uri, 'exported', 'brief.md');
    const written = await vscode.commands.executeCommand('tradecraft.exportForPandoc', target);
    assert.equal(written?.toString(), target.toString());
    const text = await read(target);
    assert.match(text, /\{#c-bottom-line \.claim[ }]/);
    assert.match(text, /^::: \{#h-us \.hypothesis status=favored/m);
    assert.doesNotMatch(text, /:claim\[|:::hypothesis\{/);
    const references = JSON.parse(await read(vscode.Uri.joinPath(folder.uri, 'exported', 'brief.references.json')));
    assert.ok(references.some((item) => item.id === 'preiherman2026'), JSON.stringify(references));
  });

  it('export as Markdown: each marker as its text', async function () {
    const target = vscode.Uri.joinPath(folder.uri, 'exported', 'plain.md');
    await vscode.commands.executeCommand('tradecraft.exportAsMarkdown', target);
    const text = await read(target);
    assert.doesNotMatch(text, /:claim\[|::evidence\[|:::hypothesis|\{#/);
    assert.match(text, /Kyiv/);
  });

  it('export as HTML: one page with the markers and the references', async function () {
    const target = vscode.Uri.joinPath(folder.uri, 'exported', 'brief.html');
    await vscode.commands.executeCommand('tradecraft.exportAsHtml', target);
    const text = await read(target);
    assert.match(text, /^<!doctype html>/);
    assert.match(text, /id="c-bottom-line"/);
    assert.match(text, /<li id="ref-preiherman2026">/);
  });
});
