#!/usr/bin/env node
// Checks the packaged extension: under 2 MB, no node_modules or sources inside, its page (with no
// image, which the Extensions view would not show), changelog, icon and the walkthrough's pictures
// there, and the server
// in it starts with plain node from the unpacked package alone, answers an LSP handshake and links a
// diagnostic's code to its section of the documentation in the package.
// Usage: node test/package/checkVsix.mjs tradecraft.vsix
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  const extension = join(unpacked, 'extension');
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
  const walkthroughMedia = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.flatMap((step) => [step.media.image, step.media.markdown].filter(Boolean)));
  const schemas = manifest.contributes.yamlValidation.map((validation) => validation.url);
  for (const file of ['readme.md', 'changelog.md', 'docs/diagnostics.md', manifest.icon, ...walkthroughMedia, ...schemas]) {
    if (!existsSync(join(extension, file))) fail(`the package holds no ${file}:\n${listing}`);
  }
  const images = [...readFileSync(join(extension, 'readme.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]*)\)|<img[^>]*src="([^"]*)"/g)].map((match) => match[1] ?? match[2]);
  // The Extensions view shows a README's images only from https: addresses, and the project has none.
  if (images.length > 0) fail(`the extension's page holds images that the Extensions view would not show: ${images.map((src) => src.slice(0, 80)).join(', ')}`);
  const href = await firstDocumentationLink(join(extension, 'dist/server.cjs'));
  const expected = `${pathToFileURL(join(extension, 'docs/diagnostics.md')).href}#L`;
  const line = href.startsWith(expected) ? readFileSync(join(extension, 'docs/diagnostics.md'), 'utf8').split('\n')[Number(href.slice(expected.length)) - 1] : undefined;
  if (line !== '#### `unsupported-claim`') fail(`the code of unsupported-claim links to ${href}, not to its section in the package`);
  console.log(`checkVsix: ${vsix} is ${(size / 1024).toFixed(0)} KB, with its page, and its server answers initialize and links codes into its docs`);
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}

/**
 * Starts the server over stdio from a folder with no node_modules, asks it to initialize, opens a
 * document with an unsupported claim and answers the documentation link of its diagnostic.
 */
function firstDocumentationLink(serverPath) {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [serverPath, '--stdio'], { cwd: tmpdir(), stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      server.kill();
      reject(new Error('no answer to initialize, or no diagnostics, within 20 s'));
    }, 20_000);
    const send = (message) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let output = Buffer.alloc(0);
    server.stdout.on('data', (chunk) => {
      output = Buffer.concat([output, chunk]);
      for (let header = output.indexOf('\r\n\r\n'); header !== -1; header = output.indexOf('\r\n\r\n')) {
        const length = Number(/Content-Length: (\d+)/.exec(output.subarray(0, header).toString())?.[1]);
        if (output.length < header + 4 + length) return;
        const message = JSON.parse(output.subarray(header + 4, header + 4 + length).toString());
        output = output.subarray(header + 4 + length);
        if (message.id === 1 && message.result?.capabilities) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(join(tmpdir(), 'check.md')).href, languageId: 'markdown', version: 1, text: ':claim[Unsupported]{#c1}\n' } } });
        }
        const diagnostic = message.method === 'textDocument/publishDiagnostics' ? message.params.diagnostics[0] : undefined;
        if (diagnostic) {
          clearTimeout(timer);
          server.kill();
          resolve(diagnostic.codeDescription?.href ?? '(none)');
        }
      }
    });
    server.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`the server exited with ${code}`)));
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}
