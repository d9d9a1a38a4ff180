// Runs the extension tests of suite/ in a real VS Code with @vscode/test-electron: the bundled
// extension (npm run bundle) in a workspace that is a temporary copy of examples/.
//
// The editor: TRADECRAFT_VSCODE, the path of a VS Code executable; else code-server through
// codeServerShim.mjs when setupCodeServer.sh's toolchain is found (see toolchain.mjs). Without
// either it says how to get one and exits 2: @vscode/test-electron's own download of VS Code needs
// internet access, so it is never attempted.
//
// Everything the run writes goes to one scratch folder: deleted when the tests pass, kept when they
// fail, with the paths of its logs (code-server's, the extension host's console, the Tradecraft
// output channel, which holds the server's log) and screenshots printed.
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerToolchain } from './toolchain.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

if (!existsSync(join(root, 'dist/extension.cjs')) || !existsSync(join(root, 'dist/server.cjs'))) {
  console.error('The extension is not bundled: run `npm run bundle` first (npm run test:editor does).');
  process.exit(2);
}

let vscodeExecutablePath = process.env.TRADECRAFT_VSCODE;
if (!vscodeExecutablePath) {
  const toolchain = codeServerToolchain();
  if (toolchain.missing.length > 0) {
    console.error(`No VS Code to run the editor tests in. Either
  - point TRADECRAFT_VSCODE at a VS Code executable (on Linux without a display, run under xvfb-run), or
  - install code-server and a headless Chromium with
      bash test/editor/setupCodeServer.sh [CACHE_FOLDER]    (default ~/.cache/tradecraft-editor)
    and export the variables it prints.
Missing from the code-server toolchain: ${toolchain.missing.join(', ')}`);
    process.exit(2);
  }
  vscodeExecutablePath = join(here, 'codeServerShim.mjs');
}

// Short paths: VS Code puts sockets in the user data folder, and socket paths are limited to ~100 bytes.
const scratch = mkdtempSync(join(tmpdir(), 'tc-vscode-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'examples'), workspace, { recursive: true });
// Quiet the parts of the workbench that reach for the network or start with a welcome page.
mkdirSync(join(scratch, 'u/User'), { recursive: true });
writeFileSync(join(scratch, 'u/User/settings.json'), JSON.stringify({
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // In a browser VS Code saves an edit after a second by default: the tests edit unsaved buffers.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
}, null, 2));

const started = Date.now();
let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(here, 'suite/index.cjs'),
    launchArgs: [workspace, `--user-data-dir=${join(scratch, 'u')}`, `--extensions-dir=${join(scratch, 'x')}`, '--disable-extensions'],
    extensionTestsEnv: { TRADECRAFT_EDITOR_SCRATCH: scratch },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = error instanceof TestRunFailedError && error.code ? error.code : 1;
}
console.log(`Editor tests ${exitCode === 0 ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${vscodeExecutablePath}).`);
if (exitCode === 0) rmSync(scratch, { recursive: true, force: true });
else console.error(`The run's files are kept in ${scratch}:\n${logsAndScreenshots(scratch).join('\n')}`);
process.exit(exitCode);

/** "  what: path" for each log and screenshot of a run kept in `folder`. */
function logsAndScreenshots(folder) {
  const what = [
    [/\/code-server\.log$/, "code-server's output"],
    [/\/extension-host\.log$/, "the extension host's console (the tests' report) and the workbench's log"],
    [/\/browser\.log$/, "the browser's console"],
    [/\/tradecraft\.tradecraft\/Tradecraft\.log$/, "the Tradecraft output channel (the client's and the server's log)"],
    [/\/exthost\d*\/remoteexthost\.log$/, "the extension host's own log"],
    [/\/shim-[^/]+\/[^/]+\.png$/, 'a screenshot of the workbench'],
  ];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .flatMap((path) => what.filter(([pattern]) => pattern.test(path)).map(([, label]) => `  ${label}: ${path}`))
    .sort();
}
