import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME } from '../config/projectConfig.js';
import type { FileSelection } from '../config/layers.js';
import type { Console } from './check.js';
import { readCommandLine, UsageError } from './checkOptions.js';
import { FOLDER_SCAN } from './files.js';

export const INIT_HELP = `Usage: tradecraft init

Writes a commented ${CONFIG_FILE_NAME} in the current folder, every key at its default, for
the command line and the editor to share. It never overwrites one that exists.

Exit status: 0 written, 2 when ${CONFIG_FILE_NAME} exists or cannot be written.
`;

/** `tradecraft init`: whether it asked for help. */
export function parseInitOptions(args: readonly string[]): { readonly help: boolean } {
  const { values } = readCommandLine('init', () => parseArgs({ args: [...args], strict: true, options: { help: { type: 'boolean', short: 'h', default: false } } }));
  return { help: values.help };
}

/** Writes `.tradecraft.yaml` in `cwd`, refusing to replace one. */
export function runInit(cwd: string, console: Console): number {
  try {
    writeFileSync(join(cwd, CONFIG_FILE_NAME), initialConfigText(FOLDER_SCAN), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${CONFIG_FILE_NAME} exists already: edit it, or remove it first to start again from the defaults.`);
    throw new UsageError(`cannot write ${CONFIG_FILE_NAME}: ${(error as Error).message}.`);
  }
  console.out(`Wrote ${CONFIG_FILE_NAME}: every key at its default, each explained.\n`);
  return 0;
}

/**
 * The file `init` writes. `severity` stays empty: a code written here at its default would
 * override the editor's own setting for it.
 */
export function initialConfigText(defaults: FileSelection): string {
  const list = (items: readonly string[]) => (items.length === 0 ? ' []' : items.map((item) => `\n  - "${item}"`).join(''));
  return `# Tradecraft's project configuration, read by the command line (tradecraft check and the
# other commands, in this folder and below) and by the editor (when this folder is a workspace
# folder). Command-line flags win over it; it wins over the editor's settings.

# The severity of a diagnostic code: error, warning, information, hint or off.
# "tradecraft check --help" lists the codes with their default severities. For example:
#   severity:
#     unused-source: off
#     unsupported-claim: error
severity: {}

# Bibliography files (.bib, CSL-JSON, CSL-YAML) every document may cite, relative to this file.
bibliography: []

# The files a folder scan checks: globs relative to the folder scanned.
include:${list(defaults.include)}

# Files and folders a folder scan skips, besides ${defaults.exclude.join(', ')}: globs, such as "drafts/**".
exclude: []

# The standard of analytic writing documents are held to: none, icd203 or phia.
# A document's front matter standards: wins.
standards: none
`;
}
