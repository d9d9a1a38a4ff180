/**
 * Helpers for the command-line tests: run the real `bin/tradecraft` in a child process, inside a
 * temporary folder of its own, and read what it prints.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES } from '../../server/src/types.js';

/** The repository root: the compiled test lives in out/test/cli/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'tradecraft');

/** Every diagnostic code, in the order of the spec's table. */
export const ALL_CODES = CODES;

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tradecraft ARGS...` with the given working folder; never rejects on a non-zero exit. */
export function runCli(args: readonly string[], cwd: string, timeoutMs = 15_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** A temporary folder for one test; `remove()` deletes it. */
export class TempDir {
  readonly root: string;

  constructor(prefix = 'tradecraft-cli-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    // Also removed when the test process ends, should a suite be filtered out before its `after` hook.
    process.once('exit', () => this.remove());
  }

  /** The absolute path of `relative` inside the folder. */
  path(relative: string): string {
    return join(this.root, relative);
  }

  /** Writes a file (text as UTF-8, or raw bytes), creating its folders. Returns its absolute path. */
  write(relative: string, content: string | Uint8Array): string {
    const file = this.path(relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  mkdir(relative: string): string {
    const folder = this.path(relative);
    mkdirSync(folder, { recursive: true });
    return folder;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Joins lines with LF. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export interface JsonPosition {
  line: number;
  character: number;
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: JsonPosition; end: JsonPosition };
  source: string;
  codeDescription: { href: string };
}

export interface JsonFile {
  path: string;
  diagnostics: JsonDiagnostic[];
}

export interface JsonReport {
  files: JsonFile[];
}

/** Parses the `--format json` report, failing the test with the raw output if it is not JSON. */
export function parseJson(result: CliResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport;
  } catch (error) {
    assert.fail(`stdout is not JSON (${(error as Error).message}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** The diagnostics of one file of a JSON report (the file must be listed once). */
export function fileOf(report: JsonReport, path: string): JsonDiagnostic[] {
  const matches = report.files.filter((file) => file.path === path);
  assert.equal(matches.length, 1, `expected ${path} once in the report, got paths ${JSON.stringify(report.files.map((f) => f.path))}`);
  return matches[0]!.diagnostics;
}

/** `line:code` (1-based line) for each diagnostic, in report order. */
export function lineCodes(diagnostics: readonly JsonDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
}

export interface TextLine {
  path: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const TEXT_LINE = /^(.+?):(\d+):(\d+): (error|warning|information|hint) ([a-z]+(?:-[a-z]+)*) (.+)$/;

/** Parses `--format text` output; every non-empty line must have the `path:line:col: severity code message` shape. */
export function parseText(stdout: string): TextLine[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = TEXT_LINE.exec(line);
      assert.ok(match, `text line does not have the shape path:line:col: severity code message: ${JSON.stringify(line)}`);
      return { path: match[1]!, line: Number(match[2]), column: Number(match[3]), severity: match[4]!, code: match[5]!, message: match[6]! };
    });
}

/** The CLI must never print a stack trace or an internal error. */
export function assertNoCrash(result: CliResult): void {
  assert.equal(result.signal, null, `killed by ${result.signal}; stderr:\n${result.stderr}`);
  assert.ok(!result.stderr.includes('    at '), `stderr holds a stack trace:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error/i, `stderr reports an internal error:\n${result.stderr}`);
}

/**
 * Starts the CLI at once, so that the runs of several suites of a file overlap (node --test runs
 * the files one after another on small machines); await the promise in a `before` hook.
 */
export function startCli(args: readonly string[], cwd: string): Promise<CliResult> {
  const run = runCli(args, cwd);
  run.catch(() => {});
  return run;
}
