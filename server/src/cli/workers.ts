import { Worker } from 'node:worker_threads';
import { notChecked, type DocumentOutcome, type RunSettings, type TaskName, type TaskResult } from './document.js';

/**
 * Files a worker holds at once. This thread hands out more only between its own files, so a
 * worker holds enough to stay busy meanwhile.
 */
const IN_FLIGHT = 4;

/** What a worker is started with. */
export interface WorkerSetup {
  readonly run: RunSettings;
  readonly task: TaskName;
}

/** Main thread → worker: one file to do. */
export interface WorkerJob {
  readonly index: number;
  readonly file: string;
}

/** Worker → main thread: the outcome of one file, or null once the worker is ready for files. */
export type WorkerResult<T> = { readonly index: number; readonly outcome: DocumentOutcome<T> } | null;

/**
 * Shares the files between this thread (`here`) and `count` worker threads, and hands each
 * outcome to `use` in the order of `files`, as soon as the outcomes before it are in. This thread
 * works too, so that a worker's start-up (loading the core takes most of a second) is never
 * waited for. A worker that dies costs the files it held (each reported as not checked); the
 * others, this thread among them, do the rest.
 */
export function inWorkers<N extends TaskName>(
  files: readonly string[],
  run: RunSettings,
  task: N,
  count: number,
  here: (file: string) => Promise<DocumentOutcome<TaskResult<N>>>,
  use: (outcome: DocumentOutcome<TaskResult<N>>) => void,
): Promise<void> {
  type Outcome = DocumentOutcome<TaskResult<N>>;
  const outcomes = new Map<number, Outcome>();
  const workers = new Set<Worker>();
  let next = 0;
  let delivered = 0;
  const done = new Promise<void>((resolve, reject) => {
    const deliver = (index: number, outcome: Outcome) => {
      outcomes.set(index, outcome);
      try {
        for (let ready = outcomes.get(delivered); ready; ready = outcomes.get(delivered)) {
          outcomes.delete(delivered++);
          use(ready);
        }
      } catch (error) {
        reject(error);
      }
      if (delivered === files.length) resolve();
    };
    const start = () => {
      const worker = new Worker(new URL('./documentWorker.js', import.meta.url), { workerData: { run, task } satisfies WorkerSetup });
      workers.add(worker);
      const held = new Set<number>();
      let failure: unknown = new Error('its worker thread stopped');
      const feed = () => {
        for (; held.size < IN_FLIGHT && next < files.length; next++) {
          held.add(next);
          worker.postMessage({ index: next, file: files[next]! } satisfies WorkerJob);
        }
      };
      // Files go to a worker once it is ready, not while it loads: this thread may do them sooner.
      worker.on('message', (result: WorkerResult<TaskResult<N>>) => {
        if (result) held.delete(result.index);
        feed();
        if (result) deliver(result.index, result.outcome);
      });
      worker.on('error', (error) => (failure = error));
      worker.on('exit', () => {
        workers.delete(worker);
        for (const index of held) deliver(index, notChecked(files[index]!, run, failure));
      });
    };
    const work = async () => {
      while (next < files.length) {
        const index = next++;
        deliver(index, await here(files[index]!));
      }
    };
    for (let i = 0; i < count; i++) start();
    work().catch(reject);
  });
  // A worker still loading when the work is done is not waited for.
  return done.finally(() => Promise.all([...workers].map((worker) => worker.terminate())));
}
