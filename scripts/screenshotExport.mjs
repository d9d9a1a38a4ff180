// Screenshots of the HTML export of the finished example in headless Chromium: light and dark,
// the argument hidden and shown, printed. Needs the editor toolchain's playwright-core and
// chromium (bash test/editor/setupCodeServer.sh). Usage: node scripts/screenshotExport.mjs [FOLDER]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeServerToolchain } from '../test/editor/toolchain.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'tradecraft-export-shots-'));
mkdirSync(folder, { recursive: true });
const toolchain = codeServerToolchain();
if (!toolchain.playwright || toolchain.missing.some((name) => name.startsWith('playwright') || name.startsWith('chromium'))) {
  console.error(`screenshots need playwright-core and chromium: ${toolchain.missing.join(', ')} (bash test/editor/setupCodeServer.sh)`);
  process.exit(2);
}
const page = join(folder, 'brief.html');
writeFileSync(page, execFileSync(process.execPath, [join(root, 'bin/tradecraft'), 'export', '--to', 'html', 'finished/policy-shift-toward-belarus.md'], { cwd: join(root, 'examples') }));
const { chromium } = await import(pathToFileURL(join(toolchain.playwright, 'index.mjs')).href);
const browser = await chromium.launch({ executablePath: toolchain.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const colorScheme of ['light', 'dark']) {
    const tab = await browser.newPage({ colorScheme, viewport: { width: 900, height: 1100 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.screenshot({ path: join(folder, `export-${colorScheme}.png`) });
    await tab.check('#tc-show-argument');
    await tab.screenshot({ path: join(folder, `export-${colorScheme}-argument.png`) });
    await tab.close();
  }
  const print = await browser.newPage();
  await print.goto(pathToFileURL(page).href);
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: join(folder, 'export-print.png') });
} finally {
  await browser.close();
}
console.log(`Screenshots: ${folder}`);
