// What the editor tests share: the example document they open, the diagnostics it has as the
// command line reports them, and waiting for the editor to show something.
'use strict';
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'tradecraft.tradecraft';
const DOCUMENT = 'policy-shift-toward-belarus.md';
// What `node bin/tradecraft check examples --format json` reports for the document, one of each.
const EXPECTED_CODES = [
  'bad-attribute',
  'placeholder-link',
  'unknown-marker',
  'unknown-source',
  'unsourced-evidence',
  'unsupported-claim',
  'untested-hypothesis',
  'unused-source',
];

/**
 * Polls `probe` until it returns something truthy; fails after `timeout` ms with `what` (or what
 * it returns, when a function: the state the test ended in).
 */
async function waitFor(what, probe, timeout = 30_000, interval = 100) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Runs one of VS Code's `vscode.execute…Provider` commands, again when the workbench cancels it:
 * right after a document opens, VS Code may cancel a provider call of its own accord (a user's
 * light bulb simply asks again). Any other failure fails the test.
 */
async function executeProvider(command, ...args) {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await vscode.commands.executeCommand(command, ...args);
      // The server answers a request VS Code cancelled with nothing: that is asked again too.
      if (attempt < 3 && Array.isArray(result) && result.length === 0) continue;
      return result;
    } catch (error) {
      const canceled = error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
      if (!canceled || attempt === 3) throw error;
    }
  }
}

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

function tradecraftDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'tradecraft');
}

/** The document's Tradecraft codes, sorted, one entry per diagnostic. */
function codesOf(uri) {
  return tradecraftDiagnostics(uri).map(codeOf).sort();
}

/** The one diagnostic of `code` in the document. */
function diagnosticOf(uri, code) {
  const found = tradecraftDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
  assert.equal(found.length, 1, `one ${code} in ${uri.path}: ${JSON.stringify(codesOf(uri))}`);
  return found[0];
}

/** Waits until the document's Tradecraft diagnostics are one of each of `codes`. */
async function waitForCodes(uri, codes, what) {
  const expected = JSON.stringify([...codes].sort());
  await waitFor(() => `${what}: ${expected}, but the editor shows ${JSON.stringify(codesOf(uri))}`, () => JSON.stringify(codesOf(uri)) === expected);
}

/** Waits until the document shows the command line's diagnostics, and returns them. */
async function expectedDiagnostics(uri) {
  await waitForCodes(uri, EXPECTED_CODES, 'the diagnostics of the saved example');
  return tradecraftDiagnostics(uri);
}

/** The position of the first `needle` in the document, `into` characters in. */
function positionOf(document, needle, into = 0) {
  const offset = document.getText().indexOf(needle);
  assert.notEqual(offset, -1, `${needle} is not in ${document.uri.path}`);
  return document.positionAt(offset + into);
}

/** Opens the example in the active editor, once the extension it activates has started. */
async function openExample() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, DOCUMENT));
  await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await waitFor('the extension to activate on a Markdown document', () => extension.isActive);
  // isActive is true once activate() has returned or thrown; this rethrows what it threw.
  await extension.activate();
  return document;
}

/** Puts the example back as it is in examples/, with its diagnostics, for the next test. */
async function restoreExample(document) {
  if (!document) return; // openExample failed
  await vscode.window.showTextDocument(document);
  if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.ok(!document.isDirty, `${document.uri.path} is reverted`);
  const original = readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'examples', DOCUMENT), 'utf8');
  assert.ok(document.getText() === original, `${document.uri.path} reverted is not examples/${DOCUMENT}: a test saved it (files.autoSave?)`);
  await expectedDiagnostics(document.uri);
}

module.exports = {
  EXPECTED_CODES,
  EXTENSION_ID,
  codeOf,
  codesOf,
  diagnosticOf,
  executeProvider,
  expectedDiagnostics,
  openExample,
  positionOf,
  restoreExample,
  tradecraftDiagnostics,
  waitFor,
  waitForCodes,
};
