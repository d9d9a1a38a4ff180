import { parentPort, workerData } from 'node:worker_threads';
import { nodeHost } from '../node/nodeHost.js';
import { createService } from '../service.js';
import { coreSettings, processDocument } from './document.js';
import type { WorkerJob, WorkerResult, WorkerSetup } from './workers.js';

/** A worker thread of `forEachDocument`: checks the files it is sent with one service of its own. */
const { run, task } = workerData as WorkerSetup;
const service = createService({ host: nodeHost, settings: coreSettings(run) });
const port = parentPort!;

port.on('message', ({ index, file }: WorkerJob) => {
  void processDocument(file, run, service, task).then((outcome) => port.postMessage({ index, outcome } satisfies WorkerResult<unknown>));
});
port.postMessage(null satisfies WorkerResult<unknown>);
