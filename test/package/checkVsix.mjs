#!/usr/bin/env node
// Checks the packaged extension: under 2 MB, no node_modules or sources inside, and the server
// in it starts with plain node from the unpacked package alone and answers an LSP handshake.
// Usage: node test/package/checkVsix.mjs tradecraft.vsix
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vsix = process.argv[2] ?? 'tradecraft.vsix';
const fail = (message) => {
  console.error(`checkVsix: ${message}`);
  process.exit(1);
};

const size = statSync(vsix).size;
if (size >= 2 * 1024 * 1024) fail(`${vsix} is ${size} bytes, over 2 MB`);
const unpacked = mkdtempSync(join(tmpdir(), 'tradecraft-vsix-'));
try {
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked]);
  const listing = execFileSync('python3', ['-m', 'zipfile', '-l', vsix], { encoding: 'utf8' });
  for (const forbidden of ['node_modules/', '.ts ', '.map ', 'server/src', 'test/']) {
    if (listing.includes(forbidden)) fail(`the package holds ${forbidden.trim()}:\n${listing}`);
  }
  await handshake(join(unpacked, 'extension/dist/server.cjs'));
  console.log(`checkVsix: ${vsix} is ${(size / 1024).toFixed(0)} KB and its server answers initialize`);
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}

/** Starts the server over stdio from a folder with no node_modules and asks it to initialize. */
function handshake(serverPath) {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [serverPath, '--stdio'], { cwd: tmpdir(), stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      server.kill();
      reject(new Error('no answer to initialize within 20 s'));
    }, 20_000);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('"capabilities"')) return;
      clearTimeout(timer);
      server.kill();
      resolve();
    });
    server.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`the server exited with ${code}`)));
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
