import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ANALYSIS_SKELETON } from './analysisSkeleton.js';
import type { Console } from './check.js';
import { readCommandLine, UsageError } from './checkOptions.js';

export const NEW_HELP = `Usage: tradecraft new FILE

Writes a new analysis to FILE (Markdown, or Quarto or R Markdown if you name it .qmd or .Rmd): a
question, a bottom-line claim drawn from two hypotheses, evidence for and against them with
their sources in the front matter, and an indicator to watch for each hypothesis. "tradecraft
check" reports nothing on it: change it piece by piece and see what each judgment lacks.

Refuses to overwrite a file that exists, and creates no folder: FILE's folder must exist.

Options:
  -h, --help   show this help

Exit status: 0 when the file was written, 2 when it exists, cannot be written or the command
line is wrong.
`;

export interface NewOptions {
  readonly file: string;
  readonly help: boolean;
}

export function parseNewOptions(args: readonly string[]): NewOptions {
  const { values, positionals } = readCommandLine('new', () =>
    parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true }),
  );
  if (values.help) return { file: '', help: true };
  if (positionals.length !== 1) throw new UsageError('new takes one FILE to write. Run "tradecraft new --help" for the options.');
  return { file: positionals[0]!, help: false };
}

/** `tradecraft new FILE`: the skeleton written to a file that does not exist yet, in a folder that does. */
export async function runNew(options: NewOptions, cwd: string, console: Console): Promise<number> {
  try {
    // `wx` fails when the file exists, with no window between a check and the write.
    await writeFile(resolve(cwd, options.file), ANALYSIS_SKELETON, { flag: 'wx' });
  } catch (error) {
    console.err(`tradecraft: ${options.file}: ${whyNotWritten(error)}\n`);
    return 2;
  }
  console.out(`Wrote a new analysis to ${options.file}: run "tradecraft check ${options.file}" as you change it.\n`);
  return 0;
}

function whyNotWritten(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EEXIST':
      return 'exists already; name a new file (tradecraft new never overwrites one).';
    case 'ENOENT':
      return 'its folder does not exist; create the folder first (tradecraft new creates none).';
    case 'EISDIR':
      return 'is a folder; name the file to write.';
    default:
      return `cannot be written (${(error as Error).message}).`;
  }
}
