#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron launches (vscodeExecutablePath),
// where no desktop VS Code runs: it takes the same arguments (--extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=, the folder to open), serves that
// folder with code-server (the same workbench and Node extension host as VS Code), opens it in a
// headless Chromium with the test payload, relays the extension host's console, and exits with the
// tests' exit code. See ../shared/real-editor-testing.md and toolchain.mjs for what it needs.
//
// Its run folder (in TRADECRAFT_EDITOR_SCRATCH, else the system's temporary folder) holds
// code-server.log (code-server's output), extension-host.log (the extension host's console and the
// workbench's log), browser.log and, when the tests fail, failure.png (the workbench at the end). It
// is deleted when the tests pass and kept, its path printed, when they do not.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { codeServerArguments, codeServerToolchain } from './toolchain.mjs';

const verbose = Boolean(process.env.TRADECRAFT_EDITOR_VERBOSE);
const timeout = Number(process.env.TRADECRAFT_EDITOR_TIMEOUT || 180) * 1000;

// VS Code's arguments: --name=value, --name value for the two profile folders, and the folder.
const options = new Map();
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const match = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
  if (!match) positional.push(argv[i]);
  else if (match[2] !== undefined) options.set(match[1], match[2]);
  else if (['user-data-dir', 'extensions-dir'].includes(match[1]) && i + 1 < argv.length) options.set(match[1], argv[++i]);
  else options.set(match[1], '');
}
const extensionDevelopmentPath = options.get('extensionDevelopmentPath');
const extensionTestsPath = options.get('extensionTestsPath');
if (!extensionDevelopmentPath || !extensionTestsPath) {
  console.error('codeServerShim: expects --extensionDevelopmentPath= and --extensionTestsPath= (it only runs extension tests)');
  process.exit(2);
}
const toolchain = codeServerToolchain();
if (toolchain.missing.length > 0) {
  console.error(`codeServerShim: missing ${toolchain.missing.join(', ')}; run test/editor/setupCodeServer.sh`);
  process.exit(2);
}

// Everything the editor and the browser write goes to a folder of this run.
const run = mkdtempSync(join(process.env.TRADECRAFT_EDITOR_SCRATCH || tmpdir(), 'shim-'));
const userDataDir = resolve(options.get('user-data-dir') || join(run, 'user'));
const extensionsDir = resolve(options.get('extensions-dir') || join(run, 'extensions'));
const env = { ...process.env };
for (const [name, folder] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['TMPDIR', 'tmp']]) {
  env[name] = join(run, folder);
  mkdirSync(env[name], { recursive: true });
}
delete env.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal
// suite/index.cjs starts each message of the tests' console with this tag, which tells them from the
// workbench's own log (the page reports both through codeAutomationLog).
const tag = `[tc-${randomUUID().slice(0, 8)}] `;
env.TRADECRAFT_EDITOR_LOG_TAG = tag;
mkdirSync(userDataDir, { recursive: true });
mkdirSync(extensionsDir, { recursive: true });

const logs = {
  codeServer: createWriteStream(join(run, 'code-server.log')),
  extensionHost: createWriteStream(join(run, 'extension-host.log')),
  browser: createWriteStream(join(run, 'browser.log')),
};
// The last lines written only to the logs, which a failure prints.
const unshown = [];
const UNSHOWN_LINES = 60;

/** Writes `text` to a log, and to stderr too when verbose; else keeps it for a failure to print. */
function record(log, text, { onFailure = true } = {}) {
  log.write(text);
  if (verbose) process.stderr.write(text);
  else if (onFailure) unshown.push(...text.split(/(?<=\n)/));
  unshown.splice(0, unshown.length - UNSHOWN_LINES);
}

let codeServer;
let context;
let page;
let finishing = false;

async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) console.error(`codeServerShim: ${reason}`);
  if (code !== 0) {
    if (unshown.length > 0) console.error(`--- the last of what code-server, the workbench and the browser said ---\n${unshown.join('')}`);
    await page?.screenshot({ path: join(run, 'failure.png') }).catch(() => undefined);
  }
  await context?.close().catch(() => undefined);
  // Kill the whole group: code-server's extension host and file watchers outlive their parent.
  if (codeServer?.pid) {
    try {
      process.kill(-codeServer.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await Promise.all(Object.values(logs).map((log) => new Promise((closed) => log.end(closed))));
  if (code === 0) rmSync(run, { recursive: true, force: true });
  else console.error(`codeServerShim: the logs of this run are kept in ${run}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void finish(130, `stopped by ${signal}`));
setTimeout(() => void finish(1, `no test result after ${timeout / 1000} s (TRADECRAFT_EDITOR_TIMEOUT)`), timeout).unref();

try {
  codeServer = spawn(
    toolchain.node24,
    // Without enable-smoke-test-driver the built workbench ignores the test payload.
    codeServerArguments(toolchain, { userDataDir, extensionsDir }, ['--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver']),
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const address = await new Promise((resolveAddress, reject) => {
    let output = '';
    codeServer.stdout.on('data', (chunk) => {
      record(logs.codeServer, String(chunk));
      output += String(chunk);
      const match = /HTTP server listening on http:\/\/([\d.]+:\d+)/.exec(output);
      if (match) resolveAddress(match[1]);
    });
    codeServer.stderr.on('data', (chunk) => record(logs.codeServer, String(chunk)));
    codeServer.on('error', reject);
    codeServer.on('exit', (code, signal) => {
      if (!finishing) reject(new Error(`code-server exited (${code ?? signal})`));
    });
  });

  const { chromium } = await import(pathToFileURL(join(toolchain.playwright, 'index.mjs')).href);
  context = await chromium.launchPersistentContext(join(run, 'profile'), {
    executablePath: toolchain.chromium,
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  // The workbench calls these when the smoke-test driver is on: the extension host's console, and
  // the exit code of the tests once the host has stopped.
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = Array.isArray(message) ? format(...message) : String(message);
    const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
    if (text.startsWith(tag)) {
      stream.write(`${text.slice(tag.length)}\n`);
      logs.extensionHost.write(`${text.slice(tag.length)}\n`);
    } else record(logs.extensionHost, `[workbench ${type}] ${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    setTimeout(() => void finish(typeof code === 'number' ? code : 1));
  });
  page.on('console', (message) => record(logs.browser, `[browser ${message.type()}] ${message.text()}\n`, { onFailure: false }));
  page.on('pageerror', (error) => record(logs.browser, `[browser] ${error.message}\n`));

  const remote = (path) => `vscode-remote://${address}${resolve(path).split('/').map(encodeURIComponent).join('/')}`;
  const url = new URL(`http://${address}/`);
  if (positional[0]) url.searchParams.set('folder', resolve(positional[0]));
  url.searchParams.set('payload', JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ]));
  await page.goto(url.href);
} catch (error) {
  await finish(1, error instanceof Error ? error.message : String(error));
}
