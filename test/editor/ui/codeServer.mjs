// code-server for the UI tests: the packaged extension installed as a user installs it, and a
// server started on a free port, in folders of the run (see ../toolchain.mjs for the toolchain).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { codeServerArguments } from '../toolchain.mjs';

/** The environment of every process of the run: XDG_* and TMPDIR point into the run's folder. */
export function runEnvironment(runFolder) {
  const env = { ...process.env };
  for (const [name, folder] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['TMPDIR', 'tmp']]) {
    env[name] = join(runFolder, folder);
    mkdirSync(env[name], { recursive: true });
  }
  delete env.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal
  return env;
}

/** `code-server --install-extension X.vsix`, as the extension's page tells a user to. */
export async function installExtension(toolchain, vsix, { userDataDir, extensionsDir, env }) {
  const { stdout } = await promisify(execFile)(
    toolchain.node24,
    [toolchain.codeServer, '--install-extension', vsix, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    { env, timeout: 60_000 },
  );
  if (!/successfully installed/.test(stdout)) throw new Error(`code-server did not install ${vsix}:\n${stdout}`);
}

/**
 * Starts code-server in a process group of its own and resolves with its address and a stop
 * function, which kills the whole group (the extension host and file watchers outlive their parent).
 */
export function startCodeServer(toolchain, { userDataDir, extensionsDir, env, log }) {
  const server = spawn(
    toolchain.node24,
    codeServerArguments(toolchain, { userDataDir, extensionsDir }),
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      log.push(String(chunk));
      output += chunk;
      const match = /HTTP server listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve({ address: match[1], stop });
    });
    server.stderr.on('data', (chunk) => log.push(String(chunk)));
    server.on('error', reject);
    server.on('exit', (code, signal) => reject(new Error(`code-server exited before it listened (${code ?? signal})`)));
  });
}
