import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { MAX_DOCUMENT_BYTES } from '../host.js';
import { nodeHost } from '../node/nodeHost.js';
import { createService, type ServiceOptions, type TradecraftService } from '../service.js';
import type { Settings } from '../settings.js';
import { SEVERITIES, type Diagnostic, type Severity } from '../types.js';
import type { CheckOptions } from './checkOptions.js';
import { expandPaths } from './files.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatText, printable } from './formats/text.js';
import type { FileReport } from './report.js';

export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Whether progress may be drawn on stderr (a terminal). */
  readonly interactive: boolean;
}

/**
 * `tradecraft check`: exit 0 without errors, 1 with an error-level diagnostic, 2 for files that
 * could not be read or checked. `makeService` is the core's, unless a test stands in for it.
 */
export async function runCheck(
  options: CheckOptions,
  cwd: string,
  console: Console,
  version: string,
  makeService: (options: ServiceOptions) => TradecraftService = createService,
): Promise<number> {
  const workspace = URI.file(resolve(cwd, options.workspace ?? '.'));
  const settings: Settings = {
    severity: options.severity,
    bibliography: options.bibliography.map((file) => URI.file(resolve(cwd, file))),
    workspaceBibliography: [],
  };
  const service = makeService({ host: nodeHost, settings });
  const { files, missing, skipped } = await expandPaths(options.paths, cwd);
  for (const path of missing) console.err(`tradecraft: ${printable(path)}: no such file or folder\n`);
  for (const { path, reason } of skipped) console.err(`tradecraft: ${printable(displayPath(path, cwd))}: skipped: ${reason}\n`);
  const reports: FileReport[] = [];
  let failed = 0;
  const progress = progressLine(console, files.length);
  for (const [index, file] of files.entries()) {
    progress(index);
    const path = displayPath(file, cwd);
    try {
      const diagnostics = await checkFile(service, file, workspace, path, console);
      if (diagnostics) reports.push({ path, fileUri: pathToFileURL(file).href, diagnostics: diagnostics.filter((d) => atLeast(d.severity, options.severityMin)) });
      else failed++;
    } catch (error) {
      // A defect that one file sets off costs that file's report, not the others'.
      failed++;
      console.err(`tradecraft: ${printable(path)}: could not be checked (${printable(firstLine(error))})\n`);
    }
  }
  progress(files.length);
  console.out(render(options, reports, settings, cwd, version));
  if (missing.length > 0 || failed > 0) return 2;
  return reports.some((report) => report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** The diagnostics of one file, or undefined (said on stderr) when it cannot be read. */
async function checkFile(service: TradecraftService, file: string, workspace: URI, path: string, console: Console): Promise<Diagnostic[] | undefined> {
  const uri = URI.file(file);
  const read = await nodeHost.readFile(uri, MAX_DOCUMENT_BYTES);
  if (read.kind !== 'text') {
    console.err(`tradecraft: ${printable(path)}: ${read.kind === 'missing' ? 'the file disappeared before it could be read' : `cannot be read (${printable(read.reason)})`}\n`);
    return undefined;
  }
  if (read.replacedInvalidBytes) console.err(`tradecraft: ${printable(path)}: not valid UTF-8; the invalid bytes were read as U+FFFD\n`);
  const analysis = await service.analyze({ uri, text: read.text, workspaceFolder: workspace });
  return service.computeDiagnostics(analysis);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/\r?\n|\r/)[0]!;
}

function render(options: CheckOptions, reports: readonly FileReport[], settings: Settings, cwd: string, version: string): string {
  switch (options.format) {
    case 'json': return formatJson(reports);
    case 'sarif': return formatSarif(reports, settings, pathToFileURL(cwd).href, version);
    case 'text': return formatText(reports);
  }
}

function atLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}

function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

/** Draws "checked n of N files" on a terminal when there are many files; silent otherwise. */
function progressLine(console: Console, total: number): (done: number) => void {
  if (!console.interactive || total < 50) return () => {};
  return (done) => console.err(done < total ? `\rtradecraft: checked ${done} of ${total} files` : '\r\x1b[K');
}
