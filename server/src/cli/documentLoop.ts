import { availableParallelism } from 'node:os';
import { nodeHost } from '../node/nodeHost.js';
import { createService, type ServiceOptions, type TradecraftService } from '../service.js';
import { coreSettings, processDocument, type DocumentOutcome, type RunSettings, type TaskName, type TaskResult } from './document.js';
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

