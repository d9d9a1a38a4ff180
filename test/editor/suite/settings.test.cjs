// The server follows the workspace's settings as they change: a code's severity set to `off` takes
// its diagnostics away, and taking the setting away brings them back.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { EXPECTED_CODES, diagnosticOf, openExample, restoreExample, waitForCodes } = require('./helpers.cjs');

const SETTING = 'severity.unsupported-claim';

describe('Tradecraft settings', function () {
  let document;
  const configuration = () => vscode.workspace.getConfiguration('tradecraft', document.uri);

  before(async function () {
    document = await openExample();
  });

  after(async function () {
    if (!document) return; // openExample failed
    await configuration().update(SETTING, undefined, vscode.ConfigurationTarget.Workspace);
    assert.equal(configuration().inspect(SETTING)?.workspaceValue, undefined, `tradecraft.${SETTING} is no longer set`);
    await restoreExample(document);
  });

  it(`takes unsupported-claim away with tradecraft.${SETTING} off, and brings it back without`, async function () {
    assert.equal(diagnosticOf(document.uri, 'unsupported-claim').severity, vscode.DiagnosticSeverity.Warning);
    const others = EXPECTED_CODES.filter((code) => code !== 'unsupported-claim');

    await configuration().update(SETTING, 'off', vscode.ConfigurationTarget.Workspace);
    await waitForCodes(document.uri, others, `every diagnostic but unsupported-claim with the setting off`);

    await configuration().update(SETTING, undefined, vscode.ConfigurationTarget.Workspace);
    await waitForCodes(document.uri, EXPECTED_CODES, 'unsupported-claim back once the setting is taken away');
    assert.equal(diagnosticOf(document.uri, 'unsupported-claim').severity, vscode.DiagnosticSeverity.Warning);
  });
});
