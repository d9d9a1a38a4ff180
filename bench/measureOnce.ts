/**
 * One measurement in a process of its own, so that the benchmark can give up on an input that
 * takes too long: `node measureOnce.js TASK FILE` reads FILE, warms TASK up on its first
 * kilobytes, then prints the milliseconds TASK takes on the whole text.
 */
import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../server/src/parse/parseMarkdown.js';
import { markdownlint, MarkdownLanguageServicePeer } from './peers.js';

const TASKS = {
  parse: async (text: string) => void parseMarkdown(text),
  'vscode-markdown': async (text: string) => void (await new MarkdownLanguageServicePeer().diagnose(text)),
  markdownlint: async (text: string) => void (await markdownlint(text)),
} as const;
export type Task = keyof typeof TASKS;

const [task, file] = process.argv.slice(2) as [Task, string];
const text = readFileSync(file, 'utf8');
await TASKS[task](text.slice(0, 2_000));
const start = performance.now();
await TASKS[task](text);
process.stdout.write(`${performance.now() - start}\n`);
