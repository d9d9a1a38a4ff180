// Driving VS Code's workbench in the browser as a user does: the explorer, the keyboard, the mouse.
// Each step waits for what it needs to see (never a fixed sleep), so a loaded machine only makes
// it slower.

const WAIT = { timeout: 60_000 };

/** Monaco renders spaces as no-break spaces. */
const plain = (text) => text.replace(/\u00a0/g, ' ');

export async function openWorkbench(page, address, folder) {
  await page.goto(`${address}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor(WAIT);
}

/** Opens a file of the workspace by clicking it in the explorer; resolves once its text shows. */
export async function openFile(page, name) {
  await page.getByRole('treeitem', { name }).first().click(WAIT);
  await activeTab(page, name).waitFor(WAIT);
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor(WAIT);
}

/** Opens a file of the workspace through Quick Open (the explorer may be folded away); resolves once its tab is active. */
export async function quickOpen(page, name) {
  await quickInput(page, 'Control+P', name);
  await pick(page, name);
  await activeTab(page, name).waitFor(WAIT);
}

/** The active tab of the file `name`, told by its resource: a view of it (the evidence matrix) has the name in its title too. */
const activeTab = (page, name) => page.locator(`.tab.active[data-resource-name="${name}"]`);

async function quickInput(page, keys, text) {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor(WAIT);
  await input.fill(text);
  return input;
}

/** Clicks the row of the quick pick labelled `label`; Enter would take the row in focus, which may be another. */
async function pick(page, label) {
  await page.locator('.quick-input-widget .monaco-list-row', { has: page.getByText(label, { exact: true }) }).first().click(WAIT);
}

/** Runs a command by its title from the command palette. */
export async function runCommand(page, title) {
  await quickInput(page, 'F1', `>${title}`);
  await pick(page, title);
  await page.locator('.quick-input-widget').waitFor({ ...WAIT, state: 'hidden' });
}

/** Picks a colour theme as a user does, through Preferences: Color Theme (whose list replaces the palette's). */
export async function pickColourTheme(page, name) {
  const input = await quickInput(page, 'F1', '>Preferences: Color Theme');
  await pick(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget .monaco-list-row', { has: page.getByText(name, { exact: true }) }).first().waitFor(WAIT);
  await input.fill(name);
  await pick(page, name);
  await page.locator('.quick-input-widget').waitFor({ ...WAIT, state: 'hidden' });
}

/** Puts the cursor at a 1-based line and column (Go to Line), which also scrolls it into view. */
export async function goTo(page, line, column = 1) {
  const input = await quickInput(page, 'Control+G', `:${line}:${column}`);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ ...WAIT, state: 'hidden' });
  await page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().waitFor(WAIT);
}

/**
 * The token whose text is `token` on the first line of the editor holding `lineText`, once the
 * editor shows it as a token of its own: a line not yet coloured is one token.
 */
export async function tokenOnLine(page, lineText, token) {
  const line = page.locator('.editor-instance .monaco-editor .view-line').filter({ hasText: lineText }).first();
  const found = line.getByText(token, { exact: true }).first();
  await found.waitFor(WAIT);
  return found;
}

/** The colour the editor paints a token in. */
export function tokenColour(token) {
  return token.evaluate((element) => getComputedStyle(element).color);
}

/**
 * Moves the mouse over a token and resolves with the editor's hover once it shows something. The
 * token is measured again when no hover comes: a code lens shown meanwhile moves the lines down.
 */
export async function hover(page, token) {
  const widget = page.locator('.monaco-editor .monaco-hover .hover-contents').filter({ visible: true }).first();
  const until = Date.now() + WAIT.timeout;
  for (;;) {
    await page.mouse.move(0, 0);
    await page.locator('.monaco-editor .monaco-hover').filter({ visible: true }).waitFor({ ...WAIT, state: 'detached' }).catch(() => undefined);
    const box = await token.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    try {
      await widget.waitFor({ timeout: 5_000 });
      return widget;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

/** The rows of the Problems view, each as the view shows its text. */
export async function problems(page) {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.allInnerTexts()).map((text) => plain(text).replace(/\s*\n\s*/g, ' ').trim());
}
