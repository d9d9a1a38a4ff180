// Support lenses in VS Code: above each claim and hypothesis of the example, what weighs it; a
// click lists those markers in the references view.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { expectedDiagnostics, openExample, positionOf, restoreExample, waitFor } = require('./helpers.cjs');

describe('Tradecraft support lenses', function () {
  let document;

  before(async function () {
    document = await openExample();
    await expectedDiagnostics(document.uri);
  });

  after(async function () {
    await vscode.commands.executeCommand('closeReferenceSearch');
    await restoreExample(document);
  });

  it('says what weighs each claim and hypothesis, and lists the markers when clicked', async function () {
    const lenses = await waitFor('the support lenses', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 100);
      return found && found.length > 0 ? found : undefined;
    });
    const at = (needle) => lenses.find((lens) => lens.range.start.line === positionOf(document, needle).line);
    assert.equal(at('{#c-deep-state')?.command?.title ?? at(':claim[Much of Ukraine')?.command?.title, 'unsupported');
    const yermak = at(':::hypothesis{#h-yermak');
    assert.equal(yermak?.command?.title, '1 against');
    assert.equal(yermak.command.command, 'tradecraft.showMarkers');
    // The client turns the lens's LSP arguments into VS Code's for editor.action.showReferences, which rejects others.
    const [, , locations] = yermak.command.arguments;
    assert.deepEqual(locations.map((location) => location.range.start.line), [positionOf(document, ':evidence[Doubts about an opposition').line]);
    await vscode.commands.executeCommand(yermak.command.command, ...yermak.command.arguments);
  });
});
