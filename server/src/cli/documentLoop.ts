import { availableParallelism } from 'node:os';
import { nodeHost } from '../node/nodeHost.js';
import { createService, type ServiceOptions, type TradecraftService } from '../service.js';
import { coreSettings, processDocument, type DocumentOutcome, type RunSettings, type TaskName, type TaskResult } from './document.js';
import { inWorkers } from './workers.js';

/** Below this many files a run stays in this thread: starting workers would cost more than it saves. */
const FILES_FOR_WORKERS = 20;

/**
 * The command line's document loop: reads each file, analyses it, runs the task on it, and hands
 * each outcome to `use` in the order of `files`. Many files are shared with worker threads, one
 * per other core; a caller's own service factory keeps the run in this thread (a worker makes the
 * core's).
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
  const workers = files.length >= FILES_FOR_WORKERS && !makeService ? availableParallelism() - 1 : 0;
  if (workers > 0) return inWorkers(files, run, task, workers, here, use);
  for (const file of files) use(await here(file));
}

