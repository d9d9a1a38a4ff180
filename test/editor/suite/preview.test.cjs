// VS Code's Markdown preview with the extension's markdown-it plugin: rendered through the
// preview's own engine (`markdown.api.render`), as the preview renders the document.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function waitFor(what, probe, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the Markdown preview', function () {
  let document;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run opens a workspace folder');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'policy-shift-toward-belarus.md'));
    await vscode.window.showTextDocument(document);
    await waitFor('the extension to activate', () => vscode.extensions.getExtension('tradecraft.tradecraft')?.isActive);
  });

  it('renders the markers, not their syntax', async function () {
    const html = await vscode.commands.executeCommand('markdown.api.render', document.getText());
    assert.match(html, /<span class="tc-marker tc-claim">/);
    assert.match(html, /<div class="tc-callout tc-hypothesis">/);
    assert.match(html, /<span class="tc-citation">\(/);
    assert.doesNotMatch(html, /:claim\[|:::hypothesis/);
  });

  it('flags the claims the server found unsupported', async function () {
    await waitFor('an unsupported-claim diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).some((diagnostic) => String(diagnostic.code?.value ?? diagnostic.code) === 'unsupported-claim'),
    );
    const html = await vscode.commands.executeCommand('markdown.api.render', document);
    assert.match(html, /class="tc-marker tc-claim tc-unsupported"|class="tc-callout tc-claim tc-unsupported"/);
  });

  it('links a citation\'s key to its source\'s URL, as the server gives it', async function () {
    // The first render asks the server; one after its answer has the links.
    await waitFor('a citation linked to its source', async () => {
      const html = await vscode.commands.executeCommand('markdown.api.render', document);
      return /<a href="https:\/\/caliber\.az\/en\/post\/[^"]+">preiherman2026<\/a>/.test(html);
    });
  });
});
