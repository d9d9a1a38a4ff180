/**
 * npm run bench: how fast Tradecraft is on analyses of 35 KB, 1 MB and 5 MB and on a workspace
 * of 2,000 files, each figure set against the full remark parse of the same document, and on a
 * front matter of 10 MB. Prints a
 * table and writes it as JSON (bench-results/) for comparison between commits.
 * Options: --quick (35 KB and 1 MB only, fewer runs), --out FILE.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from '../server/src/host.js';
import { parseMarkdown } from '../server/src/parse/parseMarkdown.js';
import { generateAnalysis } from '../test/support/generate.js';
import { LspTestClient, positionOf } from '../test/lsp/lspClient.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');
const outAt = process.argv.indexOf('--out');
const outFile = outAt >= 0 ? process.argv[outAt + 1]! : join(ROOT, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);

interface Row {
  readonly what: string;
  readonly size: string;
  readonly median: number;
  readonly unit: 'ms' | 'MB';
  readonly baseline: number | undefined;
  readonly target: string;
  readonly met: boolean;
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

function record(row: Omit<Row, 'met'>, met: boolean): void {
  rows.push({ ...row, met });
  log(`${row.what} (${row.size}): ${row.median.toFixed(1)} ${row.unit}`);
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

  const uri = await client.open(file, text);
  await client.currentDiagnostics(uri, 600_000);
  let current = text;
  const editAt = text.indexOf('\n\n', text.length >> 1) + 2;
  const editRuns = size.runs * 4;
  // The first edits warm the server's code up; the median is taken over the rest.
  const edit = await timed(editRuns, async (run) => {
    const inserted = run % 2 === 0 ? 'Word ' : '';
    const position = positionOf(current, current.slice(editAt, editAt + 20));
    const removed = run % 2 === 0 ? '' : 'Word ';
    current = current.slice(0, editAt) + inserted + current.slice(editAt + removed.length);
    await client.change(uri, [{ range: { start: position, end: { ...position, character: position.character + removed.length } }, text: inserted }]);
    await client.currentDiagnostics(uri, 600_000);
  });
  const editTarget = size.bytes <= 35_000 ? 16 : parse / 10;
  record({ what: 'edit → diagnostics (server, delay 0)', size: size.name, median: edit, unit: 'ms', baseline: parse, target: size.bytes <= 35_000 ? '≤ 16 ms' : '≤ 1/10 of the parse' }, edit <= editTarget);

  const citation = positionOf(current, '[@s', 2, 3);
  const hover = await timed(20, () => client.request('textDocument/hover', { textDocument: { uri }, position: citation }).then(() => undefined));
  record({ what: 'hover on a citation', size: size.name, median: hover, unit: 'ms', baseline: parse, target: '≤ 5 ms' }, hover <= 5);
  const definition = await timed(20, () => client.request('textDocument/definition', { textDocument: { uri }, position: citation }).then(() => undefined));
  record({ what: 'definition of a citation', size: size.name, median: definition, unit: 'ms', baseline: parse, target: '≤ 5 ms' }, definition <= 5);
  const completionAt = positionOf(current, '[@s', 2, 5);
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
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
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

function printTable(): void {
  const header = '| what | document | median | × full parse | target | met |\n|---|---|---:|---:|---|---|';
  const lines = rows.map((row) => {
    const ratio = row.baseline && row.unit === 'ms' ? (row.median / row.baseline).toFixed(3) : '—';
    return `| ${row.what} | ${row.size} | ${row.median.toFixed(row.median < 10 ? 2 : 0)} ${row.unit} | ${ratio} | ${row.target} | ${row.met ? 'yes' : 'NO'} |`;
  });
  process.stdout.write(`${header}\n${lines.join('\n')}\n`);
}

const workspace = mkdtempSync(join(tmpdir(), 'tradecraft-bench-'));
const client = await LspTestClient.start({ workspace, settings: { diagnosticsDelay: 0 } });
try {
  for (const size of SIZES) await benchDocument(workspace, client, size);
} finally {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
}
await benchWorkspace();
await benchHeap();
await benchFrontMatter();
printTable();
mkdirSync(join(outFile, '..'), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, rows }, null, 2)}\n`);
log(`written to ${outFile}`);
