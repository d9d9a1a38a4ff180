#!/usr/bin/env node
// Takes the screenshots of the evidence matrix and the Markdown preview, in Light Modern and Dark
// Modern: packages the extension, runs the UI tests (test/editor/ui/uiTests.mjs: the packaged
// extension in code-server, driven in headless Chromium) into a folder of screenshots, and copies
// the matrix panel's two pictures to docs/images/matrix-light.png and matrix-dark.png. Look at them
// all before committing them.
//
//   node scripts/screenshots.mjs [FOLDER]      (npm run screenshots; FOLDER defaults to a new temporary folder)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'tradecraft-screenshots-')));
mkdirSync(folder, { recursive: true });

const run = (command, args, env = process.env) => execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
run('npm', ['run', 'package']);
run(process.execPath, [join(root, 'test/editor/ui/uiTests.mjs'), join(root, 'tradecraft.vsix')], { ...process.env, TRADECRAFT_SCREENSHOTS: folder });
for (const theme of ['light', 'dark']) {
  copyFileSync(join(folder, `${theme}-matrix-panel.png`), join(root, 'docs/images', `matrix-${theme}.png`));
}
console.log(`Screenshots in ${folder}:
  the matrix: ${['light', 'dark'].map((theme) => join(folder, `${theme}-matrix-panel.png`)).join(', ')} (copied to docs/images/matrix-light.png, matrix-dark.png)
  the preview: ${['light', 'dark'].map((theme) => join(folder, `${theme}-preview.png`)).join(', ')}`);
