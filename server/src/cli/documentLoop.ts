import { availableParallelism, homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { layerFileSelection, layerSettings, projectLayer } from '../config/layers.js';
import { resolveUserPath } from '../config/paths.js';
import { nodeHost } from '../node/nodeHost.js';
import { createService, type ServiceOptions, type TradecraftService } from '../service.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { Console } from './check.js';
import type { RunFlags } from './checkOptions.js';
import { coreSettings, displayPath, processDocument, type DocumentOutcome, type RunSettings, type TaskName, type TaskResult } from './document.js';
import { expandPaths, FOLDER_SCAN } from './files.js';
import { printable } from './formats/text.js';
import { loadProjectConfig } from './projectConfigFile.js';
import { inWorkers } from './workers.js';

/**
 * A thread for every this many files, so that a run of fewer than twice as many stays in this
 * thread: starting a worker would cost more than it saves.
 */
const FILES_PER_THREAD = 10;
/** Each thread loads the core again (tens of MB, most of a second): many cores get no more than this. */
const MAX_THREADS = 8;

/**
 * The command line's document loop: reads each file, analyses it, runs the task on it, and hands
 * each outcome to `use` in the order of `files`. Many files are shared with worker threads, one
 * per other core up to a limit; a caller's own service factory keeps the run in this thread (a
 * worker makes the core's).
 */
export async function forEachDocument<N extends TaskName>(
  files: readonly string[],
  run: RunSettings,
  task: N,
  use: (outcome: DocumentOutcome<TaskResult<N>>) => void,
  makeService?: (options: ServiceOptions) => TradecraftService,
): Promise<void> {
  const service = (makeService ?? createService)({ host: nodeHost, settings: coreSettings(run) });
  const here = (file: string) => processDocument(file, run, service, task);
  const threads = makeService ? 1 : Math.min(availableParallelism(), MAX_THREADS, Math.floor(files.length / FILES_PER_THREAD));
  const workers = threads - 1;
  if (workers > 0) return inWorkers(files, run, task, workers, here, use);
  for (const file of files) use(await here(file));
}


/** What a command's options say of the run and of the files it reads. */
export interface RunOptions extends RunFlags, Pick<RunSettings, 'severity'> {
  readonly paths: readonly string[];
}

/**
 * A command's run settings and files: the project file's settings under the flags, its paths
 * expanded (each one missing or skipped told on stderr), its workspace and bibliography files
 * resolved against `cwd`. The workspace is `--workspace`, else the folder of the
 * `.tradecraft.yaml` found above the current folder (the project's root), else the current folder.
 */
export async function prepareRun(options: RunOptions, cwd: string, console: Console): Promise<{ run: RunSettings; files: readonly string[]; missing: readonly string[] }> {
  const project = loadProjectConfig(options, cwd, console);
  const fromProject = project ? layerSettings(DEFAULT_SETTINGS, projectLayer(project.config, URI.file(project.path), false)) : DEFAULT_SETTINGS;
  const settings = layerSettings(fromProject, {
    severity: options.severity,
    bibliography: options.bibliography.map((file) => resolveUserPath(file, URI.file(cwd), homedir())),
    standards: options.standards,
  });
  const run: RunSettings = {
    cwd,
    workspace: resolve(cwd, options.workspace ?? (project?.found ? dirname(project.path) : '.')),
    severity: settings.severity,
    bibliography: settings.bibliography.map((file) => file.fsPath),
    workspaceBibliography: settings.workspaceBibliography.map((file) => file.fsPath),
    standards: settings.standards,
  };
  const selection = project ? layerFileSelection(FOLDER_SCAN, project.config) : FOLDER_SCAN;
  const { files, missing, skipped } = await expandPaths(options.paths, cwd, selection);
  for (const path of missing) console.err(`tradecraft: ${printable(path)}: no such file or folder\n`);
  for (const { path, reason } of skipped) console.err(`tradecraft: ${printable(displayPath(path, cwd))}: skipped: ${reason}\n`);
  return { run, files, missing };
}
