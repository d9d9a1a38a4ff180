/**
 * `tradecraft check` of a folder in this process, so that its CPU time counts its worker
 * threads too: `node checkWorkspace.js FOLDER` prints `{ "wallMs": …, "cpuMs": … }`.
 */
import type { Console } from '../server/src/cli/check.js';
import { main } from '../server/src/cli/main.js';

const [folder] = process.argv.slice(2) as [string];
const reportDiscarded: Console = { out: () => undefined, err: (text) => process.stderr.write(text), interactive: false };
const cpuBefore = process.cpuUsage();
const start = performance.now();
await main(['check', '--format', 'json', '.'], folder, reportDiscarded);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
