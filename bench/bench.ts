/**
 * npm run bench: how fast Tradecraft is on generated analyses of 35 KB, 1 MB and 5 MB, on
 * documents assembled from the conformance cases (each shape at 35 KB, all together at 1 MB), on
 * the pathological shapes at 100 KB and 1 MB (with the growth between them), with a 20,000-entry
 * library in the settings, on a workspace of 2,000 files and on a front matter of 10 MB. Each
 * figure is set against the full remark parse of the same text and against the peers measured in
 * the same run on the same text: VS Code's Markdown language service in this process and
 * markdownlint (`peers.ts`), and for a keystroke also VS Code's Markdown server in a process of
 * its own (`markdownServerPeer.ts`). Prints a table and writes it as JSON (bench-results/) for comparison between
 * commits. Options: --quick (no 5 MB, fewer runs and files, tighter time limits), --out FILE,
 * --cases FOLDER (default ../shared/conformance), --only SECTION,… (generated, standards, cases,
 * cliffs, library, shapes, workspace, heap, front-matter, preview).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from '../server/src/host.js';
import { parseMarkdown } from '../server/src/parse/parseMarkdown.js';
import { generateAnalysis } from '../test/support/generate.js';
import { LspTestClient, positionOf, type Position } from '../test/lsp/lspClient.js';
import { cslLibrary, documentCitingUnknownKeys, mixedCases, PATHOLOGICAL_SHAPES, readCases, repeatedCase } from './documents.js';
import { MarkdownServerPeer } from './markdownServerPeer.js';
import type { Task } from './measureOnce.js';
import { markdownlint, MarkdownLanguageServicePeer } from './peers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');
const outAt = process.argv.indexOf('--out');
const outFile = outAt >= 0 ? process.argv[outAt + 1]! : join(ROOT, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const onlyAt = process.argv.indexOf('--only');
/** The sections to run (`--only generated,standards,cases,cliffs,library,shapes,workspace,heap,front-matter,preview`); all by default. */
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : undefined;
const selected = (section: string) => !only || only.has(section);
const casesAt = process.argv.indexOf('--cases');
const casesFolder = resolve(casesAt >= 0 ? process.argv[casesAt + 1]! : join(ROOT, '../shared/conformance'));
/** How long one measurement of a pathological shape may take before it is given up (reported as over it). */
const LIMIT_MS = quick ? 20_000 : 120_000;

/** A time of `Infinity` is one given up at `LIMIT_MS`. */
interface Row {
  readonly what: string;
  readonly size: string;
  readonly median: number;
  readonly unit: 'ms' | 'MB';
  readonly baseline: number | undefined;
  /** The same work by VS Code's Markdown language service in the benchmark's process (an edit → its diagnostics, or a whole check). */
  readonly vscodeMarkdown?: number;
  /** The same keystroke through VS Code's Markdown server, a process of its own: an edit → its pulled diagnostics. */
  readonly vscodeMarkdownServer?: number;
  /** markdownlint's default rules on the whole text. */
  readonly markdownlint?: number;
  /** Time at 1 MB ÷ time at 100 KB, less the process's start (linear is about 10). */
  readonly growth?: number;
  readonly target: string;
  /** Undefined for a row that has no target of its own. */
  readonly met: boolean | undefined;
}

const rows: Row[] = [];
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median time of `runs` runs of `task`, after `warmUp` runs that are not counted. */
async function timed(runs: number, task: (run: number) => Promise<void> | void, warmUp = 2): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const start = performance.now();
    await task(run);
    if (run >= warmUp) times.push(performance.now() - start);
  }
  return median(times);
}

function record(row: Omit<Row, 'met'>, met: boolean | undefined): void {
  rows.push({ ...row, met });
  const server = row.vscodeMarkdownServer === undefined ? '' : `, VS Code Markdown server ${formatPeer(row.vscodeMarkdownServer)}`;
  const peers = row.vscodeMarkdown === undefined ? '' : `, VS Code Markdown in process ${formatPeer(row.vscodeMarkdown)}${server}, markdownlint ${formatPeer(row.markdownlint)}`;
  log(`${row.what} (${row.size}): ${formatTime(row.median, row.unit)}${peers}`);
}

const formatTime = (ms: number, unit = 'ms') => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 0)} ${unit}` : `> ${LIMIT_MS / 1000} s`);
const formatPeer = (ms: number | undefined) => (ms === undefined ? '—' : formatTime(ms));

function offsetToPosition(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < lineStart; at = text.indexOf('\n', at + 1)) line++;
  return { line, character: offset - lineStart };
}

/**
 * Where the benchmark types in prose: before the second word of a paragraph of prose in the
 * second half of the document, else at the start of the paragraph there.
 */
function editOffset(text: string): number {
  const prose = /\n\n(\p{Lu}\p{Ll}* )\p{Ll}/gu;
  prose.lastIndex = text.length >> 1;
  const found = prose.exec(text);
  return found ? found.index + 2 + found[1]!.length : text.indexOf('\n\n', text.length >> 1) + 2;
}

/** What the keystrokes type, a character each, on and on: a user writing words. */
const TYPED = 'Word ';

/** The character the `run`th keystroke types, after those typed before it. */
const typedBy = (run: number) => TYPED[run % TYPED.length]!;

/** The texts after each of `count` keystrokes at `offset`. */
function keystrokes(text: string, offset: number, count: number): string[] {
  let typed = '';
  return Array.from({ length: count }, (_, run) => `${text.slice(0, offset)}${(typed += typedBy(run))}${text.slice(offset)}`);
}

/**
 * How many keystrokes are measured, and how many before them warm the code up. A user types
 * hundreds, so on a small document, where they cost milliseconds, the median is of a hundred
 * after twenty (a few dozen read the code still being compiled); a large document gets `runs`.
 */
function keystrokeCounts(text: string, runs: number): { runs: number; warmUp: number } {
  return text.length < 100_000 ? { runs: Math.max(runs, 100), warmUp: 20 } : { runs, warmUp: 2 };
}

interface Keystroke {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly text: string;
}

/** The `run`th of the keystrokes of `keystrokes`, as an editor sends it to a server: an incremental change after the characters typed before. */
function keystrokeChange(position: Position, run: number): Keystroke {
  const at = { ...position, character: position.character + run };
  return { range: { start: at, end: at }, text: typedBy(run) };
}

/** The change that takes back `count` keystrokes at `position`, leaving the document as it was. */
function untyping(position: Position, count: number): Keystroke {
  return { range: { start: position, end: { ...position, character: position.character + count } }, text: '' };
}

/**
 * The median time from a keystroke to its diagnostics through a server, `diagnose` sending the
 * change and waiting for them: keystrokes in the middle of the open document (see
 * `keystrokeCounts`), taken back after the last, unmeasured.
 */
async function serverKeystrokes(text: string, runs: number, diagnose: (change: Keystroke) => Promise<unknown>, offset = editOffset(text)): Promise<number> {
  const position = offsetToPosition(text, offset);
  const counts = keystrokeCounts(text, runs);
  const time = await timed(counts.runs, async (run) => void (await diagnose(keystrokeChange(position, run))), counts.warmUp);
  await diagnose(untyping(position, counts.runs + counts.warmUp));
  return time;
}

/** The keystrokes through Tradecraft's server (`diagnosticsDelay` 0), each to its published diagnostics. */
const serverEdits = (client: LspTestClient, uri: string, text: string, runs: number, offset?: number) =>
  serverKeystrokes(
    text,
    runs,
    async (change) => {
      await client.change(uri, [change]);
      await client.currentDiagnostics(uri, 600_000);
    },
    offset,
  );

/**
 * Where a keystroke lands in a marker's text: the start of the label of a claim in the middle of
 * the document. Such a keystroke changes the marker, so its diagnostics are computed afresh; one in
 * prose (`editOffset`) keeps them, moved.
 */
const markerTextOffset = (text: string) => text.indexOf(':claim[', text.length >> 1) + ':claim['.length;

/** Where a keystroke changes what the document says: the end of a claim's id in the middle of the document, so every diagnostic is computed afresh. */
const markerIdOffset = (text: string) => {
  const id = /:claim\[[^\]\n]*\]\{#[\w-]+/g;
  id.lastIndex = text.length >> 1;
  const found = id.exec(text);
  return found ? found.index + found[0].length : markerTextOffset(text);
};

/** The same keystrokes through VS Code's Markdown server, started for them on the same workspace and document, each to its pulled diagnostics. */
async function markdownServerEdits(workspace: string, uri: string, text: string, runs: number): Promise<number> {
  const peer = await MarkdownServerPeer.start(workspace, uri, text);
  try {
    await peer.pullDiagnostics();
    return await serverKeystrokes(text, runs, (change) => peer.diagnose(change));
  } finally {
    await peer.close();
  }
}

/** The same keystrokes in VS Code's Markdown language service, each to its diagnostics. */
async function peerEdits(text: string, runs: number): Promise<number> {
  const peer = new MarkdownLanguageServicePeer();
  await peer.diagnose(text);
  const counts = keystrokeCounts(text, runs);
  const texts = keystrokes(text, editOffset(text), counts.runs + counts.warmUp);
  return timed(counts.runs, async (run) => void (await peer.diagnose(texts[run]!)), counts.warmUp);
}

/** markdownlint on the text; a run of it on a megabyte takes seconds, so there it is not warmed up, and run once when quick. */
const lintTime = (text: string, runs: number) => {
  const large = text.length >= 1_000_000;
  return timed(large && quick ? 1 : runs, async () => void (await markdownlint(text)), large ? 0 : 1);
};

async function openAndDiagnose(client: LspTestClient, file: string, text: string): Promise<string> {
  const uri = await client.open(file, text);
  await client.currentDiagnostics(uri, 600_000);
  return uri;
}

/**
 * Keystrokes in an open document through Tradecraft's server, the same keystrokes in VS Code's
 * Markdown language service in this process and through its server, and markdownlint on the text;
 * one after the other, so that neither server runs while the other is measured.
 */
async function editTimes(client: LspTestClient, workspace: string, uri: string, text: string, runs: number): Promise<{ edit: number; vscodeMarkdown: number; vscodeMarkdownServer: number; markdownlint: number }> {
  const edit = await serverEdits(client, uri, text, runs * 4);
  const vscodeMarkdownServer = await markdownServerEdits(workspace, uri, text, runs * 4);
  return { edit, vscodeMarkdown: await peerEdits(text, runs * 4), vscodeMarkdownServer, markdownlint: await lintTime(text, runs) };
}

const SIZES = quick ? [{ name: '35 KB', bytes: 35_000, runs: 5 }, { name: '1 MB', bytes: 1_000_000, runs: 3 }] : [
  { name: '35 KB', bytes: 35_000, runs: 9 },
  { name: '1 MB', bytes: 1_000_000, runs: 5 },
  { name: '5 MB', bytes: 5_000_000, runs: 2 },
];

async function benchDocument(workspace: string, client: LspTestClient, size: (typeof SIZES)[number]): Promise<void> {
  const text = generateAnalysis(size.bytes, 42);
  const file = `doc-${size.bytes}.md`;
  writeFileSync(join(workspace, file), text);
  const parse = await timed(size.runs, () => void parseMarkdown(text), size.bytes > 1_000_000 ? 0 : 1);
  record({ what: 'full remark parse (baseline)', size: size.name, median: parse, unit: 'ms', baseline: parse, target: '—' }, true);

  const uri = await openAndDiagnose(client, file, text);
  const { edit, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint } = await editTimes(client, workspace, uri, text, size.runs);
  const editTarget = size.bytes <= 35_000 ? 16 : parse / 10;
  record(
    { what: 'edit → diagnostics (server, delay 0)', size: size.name, median: edit, unit: 'ms', baseline: parse, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint, target: `${size.bytes <= 35_000 ? '≤ 16 ms' : '≤ 1/10 of the parse'}, ≤ VS Code Markdown server` },
    edit <= editTarget && edit <= vscodeMarkdownServer,
  );

  const citation = positionOf(text, '[@s', 2, 3);
  const hover = await timed(20, () => client.request('textDocument/hover', { textDocument: { uri }, position: citation }).then(() => undefined));
  record({ what: 'hover on a citation', size: size.name, median: hover, unit: 'ms', baseline: parse, target: '≤ 5 ms' }, hover <= 5);
  const definition = await timed(20, () => client.request('textDocument/definition', { textDocument: { uri }, position: citation }).then(() => undefined));
  record({ what: 'definition of a citation', size: size.name, median: definition, unit: 'ms', baseline: parse, target: '≤ 5 ms' }, definition <= 5);
  const completionAt = positionOf(text, '[@s', 2, 5);
  const completion = await timed(20, () => client.request('textDocument/completion', { textDocument: { uri }, position: completionAt }).then(() => undefined));
  record({ what: 'completion of a key', size: size.name, median: completion, unit: 'ms', baseline: parse, target: '≤ 5 ms' }, completion <= 5);
  await client.close(uri);

  if (size.bytes === 1_000_000) {
    // The generated analysis has error-level diagnostics, so the CLI exits 1: that is its answer, not a failure.
    const cli = await timed(size.runs, () => void spawnSync(process.execPath, [join(ROOT, 'bin/tradecraft'), 'check', '--format', 'json', file], { cwd: workspace, maxBuffer: 1 << 28 }));
    const perMb = cli / (text.length / 1_000_000);
    const parsePerMb = parse / (text.length / 1_000_000);
    record({ what: 'CLI check, per MB', size: size.name, median: perMb, unit: 'ms', baseline: parsePerMb, target: '≤ 1.15 × the parse' }, perMb <= 1.15 * parsePerMb);
  }
}

/** Words of likelihood and confidence for the claims of a generated analysis: on the scale, off it, of the other row, and mixed. */
const ESTIMATIVE_OPENINGS = ['It is likely that ', 'Perhaps ', 'We judge with high confidence that it is very likely that ', 'It is probably the case that ', ''];

/** A generated analysis held to ICD 203, its claims opening with words the standards checks read. */
function heldToIcd203(text: string): string {
  let claims = 0;
  const withTerms = text.replace(/:claim\[/g, () => `:claim[${ESTIMATIVE_OPENINGS[claims++ % ESTIMATIVE_OPENINGS.length]}`);
  return withTerms.replace(/^---\n/, '---\nstandards: icd203\n');
}

/** The keystroke of the generated analyses again, with a standard that applies: the standards checks must keep it within the same targets. */
async function benchStandards(client: LspTestClient): Promise<void> {
  for (const size of SIZES.filter((candidate) => candidate.bytes <= 1_000_000)) {
    const text = heldToIcd203(generateAnalysis(size.bytes, 42));
    const parse = await timed(size.runs, () => void parseMarkdown(text), 1);
    const uri = await openAndDiagnose(client, `standards-${size.bytes}.md`, text);
    const { edit, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint } = await editTimes(client, workspace, uri, text, size.runs);
    const editTarget = size.bytes <= 35_000 ? 16 : parse / 10;
    record(
      { what: 'edit → diagnostics, standards: icd203', size: size.name, median: edit, unit: 'ms', baseline: parse, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint, target: `${size.bytes <= 35_000 ? '≤ 16 ms' : '≤ 1/10 of the parse'}, ≤ VS Code Markdown server` },
      edit <= editTarget && edit <= vscodeMarkdownServer,
    );
    await client.close(uri);
  }
}

/**
 * A hover sent right after each keystroke, before its diagnostics: answered from the newest
 * analysis or a faster path, it must not wait for the edit's whole analysis.
 */
async function hoverAfterEdits(client: LspTestClient, uri: string, text: string, position: Position, runs: number): Promise<number> {
  const at = offsetToPosition(text, editOffset(text));
  const times: number[] = [];
  for (let run = 0; run < runs * 2; run++) {
    await client.change(uri, [keystrokeChange(at, run)]);
    const start = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    times.push(performance.now() - start);
    await client.currentDiagnostics(uri, 600_000);
  }
  await client.change(uri, [untyping(at, runs * 2)]);
  await client.currentDiagnostics(uri, 600_000);
  return median(times);
}

/** Documents of the conformance cases: each shape repeated to about 35 KB, and all of them together to about 1 MB. */
async function benchCases(workspace: string, client: LspTestClient): Promise<void> {
  if (!existsSync(casesFolder)) {
    log(`case documents not measured: ${casesFolder} does not exist (give another with --cases FOLDER)`);
    return;
  }
  // The cases name bibliography files and link to files under refs/: the documents see the same.
  if (existsSync(join(casesFolder, 'refs'))) cpSync(join(casesFolder, 'refs'), join(workspace, 'refs'), { recursive: true });
  const cases = readCases(casesFolder);
  for (const testCase of cases) {
    const { text } = repeatedCase(testCase, 35_000);
    await benchCaseDocument(workspace, client, { name: `case ${testCase.name}`, size: '35 KB', text, runs: quick ? 2 : 5, parseShare: 10 });
  }
  const { text } = mixedCases(cases, 1_000_000);
  await benchCaseDocument(workspace, client, { name: 'all cases together', size: '1 MB', text, runs: quick ? 2 : 4, parseShare: 20 });
}

interface CaseDocument {
  readonly name: string;
  readonly size: string;
  readonly text: string;
  readonly runs: number;
  /** The keystroke's target is this fraction of a full parse. */
  readonly parseShare: number;
}

async function benchCaseDocument(workspace: string, client: LspTestClient, document: CaseDocument): Promise<void> {
  const file = `${document.name.replace(/\W+/g, '-')}.md`;
  writeFileSync(join(workspace, file), document.text);
  // A small document's parse takes a tenth of a second: its baseline is the median of five, not of `runs`.
  const small = document.text.length < 100_000;
  const parse = await timed(small ? Math.max(document.runs, 5) : document.runs, () => void parseMarkdown(document.text), small ? 1 : 0);
  const uri = await openAndDiagnose(client, file, document.text);
  const { edit, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint } = await editTimes(client, workspace, uri, document.text, document.runs);
  record(
    { what: `edit → diagnostics: ${document.name}`, size: document.size, median: edit, unit: 'ms', baseline: parse, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint, target: `≤ 1/${document.parseShare} of the parse, ≤ VS Code Markdown server` },
    edit <= parse / document.parseShare && edit <= vscodeMarkdownServer,
  );
  if (document.text.length >= 1_000_000) {
    for (const [where, offset] of [["in a marker's text", markerTextOffset(document.text)], ["in a marker's id", markerIdOffset(document.text)]] as const) {
      const edit = await serverEdits(client, uri, document.text, document.runs * 4, offset);
      record(
        { what: `edit → diagnostics ${where}: ${document.name}`, size: document.size, median: edit, unit: 'ms', baseline: parse, target: `≤ 1/${document.parseShare} of the parse` },
        edit <= parse / document.parseShare,
      );
    }
    const hover = await hoverAfterEdits(client, uri, document.text, offsetToPosition(document.text, document.text.indexOf(':evidence[') + 3), document.runs * 2);
    record({ what: `hover sent right after an edit: ${document.name}`, size: document.size, median: hover, unit: 'ms', baseline: parse, target: '≤ 50 ms' }, hover <= 50);
  }
  await client.close(uri);
}

/**
 * The shapes that once cost a keystroke the rest of the document or all of it, written near the
 * top of the 1 MB analysis: an indented fence in a list item (the splitter misreads what follows
 * until the parser corrects it) and a footnote definition in a container directive (micromark
 * reads container text last). Each keystroke in the middle is set against the same keystroke
 * without them, in the same run.
 */
const CLIFFS = [
  { name: 'none (ordinary)', lines: '' },
  { name: 'an indented fence in a list item', lines: '- An item\n\n    ```\n    code in the item\n\n    more code\n    ```\n\n' },
  { name: 'a footnote definition in a container', lines: ':::claim{#cliff1}\nA claim with a note.[^cliff]\n\n[^cliff]: The note, defined inside the container [@s1].\n:::\n\n' },
];

async function benchCliffs(client: LspTestClient): Promise<void> {
  const base = generateAnalysis(1_000_000, 42);
  const top = base.indexOf('\n\n', base.indexOf('\n---\n', 4) + 5) + 2;
  const runs = quick ? 3 : 5;
  let ordinary = Infinity;
  for (const cliff of CLIFFS) {
    const text = base.slice(0, top) + cliff.lines + base.slice(top);
    const uri = await openAndDiagnose(client, `cliff-${CLIFFS.indexOf(cliff)}.md`, text);
    const edit = await serverEdits(client, uri, text, runs * 4);
    await client.close(uri);
    if (cliff.lines === '') {
      ordinary = edit;
      continue;
    }
    record({ what: `edit → diagnostics, ${cliff.name} near the top`, size: '1 MB', median: edit, unit: 'ms', baseline: undefined, target: `≤ 2 × the same keystroke without it (${ordinary.toFixed(0)} ms)` }, edit <= 2 * ordinary);
  }
}

/** Milliseconds that `args` took in a process of its own, or `Infinity` if it ran past `LIMIT_MS` and was ended. */
function inProcessOfItsOwn(args: readonly string[], cwd: string, timeReported: boolean): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, timeout: LIMIT_MS, maxBuffer: 1 << 28, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (run.error || run.signal) return Infinity;
  if (!timeReported) return elapsed;
  const reported = Number.parseFloat(run.stdout);
  if (!Number.isFinite(reported)) throw new Error(`bench: ${args.join(' ')} failed: ${run.stderr}`);
  return reported;
}

const measureOnce = (task: Task, file: string, cwd: string) => inProcessOfItsOwn([join(ROOT, 'out/bench/measureOnce.js'), task, file], cwd, true);
const check = (file: string, cwd: string) => inProcessOfItsOwn([join(ROOT, 'bin/tradecraft'), 'check', '--format', 'json', file], cwd, false);

/** The median of up to three runs: one alone when it took over a tenth of the limit (the growth it shows is then far from noise). */
function fewRuns(run: () => number): number {
  const times = [run()];
  while (times.length < 3 && times.at(-1)! <= LIMIT_MS / 10) times.push(run());
  return median(times);
}

const PATHOLOGICAL_SIZES = [{ name: '100 KB', bytes: 100_000 }, { name: '1 MB', bytes: 1_000_000 }] as const;

/**
 * Each pathological shape at 100 KB and 1 MB: `tradecraft check` less the process's start, the
 * parse, VS Code's Markdown language service and markdownlint, each in a process of its own that
 * is ended at `LIMIT_MS`, each the median of a few runs (`fewRuns`). A measurement is not made at
 * 1 MB when it took over a fifth of the limit at 100 KB (even linear growth would take it past
 * twice the limit).
 */
async function benchPathological(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tradecraft-bench-shapes-'));
  try {
    writeFileSync(join(folder, 'empty.md'), 'Text.\n');
    const start = median([0, 1, 2].map(() => check('empty.md', folder)));
    log(`a check of a one-line document takes ${start.toFixed(0)} ms (the process's start)`);
    for (const shape of PATHOLOGICAL_SHAPES) {
      let previous: Record<'check' | Task, number> | undefined;
      for (const size of PATHOLOGICAL_SIZES) {
        const file = `shape-${size.bytes}.md`;
        writeFileSync(join(folder, file), shape.make(size.bytes));
        const measure = (name: 'check' | Task, run: () => number) => (previous && previous[name] > LIMIT_MS / 5 ? Infinity : fewRuns(run));
        const times = {
          check: measure('check', () => Math.max(0, check(file, folder) - start)),
          parse: measure('parse', () => measureOnce('parse', file, folder)),
          'vscode-markdown': measure('vscode-markdown', () => measureOnce('vscode-markdown', file, folder)),
          markdownlint: measure('markdownlint', () => measureOnce('markdownlint', file, folder)),
        };
        const growth = previous && Number.isFinite(previous.check) ? times.check / previous.check : undefined;
        record(
          { what: `check: ${shape.name}`, size: size.name, median: times.check, unit: 'ms', baseline: times.parse, vscodeMarkdown: times['vscode-markdown'], markdownlint: times.markdownlint, growth, target: previous ? 'growth ≤ 13 (linear ≈ 10)' : '—' },
          previous ? growth !== undefined && growth <= 13 : undefined,
        );
        previous = times;
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A 20,000-entry CSL-JSON library in `tradecraft.bibliography` and a document citing 200 keys it
 * lacks: a keystroke, set against the same keystroke when every key is known (suggestions for
 * unknown keys may cost at most about 0.2 × that) and against the peers.
 */
async function benchLibrary(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tradecraft-bench-library-'));
  const library = join(folder, 'library.json');
  writeFileSync(library, cslLibrary(20_000));
  const client = await LspTestClient.start({ workspace: folder, settings: { diagnosticsDelay: 0, bibliography: [library] } });
  try {
    const runs = quick ? 3 : 6;
    const unknown = documentCitingUnknownKeys(200);
    const known = unknown.replaceAll('[@autor', '[@author');
    const parse = await timed(runs, () => void parseMarkdown(unknown), 1);
    const knownUri = await openAndDiagnose(client, 'known.md', known);
    const knownEdit = await serverEdits(client, knownUri, known, runs * 4);
    await client.close(knownUri);
    const uri = await openAndDiagnose(client, 'unknown.md', unknown);
    const diagnostics = await client.currentDiagnostics(uri);
    if (diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-source').length !== 200) throw new Error('bench: the library document should have 200 unknown keys');
    const { edit, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint } = await editTimes(client, folder, uri, unknown, runs);
    record(
      { what: 'edit → diagnostics: 200 unknown keys, 20,000-entry library in the settings', size: `${Math.round(unknown.length / 1000)} KB`, median: edit, unit: 'ms', baseline: parse, vscodeMarkdown, vscodeMarkdownServer, markdownlint: lint, target: `≤ 1.2 × with the keys known (${knownEdit.toFixed(1)} ms), ≤ 1/10 of the parse, ≤ VS Code Markdown server` },
      edit <= 1.2 * knownEdit && edit <= parse / 10 && edit <= vscodeMarkdownServer,
    );
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchWorkspace(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tradecraft-bench-ws-'));
  const count = quick ? 400 : 2000;
  try {
    for (let i = 0; i < count; i++) {
      const sub = join(folder, `part-${i % 20}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `note-${i}.md`), generateAnalysis(20_000, 1000 + i));
    }
    const times: number[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      const client = await LspTestClient.start({ workspace: folder, settings: { diagnosticsDelay: 0 } });
      const start = performance.now();
      const symbols = await client.request<unknown[]>('workspace/symbol', { query: 'c1' });
      times.push(performance.now() - start);
      if (symbols.length === 0) throw new Error('the workspace index found no symbol');
      await client.stop();
    }
    record({ what: 'workspace index (first workspace/symbol)', size: `${count} × 20 KB`, median: median(times), unit: 'ms', baseline: undefined, target: '≤ 3 s for 2,000 files' }, median(times) <= 3000 * (count / 2000));
    benchWorkspaceCheck(folder, count);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * `tradecraft check` of the workspace's files, set against their remark parse one after another
 * in one thread: with the work shared between threads it must use the machine's cores.
 */
function benchWorkspaceCheck(folder: string, count: number): void {
  const texts = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => readFileSync(join(folder, file), 'utf8'));
  parseMarkdown(texts[0]!);
  const start = performance.now();
  for (const text of texts) parseMarkdown(text);
  const parse = performance.now() - start;
  const run = spawnSync(process.execPath, [join(ROOT, 'out/bench/checkWorkspace.js'), folder], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: the check of the workspace failed: ${run.stderr}`);
  const { wallMs, cpuMs } = JSON.parse(run.stdout) as { wallMs: number; cpuMs: number };
  const cores = availableParallelism();
  record(
    { what: `CLI check of a workspace, ${(cpuMs / wallMs).toFixed(1)} of ${cores} cores busy`, size: `${count} × 20 KB`, median: wallMs, unit: 'ms', baseline: parse, target: `≥ ${(0.8 * cores).toFixed(1)} cores busy` },
    cpuMs >= 0.8 * cores * wallMs,
  );
}

async function benchHeap(): Promise<void> {
  const { createService } = await import('../server/src/service.js');
  const { IncrementalParser } = await import('../server/src/parse/incrementalParser.js');
  const { DEFAULT_SETTINGS } = await import('../server/src/settings.js');
  const { URI } = await import('vscode-uri');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    log('heap not measured: run with node --expose-gc');
    return;
  }
  const text = generateAnalysis(1_000_000, 42);
  const host: Host = { readFile: async () => ({ kind: 'missing' }), fileKind: async () => 'missing', realPath: async (uri) => uri, listFiles: async () => [] };
  gc();
  const before = process.memoryUsage().heapUsed;
  const parser = new IncrementalParser();
  const analysis = await createService({ host, settings: DEFAULT_SETTINGS }).analyze({ uri: URI.file('/ws/doc.md'), text, workspaceFolder: URI.file('/ws'), parser });
  gc();
  const used = (process.memoryUsage().heapUsed - before) / 1e6;
  record({ what: 'heap held for an open document (analysis + blocks)', size: '1 MB', median: used, unit: 'MB', baseline: undefined, target: 'aim ≤ 30 × the size' }, used <= 30 * (text.length / 1e6));
  void analysis.syntax;
}

/** The Markdown preview of a 1 MB analysis with the markers rendered, against plain markdown-it (VS Code's preview engine). */
async function benchPreview(): Promise<void> {
  const { default: MarkdownIt } = await import('markdown-it');
  const { markdownItMarkers } = await import('../server/src/preview/markdownItMarkers.js');
  const text = generateAnalysis(1_000_000, 42);
  const plain = new MarkdownIt({ html: true });
  const withMarkers = new MarkdownIt({ html: true }).use(markdownItMarkers, { unsupportedClaims: () => (claim) => claim.id === 'c1', sourceUrl: (key) => `https://example.org/${key}` });
  const runs = quick ? 3 : 5;
  const baseline = await timed(runs, () => void plain.render(text), 1);
  const time = await timed(runs, () => void withMarkers.render(text), 1);
  record({ what: 'Markdown preview with the markers rendered (markdown-it)', size: '1 MB', median: time, unit: 'ms', baseline, target: '≤ 2 × plain markdown-it' }, time <= 2 * baseline);
}

/** A front matter of 10 MB (1 MB quick): yaml's duplicate-key check made this take minutes. */
async function benchFrontMatter(): Promise<void> {
  const { readDocument } = await import('../server/src/analysis/documentSyntax.js');
  const bytes = quick ? 1_000_000 : 10_000_000;
  const entries: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    entries.push(`  key${i}: https://example.org/${i}`);
    size += entries[i]!.length + 1;
  }
  const text = ['---', 'sources:', ...entries, '---', ':claim[Cited [@key7]]{#c1}', ''].join('\n');
  const time = await timed(1, () => void readDocument(text), 0);
  record({ what: 'front matter read (YAML parse and sources)', size: `${bytes / 1_000_000} MB`, median: time, unit: 'ms', baseline: undefined, target: '≤ 2 s per MB (10 MB in seconds)' }, time <= bytes / 500);
}

const formatRatio = (part: number, whole: number | undefined) => (whole && Number.isFinite(part) && Number.isFinite(whole) ? (part / whole).toFixed(part / whole < 10 ? 3 : 1) : '—');

function printTable(): void {
  const header =
    '| what | document | Tradecraft | × full parse | growth | VS Code Markdown, in process | × in process | VS Code Markdown server | × server | markdownlint | target | met |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const lines = rows.map((row) => {
    const ratio = row.unit === 'ms' ? formatRatio(row.median, row.baseline) : '—';
    const growth = row.growth === undefined ? '—' : Number.isFinite(row.growth) ? row.growth.toFixed(1) : 'over the limit';
    const met = row.met === undefined ? '—' : row.met ? 'yes' : 'NO';
    return `| ${row.what} | ${row.size} | ${formatTime(row.median, row.unit)} | ${ratio} | ${growth} | ${formatPeer(row.vscodeMarkdown)} | ${formatRatio(row.median, row.vscodeMarkdown)} | ${formatPeer(row.vscodeMarkdownServer)} | ${formatRatio(row.median, row.vscodeMarkdownServer)} | ${formatPeer(row.markdownlint)} | ${row.target} | ${met} |`;
  });
  process.stdout.write(`${header}\n${lines.join('\n')}\n`);
}

// The machine may be shared: its load says how far the absolute times can be trusted.
const loadAtStart = loadavg()[0]!;
const workspace = mkdtempSync(join(tmpdir(), 'tradecraft-bench-'));
const client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
try {
  if (selected('generated')) for (const size of SIZES) await benchDocument(workspace, client, size);
  if (selected('standards')) await benchStandards(client);
  if (selected('cases')) await benchCases(workspace, client);
  if (selected('cliffs')) await benchCliffs(client);
} finally {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
}
if (selected('library')) await benchLibrary();
if (selected('shapes')) await benchPathological();
if (selected('workspace')) await benchWorkspace();
if (selected('heap')) await benchHeap();
if (selected('front-matter')) await benchFrontMatter();
if (selected('preview')) await benchPreview();
printTable();
const load = { atStart: loadAtStart, atEnd: loadavg()[0]! };
log(`load average (1 min) ${load.atStart.toFixed(1)} at the start, ${load.atEnd.toFixed(1)} at the end, on ${availableParallelism()} cores`);
mkdirSync(join(outFile, '..'), { recursive: true });
const overTheLimit = (_: string, value: unknown) => (value === Infinity ? `over ${LIMIT_MS} ms` : value);
writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, limitMs: LIMIT_MS, load, rows }, overTheLimit, 2)}\n`);
log(`written to ${outFile}`);
