// UI tests: the packaged extension (tradecraft.vsix, `npm run package`) installed into code-server
// as a user installs it, a workspace that is a temporary copy of examples/, and a headless Chromium
// driven by Playwright through what a user sees: the Problems view, a source's hover, a claim's
// hover, the outline, the preview, the explorer's view of open problems, the completion list after `[@`
// and the evidence matrix, once in a light and once in a dark theme.
// Each step saves a screenshot into a folder the run names (TRADECRAFT_SCREENSHOTS, else a new
// folder under the OS temp folder); look at them: raw Markdown in a hover, cut-off text or
// unreadable colours are bugs.
//
//   node test/editor/ui/uiTests.mjs [path/to/tradecraft.vsix]      (npm run test:ui)
//
// Needs the toolchain of ../setupCodeServer.sh (see ../toolchain.mjs); exits 2 without it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { codeServerToolchain } from '../toolchain.mjs';
import { installExtension, runEnvironment, startCodeServer } from './codeServer.mjs';
import { goTo, hover, openFile, openWorkbench, pickColourTheme, problems, quickOpen, runCommand, tokenColour, tokenOnLine } from './workbench.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const DOCUMENT = 'policy-shift-toward-belarus.md';
// An analysis whose marker text is HTML that would run a script if the matrix inserted it as HTML.
const HOSTILE_DOCUMENT = 'hostile-text.md';
const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
const THEMES = [
  { name: 'Light Modern', slug: 'light', workbenchClass: 'vscode-theme-defaults-themes-light_modern-json' },
  { name: 'Dark Modern', slug: 'dark', workbenchClass: 'vscode-theme-defaults-themes-dark_modern-json' },
];
const RUN_LIMIT_MS = 170_000;

const vsix = resolve(process.argv[2] ?? join(root, 'tradecraft.vsix'));
const toolchain = codeServerToolchain();
if (toolchain.missing.length > 0 || !existsSync(vsix)) {
  console.error(`The UI tests need the packaged extension (npm run package) and the code-server toolchain
(bash test/editor/setupCodeServer.sh). Missing: ${[...toolchain.missing, ...(existsSync(vsix) ? [] : [vsix])].join(', ')}`);
  process.exit(2);
}

const screenshots = resolve(process.env.TRADECRAFT_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'tradecraft-screenshots-')));
mkdirSync(screenshots, { recursive: true });
console.log(`Screenshots: ${screenshots}`);
// Short paths: VS Code puts sockets in the user data folder, and socket paths are limited to ~100 bytes.
const run = mkdtempSync(join(tmpdir(), 'tc-ui-'));
const env = runEnvironment(run);
process.env.TMPDIR = env.TMPDIR; // for Playwright's own temporary files
const workspace = join(run, 'workspace');
// The finished example shares the example's name, and Quick Open would offer either: the UI is checked on the example alone.
const finished = join(root, 'examples', 'finished');
cpSync(join(root, 'examples'), workspace, { recursive: true, filter: (source) => source !== finished });
writeFileSync(join(workspace, HOSTILE_DOCUMENT), `:hypothesis[${HOSTILE_TEXT}]{#h1}\n\n:evidence[Weighs it, [the decree](https://example.org/decree)]{#e1 for=h1}\n`);
const extensionsDir = join(run, 'x');
const serverLog = [];
const started = Date.now();

const failures = [];
let stopServer = () => undefined;
const limit = setTimeout(() => finish(`no result after ${RUN_LIMIT_MS / 1000} s`), RUN_LIMIT_MS);
try {
  const [, expected] = await Promise.all([
    installExtension(toolchain, vsix, { userDataDir: join(run, 'u'), extensionsDir, env }),
    expectedProblems(),
  ]);
  await checkInThemes(expected);
} catch (error) {
  failures.push(error instanceof Error ? error.stack ?? error.message : String(error));
}
finish();

function finish(reason) {
  clearTimeout(limit);
  if (reason) failures.push(reason);
  stopServer();
  rmSync(run, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    console.error(`${failures.join('\n\n')}\n--- code-server said ---\n${serverLog.join('').slice(-4000)}`);
    console.error(`UI tests failed in ${seconds} s. Screenshots: ${screenshots}`);
    process.exit(1);
  }
  console.log(`UI tests passed in ${seconds} s. Screenshots: ${screenshots}`);
  process.exit(0);
}

/** What the Problems view should list for the document: what the CLI reports, hints aside (VS Code shows them only in the editor). */
async function expectedProblems() {
  const check = promisify(execFile)(process.execPath, [join(root, 'bin/tradecraft'), 'check', join(workspace, DOCUMENT), '--format', 'json'], { cwd: workspace });
  const { stdout } = await check.catch((error) => error); // it exits 1 when it finds problems
  const [file] = JSON.parse(stdout).files;
  return file.diagnostics
    .filter((diagnostic) => diagnostic.severity !== 'hint')
    .map(({ code, range }) => `${code} [Ln ${range.start.line + 1}, Col ${range.start.character + 1}]`)
    .sort();
}

/**
 * One code-server and one page for both themes: the first is in the user settings, the second is
 * picked as a user picks one, so that the editor, the extension and its server start once.
 */
async function checkInThemes(expected) {
  const userDataDir = join(run, 'u');
  const settings = join(userDataDir, 'User/settings.json');
  mkdirSync(dirname(settings), { recursive: true });
  writeSettings(settings, THEMES[0]);
  const server = await startCodeServer(toolchain, { userDataDir, extensionsDir, env, log: serverLog });
  stopServer = server.stop;
  const { chromium } = await import(pathToFileURL(join(toolchain.playwright, 'index.mjs')).href);
  const browser = await chromium.launchPersistentContext(join(run, 'profile'), {
    executablePath: toolchain.chromium,
    headless: true,
    env,
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  try {
    for (const [index, theme] of THEMES.entries()) {
      const step = stepper(page, theme);
      await step('workbench', async () => {
        if (index === 0) await openWorkbench(page, server.address, workspace);
        else await pickColourTheme(page, theme.name);
        await page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ timeout: 60_000 });
        if (index === 0) await openFile(page, DOCUMENT);
        await checkColours(page);
      });
      await step('problems', () => checkProblems(page, expected));
      await step('hover-source', () => checkSourceHover(page));
      await step('hover-claim', () => checkClaimHover(page));
      await step('outline', () => checkOutline(page));
      await step('open-problems', () => checkOpenProblems(page));
      await step('preview', () => checkPreview(page));
      await closePreview(page);
      await step('completion', () => checkCompletion(page));
      await revertDocument(page);
      // The bottom panel hidden, the matrix has the editor's height for its picture.
      await runCommand(page, 'View: Toggle Panel Visibility');
      await step('matrix', async () => {
        await checkMatrix(page, index === 0);
        await shootPanel(page, 'Evidence Matrix', join(screenshots, `${theme.slug}-matrix-panel.png`));
        await closeTab(page, 'Evidence Matrix');
      });
      await runCommand(page, 'View: Toggle Panel Visibility');
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
  }
}

function writeSettings(file, theme) {
  writeFileSync(file, JSON.stringify({
    'workbench.colorTheme': theme.name,
    // Quiet the parts of the workbench that reach for the network or take room from the editor.
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    // What checkCompletion types is taken back, never saved.
    'files.autoSave': 'off',
    'git.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
  }, null, 2));
}

/** Runs a step of a theme, saves its screenshot (another if it fails) and says how long it took. */
function stepper(page, theme) {
  const shoot = (name) => page.screenshot({ path: join(screenshots, `${theme.slug}-${name}.png`) });
  return async (name, body) => {
    const begun = Date.now();
    try {
      await body();
      await shoot(name);
      console.log(`  ${theme.name}: ${name} (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
    } catch (error) {
      await shoot(`${name}-failed`).catch(() => undefined);
      throw new Error(`${theme.name}, ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}

async function checkProblems(page, expected) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const listed = await waitFor('the Problems view to list the CLI\'s problems', async () => {
    const rows = await problems(page);
    // A row ends `tradecraft(code) [Ln 87, Col 92]`; innerText leaves out the brackets around the code.
    const found = rows.map((row) => /tradecraft\W*([a-z-]+)\W*(\[Ln \d+, Col \d+\])$/.exec(row)).filter(Boolean).map(([, code, where]) => `${code} ${where}`).sort();
    return JSON.stringify(found) === JSON.stringify(expected) ? rows : undefined;
  }, async () => ({ expected, rows: await problems(page) }));
  assert(listed.some((row) => row.startsWith(`${DOCUMENT} ${expected.length}`)), `the file's row names it with its count: ${listed[0]}`);
  // For the picture: the first problem opened in the editor, its squiggle in sight.
  const [, line] = /\[Ln (\d+), Col \d+\]$/.exec(listed[1]);
  await page.locator('.markers-panel .monaco-list-row').nth(1).click();
  await page.locator('.statusbar-item', { hasText: `Ln ${line},` }).waitFor({ timeout: 30_000 });
  await page.mouse.move(0, 0);
}

/** The packaged grammar in force: a citation, and the id of a marker whose label wraps, are coloured apart from the text before them. */
async function checkColours(page) {
  for (const [lineText, token, what] of [
    ['Desk note on Yauheni', '@preiherman2026', 'a citation'],
    ['{#e-decree', '#e-decree', 'the id of a marker whose label wraps'],
  ]) {
    await goTo(page, lineOf(lineText));
    const coloured = await tokenOnLine(page, lineText, token);
    const before = coloured.locator('xpath=preceding-sibling::span[1]');
    assert((await tokenColour(coloured)) !== (await tokenColour(before)), `${what} is coloured apart from the text before it`);
  }
}

async function checkSourceHover(page) {
  await goTo(page, lineOf('Desk note on Yauheni'));
  const widget = await hover(page, await tokenOnLine(page, 'Desk note on Yauheni', '@preiherman2026'));
  await widget.locator('strong', { hasText: "What Is Driving Ukraine's Policy Shift Toward Belarus?" }).waitFor({ timeout: 30_000 });
  await widget.locator('code', { hasText: '@preiherman2026' }).waitFor({ timeout: 5_000 });
  await widget.locator('a', { hasText: 'caliber.az' }).first().waitFor({ timeout: 5_000 });
  assertRendered(await widget.innerText());
}

async function checkClaimHover(page) {
  const line = 'On its own terms the annex';
  await goTo(page, lineOf(line));
  const widget = await hover(page, await tokenOnLine(page, line, 'claim'));
  await widget.locator('code', { hasText: 'c-vague' }).first().waitFor({ timeout: 30_000 });
  assertRendered(await widget.innerText());
}

async function checkOutline(page) {
  await runCommand(page, 'Explorer: Focus on Outline View');
  const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) });
  await outline.locator('.monaco-list-row', { hasText: 'c-bottom-line' }).first().waitFor({ timeout: 60_000 });
  // The folder's view folded away, the outline has the side bar's height for the picture.
  const folderView = page.locator('.pane-header[aria-expanded="true"]', { hasText: basename(workspace) });
  if ((await folderView.count()) > 0) await folderView.click();
  for (const id of ['e-decree', 'c-vague', 'c-background', 'h-yermak']) {
    await outline.locator('.monaco-list-row', { hasText: `${id} — ` }).first().waitFor({ timeout: 10_000 });
  }
}

/** The explorer's Tradecraft view lists the example's unsupported claim and untested hypothesis under its file. */
async function checkOpenProblems(page) {
  await runCommand(page, 'Explorer: Focus on Tradecraft View');
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Tradecraft/ }) });
  await view.locator('.monaco-list-row', { hasText: `${DOCUMENT}` }).first().waitFor({ timeout: 60_000 });
  for (const id of ['c-deep-state', 'h-region']) await view.locator('.monaco-list-row', { hasText: id }).first().waitFor({ timeout: 30_000 });
  // The outline folded away, the view has the side bar's height for the picture.
  const outline = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'Outline' });
  if ((await outline.count()) > 0) await outline.click();
  await view.locator('.monaco-list-row', { hasText: 'h-region' }).first().click();
  await page.locator('.statusbar-item', { hasText: `Ln ${lineOf(':hypothesis[Status: Kyiv')},` }).waitFor({ timeout: 30_000 });
  // VS Code shows a view's badge on its container's icon: the Explorer's, which has no other.
  await page.locator('.activitybar .badge', { hasText: /^2$/ }).first().waitFor({ timeout: 10_000 });
}

/** The Markdown preview beside the document renders the markers (the extension's markdown-it plugin), and is closed again. */
async function checkPreview(page) {
  await runCommand(page, 'Markdown: Open Preview to the Side');
  const rendered = await waitFor('the preview to render the markers', async () => {
    for (const frame of page.frames()) {
      const callouts = await frame.locator('.tc-callout.tc-hypothesis').count().catch(() => 0);
      if (callouts > 0) return frame;
    }
    return undefined;
  }, async () => page.frames().map((frame) => frame.url()));
  await rendered.locator('.tc-marker.tc-claim .tc-tag', { hasText: 'claim · c-vague' }).first().waitFor({ timeout: 10_000 });
  assert(!(await rendered.locator('body').innerText()).includes(':::hypothesis'), 'the preview shows no marker fence');
  // For the picture: the unsupported claim, flagged, in sight.
  const unsupported = rendered.locator('.tc-marker.tc-unsupported', { hasText: 'Much of Ukraine' }).first();
  await unsupported.locator('.tc-tag', { hasText: 'claim · c-deep-state · unsupported' }).waitFor({ timeout: 30_000 });
  await unsupported.scrollIntoViewIfNeeded();
}

async function closePreview(page) {
  await runCommand(page, 'View: Close Editor');
  await page.locator('.tab', { hasText: 'Preview' }).waitFor({ state: 'detached', timeout: 30_000 });
}

async function checkCompletion(page) {
  const line = lineOf('## Next steps');
  await goTo(page, line + 1);
  await page.keyboard.type('See [@');
  const suggestions = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  for (const key of ['preiherman2026', 'wef-2026', 'opu-decree-2026']) {
    await suggestions.filter({ hasText: key }).first().waitFor({ timeout: 30_000 });
  }
}

/**
 * The evidence matrix beside the document: its rows and columns, each cell's words for a screen
 * reader, a click on a row selects the marker in the editor; in the first theme, a hostile text of
 * another analysis shown as text, then the matrix follows back to the document.
 */
async function checkMatrix(page, withHostileText) {
  if (withHostileText) {
    await quickOpen(page, HOSTILE_DOCUMENT);
    await runCommand(page, 'Tradecraft: Show Evidence Matrix');
    const hostile = await matrixFrame(page, (frame) => frame.locator('#matrix th .text', { hasText: HOSTILE_TEXT }).count());
    assert((await hostile.locator('#matrix img').count()) === 0, 'the marker text is shown as text, not as HTML');
    await quickOpen(page, DOCUMENT);
  } else {
    await runCommand(page, 'Tradecraft: Show Evidence Matrix');
  }
  const frame = await matrixFrame(page, (candidate) => candidate.locator('#matrix h1', { hasText: DOCUMENT }).count());
  assert((await frame.locator('#matrix tbody tr').count()) === 6, 'six rows');
  assert((await frame.locator('#matrix th.hypothesis').count()) === 4, 'four hypotheses');
  assert((await frame.locator('#matrix td.rating[aria-label="inconsistent"]').count()) === 3, 'three cells read "inconsistent"');
  await frame.locator('#matrix tr[data-reveal]', { hasText: 'e-us-track' }).click();
  await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${lineOf('{#e-us-track')}, Col \\d+ \\(\\d+ selected\\)$`) }).waitFor({ timeout: 30_000 });
  await page.mouse.move(0, 0);
}

/** The frame of the matrix webview once `shows` counts something in it. */
function matrixFrame(page, shows) {
  return waitFor('the evidence matrix to render', async () => {
    for (const frame of page.frames()) {
      if ((await shows(frame).catch(() => 0)) > 0) return frame;
    }
    return undefined;
  }, async () => page.frames().map((frame) => frame.url()));
}

/**
 * A screenshot of the editor group whose tab is `title`, widened for the picture (a double click
 * on a tab expands its group; the palette's keys would go to the webview it focuses) and put back.
 */
async function shootPanel(page, title, path) {
  const group = page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: title }) });
  const narrow = (await group.boundingBox()).width;
  await page.locator('.tab', { hasText: title }).dblclick();
  await waitFor('the group to widen', async () => ((await group.boundingBox()).width > narrow * 1.3 ? true : undefined), async () => (await group.boundingBox()).width, 10_000);
  await page.mouse.move(0, 0);
  for (const frame of page.frames()) await frame.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  await page.screenshot({ path, clip: await group.boundingBox() });
  await page.locator('.tab', { hasText: title }).dblclick();
}

/** Closes a tab with the middle button: the palette's keys would go to the webview it shows. */
async function closeTab(page, title) {
  const tab = page.locator('.tab', { hasText: title });
  await tab.click({ button: 'middle' });
  await tab.waitFor({ state: 'detached', timeout: 30_000 });
  await page.mouse.move(0, 0); // else the tab that takes its place shows its tooltip in the next picture
}

/** Takes back what checkCompletion typed. */
async function revertDocument(page) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'File: Revert File');
  await page.locator('.tab.active.dirty').waitFor({ timeout: 30_000, state: 'detached' });
}

/** The 1-based number of the document's first line holding `text`. */
function lineOf(text) {
  const index = readFileSync(join(workspace, DOCUMENT), 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${DOCUMENT} has no line holding "${text}"`);
  return index + 1;
}

/** A hover's text as the user reads it holds no Markdown syntax: no ** or __, no [text](url), no backslash escapes. */
function assertRendered(text) {
  const raw = /\*\*|__|\]\(|\\[\\`*_{}[\]()#+.!-]|^#+ /m.exec(text);
  assert(!raw, `the hover shows raw Markdown (${raw?.[0]}):\n${text}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `probe` until it returns a value; past the timeout, fails saying what it last saw. */
async function waitFor(what, probe, describe, timeout = 60_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last seen:\n${JSON.stringify(await describe(), null, 2)}`);
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 250));
  }
}
