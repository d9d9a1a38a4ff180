/**
 * The open problems of the workspace over the protocol (`tradecraft/openProblems` and its change
 * notification), against the real server: open documents from their newest analysis, files not
 * open analysed in the background, the include/exclude settings, severities and silencing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { OPEN_PROBLEMS_CHANGED_NOTIFICATION, OPEN_PROBLEMS_REQUEST, type OpenProblems } from '../../server/src/protocol.js';
import { generateAnalysis } from '../support/generate.js';
import { LspTestClient, positionOf } from './lspClient.js';

const OPEN = `# Open

:claim[Minsk pressed for the summit]{#c-open}

:hypothesis[The envoy acted alone]{#h-open}
`;

const ON_DISK = `# On disk

:claim[Trade fell by two thirds]{#c-disk}

:claim[The decree was published [the text](https://example.org/decree)]{#c-sourced}

<!-- tradecraft-disable-next-line unsupported-claim -->
:claim[A claim its author silenced]{#c-silenced}
`;

const EXCLUDED = ':claim[A draft nobody checks]{#c-draft}\n';

const SETTINGS = { diagnosticsDelay: 0, exclude: ['drafts/**'] };

/** Counts the server's change notifications, and waits for the next one. */
class Notifications {
  count = 0;
  private waiters: (() => void)[] = [];

  constructor(client: LspTestClient) {
    client.connection.onNotification(OPEN_PROBLEMS_CHANGED_NOTIFICATION, () => {
      this.count++;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  next(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${OPEN_PROBLEMS_CHANGED_NOTIFICATION} within ${timeoutMs} ms`)), timeoutMs);
      // A wait left behind once the answer came must not keep the test running.
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Asks, and asks again at each notification, until the answer satisfies `accept` with every file checked. */
async function problemsWhen(client: LspTestClient, notifications: Notifications, accept: (problems: OpenProblems) => boolean = () => true): Promise<OpenProblems> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const next = notifications.next(Math.max(deadline - Date.now(), 1));
    const problems = await client.request<OpenProblems>(OPEN_PROBLEMS_REQUEST, {});
    if (!problems.checking && accept(problems)) {
      next.catch(() => undefined);
      return problems;
    }
    await next;
  }
}

/** Each file's problems as `path: kind id`, the paths relative to the workspace. */
function summary(client: LspTestClient, problems: OpenProblems): string[] {
  return problems.files.flatMap((file) => file.problems.map((problem) => `${file.uri.slice(client.uri('').length)}: ${problem.kind} ${problem.id}`));
}

describe('the open problems of the workspace', () => {
  let workspace: string;
  let client: LspTestClient;
  let notifications: Notifications;
  let openUri: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-problems-'));
    mkdirSync(join(workspace, 'drafts'));
    writeFileSync(join(workspace, 'open.md'), '# Not yet written\n');
    writeFileSync(join(workspace, 'disk.md'), ON_DISK);
    writeFileSync(join(workspace, 'drafts', 'draft.md'), EXCLUDED);
    client = await LspTestClient.start({ workspace, settings: SETTINGS });
    notifications = new Notifications(client);
    openUri = await client.open('open.md', OPEN);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('lists the unsupported claims and untested hypotheses of open and other files, as their diagnostics say', async () => {
    assert.equal(notifications.count, 0, 'nothing is told before the client asks');
    const problems = await problemsWhen(client, notifications);
    assert.deepEqual(summary(client, problems), ['disk.md: unsupported-claim c-disk', 'open.md: unsupported-claim c-open', 'open.md: untested-hypothesis h-open']);
    const claim = problems.files.find((file) => file.uri === openUri)?.problems[0];
    assert.deepEqual(claim, {
      kind: 'unsupported-claim',
      id: 'c-open',
      text: 'Minsk pressed for the summit',
      range: { start: positionOf(OPEN, ':claim['), end: positionOf(OPEN, ':claim[', ':claim['.length) },
    });
  });

  it('follows edits of an open document, telling the client', async () => {
    await problemsWhen(client, notifications);
    const told = notifications.next();
    await client.change(openUri, [{ text: OPEN.replace('summit]', 'summit [the record](https://example.org/r)]') }]);
    await told;
    const problems = await problemsWhen(client, notifications, (answer) => !summary(client, answer).includes('open.md: unsupported-claim c-open'));
    assert.deepEqual(summary(client, problems), ['disk.md: unsupported-claim c-disk', 'open.md: untested-hypothesis h-open']);
  });

  it('follows a file changed on disk once the client says so, telling the client', async () => {
    await problemsWhen(client, notifications);
    writeFileSync(join(workspace, 'disk.md'), `${ON_DISK}\n:hypothesis[Kyiv lobbied Brussels]{#h-disk}\n`);
    const told = notifications.next();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('disk.md'), type: 2 }] });
    await told;
    const problems = await problemsWhen(client, notifications, (answer) => summary(client, answer).includes('disk.md: untested-hypothesis h-disk'));
    assert.deepEqual(summary(client, problems).filter((line) => line.startsWith('disk.md')), ['disk.md: unsupported-claim c-disk', 'disk.md: untested-hypothesis h-disk']);
  });

  it('leaves out a code whose severity is off', async () => {
    const told = notifications.next();
    await client.setSettings({ ...SETTINGS, severity: { 'untested-hypothesis': 'off' } });
    await told;
    const problems = await problemsWhen(client, notifications, (answer) => !summary(client, answer).some((line) => line.includes('untested-hypothesis')));
    assert.deepEqual(summary(client, problems), ['disk.md: unsupported-claim c-disk']);
    await client.setSettings(SETTINGS);
  });

  it('leaves out an open document that the settings exclude', async () => {
    await problemsWhen(client, notifications, (answer) => summary(client, answer).some((line) => line.includes('untested-hypothesis')));
    const draft = await client.open('drafts/draft.md', EXCLUDED);
    assert.deepEqual(await client.currentDiagnostics(draft), []);
    assert.deepEqual(summary(client, await problemsWhen(client, notifications)), ['disk.md: unsupported-claim c-disk', 'disk.md: untested-hypothesis h-disk', 'open.md: untested-hypothesis h-open']);
  });
});

describe('the open problems of a file that reads a bibliography', () => {
  let workspace: string;
  let client: LspTestClient;
  let notifications: Notifications;
  const entry = (retracted: boolean) => `@report{stats,\n  title = {Foreign trade},\n  url = {https://example.org/t}${retracted ? ',\n  retracted = {yes}' : ''}\n}\n`;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-problems-bib-'));
    writeFileSync(join(workspace, 'refs.bib'), entry(true));
    writeFileSync(join(workspace, 'cited.md'), '---\nbibliography: refs.bib\n---\n\n:claim[Trade fell]{#c-cited}\n\n:evidence[The statistics [@stats]]{#e1 for=c-cited}\n');
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
    notifications = new Notifications(client);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('checks the file again when the bibliography changes, though its own text did not', async () => {
    assert.deepEqual(summary(client, await problemsWhen(client, notifications)), ['cited.md: unsupported-claim c-cited']);
    writeFileSync(join(workspace, 'refs.bib'), entry(false));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('refs.bib'), type: 2 }] });
    assert.deepEqual(summary(client, await problemsWhen(client, notifications, (answer) => answer.files.length === 0)), []);
  });
});

describe('the open problems of a large workspace', () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'tradecraft-lsp-problems-large-'));
    const large = generateAnalysis(200_000);
    for (let file = 0; file < 40; file++) writeFileSync(join(workspace, `analysis-${file}.md`), large);
    client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('answers a hover on an open document while the other files are analysed', async () => {
    // What one of the files costs to analyse whole, on this machine under its present load: the hover must not wait for more.
    const timed = Date.now();
    const probe = await client.open('probe.md', generateAnalysis(200_000));
    await client.currentDiagnostics(probe, 60_000);
    const oneFile = Date.now() - timed;
    await client.close(probe);
    const text = '---\nsources:\n  decree: https://example.org/decree\n---\n\n:evidence[The decree [@decree]]{#e1}\n';
    const uri = await client.open('open.md', text);
    await client.currentDiagnostics(uri);
    const first = await client.request<OpenProblems>(OPEN_PROBLEMS_REQUEST, {});
    assert.equal(first.checking?.total, 41);
    const started = Date.now();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '@decree', 2) });
    const waited = Date.now() - started;
    assert.match((hover?.contents as { value: string }).value, /example\.org\/decree/);
    const during = await client.request<OpenProblems>(OPEN_PROBLEMS_REQUEST, {});
    assert.ok(during.checking && during.checking.done < during.checking.total, `the background work was still going on: ${JSON.stringify(during.checking)}`);
    assert.ok(waited < Math.max(oneFile, 100), `the hover waited ${waited} ms, the whole analysis of one of the files takes ${oneFile} ms`);
  });
});
