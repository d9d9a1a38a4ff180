import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import { MAX_DOCUMENT_BYTES } from '../host.js';
import { nodeHost } from '../node/nodeHost.js';
import type { TradecraftService } from '../service.js';
import type { StandardChoice } from '../language/standards.js';
import type { Settings } from '../settings.js';
import type { Code, SeveritySetting } from '../types.js';
import { argumentMap } from '../views/argumentMap.js';
import { assumptionsView } from '../views/assumptions.js';
import { indicatorsView } from '../views/indicators.js';
import { matrixView } from '../views/matrix.js';
import { sourcesView } from '../views/sources.js';
import { printable } from './formats/text.js';

/** What every document of a run is checked against: plain data, so that a worker can be given it. */
export interface RunSettings {
  /** The current directory: paths are shown relative to it. */
  readonly cwd: string;
  /** The absolute path of the folder whose files documents may name. */
  readonly workspace: string;
  readonly severity: Readonly<Partial<Record<Code, SeveritySetting>>>;
  /** Absolute paths of the bibliography files every document may cite. */
  readonly bibliography: readonly string[];
  /** Those of the project file: read only inside the workspace, as a document's own. */
  readonly workspaceBibliography: readonly string[];
  /** The standard documents are held to unless their front matter chooses one. */
  readonly standards: StandardChoice;
}

/**
 * What a command makes of each analysed document, by name, so that a worker can run it too. A
 * result must be plain data (it is copied out of the worker).
 */
export const TASKS = {
  diagnostics: (service: TradecraftService, analysis: Analysis) => service.computeDiagnostics(analysis),
  assumptions: (_service: TradecraftService, analysis: Analysis) => assumptionsView(analysis),
  indicators: (_service: TradecraftService, analysis: Analysis) => indicatorsView(analysis),
  sources: (_service: TradecraftService, analysis: Analysis) => sourcesView(analysis),
  matrix: (_service: TradecraftService, analysis: Analysis) => matrixView(analysis),
  map: (_service: TradecraftService, analysis: Analysis) => argumentMap(analysis),
} as const;
export type TaskName = keyof typeof TASKS;
export type TaskResult<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;

/** One document of a run. */
export interface DocumentOutcome<T> {
  /** As shown to the user: relative to the current directory when inside it, else absolute. */
  readonly path: string;
  readonly fileUri: string;
  /** What the task made of the document; undefined when it could not be read or checked. */
  readonly result: T | undefined;
  /** What to tell the user of this document on stderr, each a line. */
  readonly messages: readonly string[];
}

export function coreSettings(run: RunSettings): Settings {
  return { severity: run.severity, bibliography: run.bibliography.map((file) => URI.file(file)), workspaceBibliography: run.workspaceBibliography.map((file) => URI.file(file)), standards: run.standards };
}

/** Reads, analyses and runs the task on one document. Never rejects: a failure is the outcome. */
export function processDocument<N extends TaskName>(file: string, run: RunSettings, service: TradecraftService, task: N): Promise<DocumentOutcome<TaskResult<N>>> {
  return withAnalysis(file, run, service, (analysis) => TASKS[task](service, analysis) as TaskResult<N>);
}

/** Reads and analyses one document and makes `use` of its analysis. Never rejects: a failure is the outcome. */
export async function withAnalysis<T>(file: string, run: RunSettings, service: TradecraftService, use: (analysis: Analysis) => T): Promise<DocumentOutcome<T>> {
  const path = displayPath(file, run.cwd);
  const messages: string[] = [];
  try {
    const uri = URI.file(file);
    const read = await nodeHost.readFile(uri, MAX_DOCUMENT_BYTES);
    if (read.kind !== 'text') {
      return outcomeOf<T>(file, run, undefined, [`tradecraft: ${printable(path)}: ${read.kind === 'missing' ? 'the file disappeared before it could be read' : `cannot be read (${printable(read.reason)})`}\n`]);
    }
    if (read.replacedInvalidBytes) messages.push(`tradecraft: ${printable(path)}: not valid UTF-8; the invalid bytes were read as U+FFFD\n`);
    const analysis = await service.analyze({ uri, text: read.text, workspaceFolder: URI.file(run.workspace) });
    return outcomeOf(file, run, use(analysis), messages);
  } catch (error) {
    // A defect that one file sets off costs that file's outcome, not the others'.
    return outcomeOf<T>(file, run, undefined, [...messages, notCheckedMessage(path, error)]);
  }
}

/** The outcome of a document whose check failed outside `processDocument` (its worker died). */
export function notChecked(file: string, run: RunSettings, error: unknown): DocumentOutcome<never> {
  return outcomeOf<never>(file, run, undefined, [notCheckedMessage(displayPath(file, run.cwd), error)]);
}

function outcomeOf<T>(file: string, run: RunSettings, result: T | undefined, messages: readonly string[]): DocumentOutcome<T> {
  return { path: displayPath(file, run.cwd), fileUri: pathToFileURL(file).href, result, messages };
}

function notCheckedMessage(path: string, error: unknown): string {
  return `tradecraft: ${printable(path)}: could not be checked (${printable(firstLine(error))})\n`;
}

export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/\r?\n|\r/)[0]!;
}
