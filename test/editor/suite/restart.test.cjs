// "Tradecraft: Restart Server" stops the language server and starts a new one: another process
// (read from /proc, since the extension shows its client to no one), whose diagnostics replace the
// ones the editor cleared when the old one stopped.
'use strict';
const assert = require('node:assert/strict');
const { readdirSync, readFileSync } = require('node:fs');
const vscode = require('vscode');

const { EXTENSION_ID, expectedDiagnostics, openExample, restoreExample, tradecraftDiagnostics, waitFor } = require('./helpers.cjs');

const COMMAND = 'tradecraft.restartServer';

/** The ids of the processes this extension host runs the bundled server in. */
function serverProcesses() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && isServerOfThisHost(name))
    .map(Number);
}

function isServerOfThisHost(pid) {
  try {
    // The parent's id is the second field after the command name, which may hold spaces: "(…)".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.cjs');
  } catch {
    return false; // gone while read
  }
}

async function theOneServer(what, accept = () => true) {
  const [pid] = await waitFor(
    () => `${what}; the servers running: ${JSON.stringify(serverProcesses())}`,
    () => {
      const running = serverProcesses();
      return running.length === 1 && accept(running[0]) && running;
    },
  );
  return pid;
}

describe('Tradecraft: Restart Server', function () {
  let document;

  before(async function () {
    document = await openExample();
  });

  after(async function () {
    await restoreExample(document);
  });

  it('is a command of the palette', function () {
    const { commands } = vscode.extensions.getExtension(EXTENSION_ID).packageJSON.contributes;
    const command = commands.find((contributed) => contributed.command === COMMAND);
    assert.deepEqual(command && `${command.category}: ${command.title}`, 'Tradecraft: Restart Server');
  });

  it('starts a new server, which checks the document again', async function () {
    await expectedDiagnostics(document.uri);
    const before = await theOneServer('one server');
    let cleared = false;
    const watching = vscode.languages.onDidChangeDiagnostics(() => {
      cleared ||= tradecraftDiagnostics(document.uri).length === 0;
    });
    try {
      await vscode.commands.executeCommand(COMMAND);
      await theOneServer(`a new server in place of ${before}`, (pid) => pid !== before);
      await expectedDiagnostics(document.uri);
      assert.ok(cleared, 'the diagnostics of the stopped server were cleared before the new one sent its own');
    } finally {
      watching.dispose();
    }
  });
});
