import { nodeHost } from '../node/nodeHost.js';
import { createService, type ServiceOptions, type TradecraftService } from '../service.js';
import { coreSettings, processDocument, type DocumentOutcome, type RunSettings, type TaskName, type TaskResult } from './document.js';

/**
 * The command line's document loop: reads each file, analyses it, runs the task on it, and hands
 * each outcome to `use` in the order of `files`. `makeService` stands in for the core's service.
 */
export async function forEachDocument<N extends TaskName>(
  files: readonly string[],
  run: RunSettings,
  task: N,
  use: (outcome: DocumentOutcome<TaskResult<N>>) => void,
  makeService?: (options: ServiceOptions) => TradecraftService,
): Promise<void> {
  const service = (makeService ?? createService)({ host: nodeHost, settings: coreSettings(run) });
  for (const file of files) use(await processDocument(file, run, service, task));
}
