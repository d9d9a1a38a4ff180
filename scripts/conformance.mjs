// Runs the shared conformance cases against the built CLI: node scripts/conformance.mjs [FOLDER]
// (default ../shared/conformance, beside this checkout). A missing folder is said in one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = resolve(process.argv[2] ?? resolve(root, '../shared/conformance'));
const runner = resolve(root, '../shared/conformance/run.mjs');
if (!existsSync(runner) || !existsSync(folder)) {
  console.error(`conformance: ${existsSync(runner) ? folder : runner} does not exist. The cases live in shared/conformance beside this checkout: clone the project next to shared/, or give the folder of cases (npm run conformance -- FOLDER).`);
  process.exit(2);
}
process.exit(spawnSync(process.execPath, [runner, folder], { stdio: 'inherit' }).status ?? 2);
