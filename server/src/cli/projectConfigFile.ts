import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, readProjectConfig, type ProjectConfig } from '../config/projectConfig.js';
import type { Console } from './check.js';
import { UsageError, type RunFlags } from './checkOptions.js';
import { displayPath } from './document.js';
import { printable } from './formats/text.js';

/** The project configuration a run reads. */
export interface ProjectFile {
  /** Its absolute path. */
  readonly path: string;
  readonly config: ProjectConfig;
  /** Whether it was found above the current folder rather than named with `--config`. */
  readonly found: boolean;
}

/**
 * The `.tradecraft.yaml` of the run: `--config FILE`, else the nearest in the current folder or
 * above, none with `--no-config`. Its problems are told on stderr as `file:line:col: message`;
 * what they are about keeps its default. A `--config` file that cannot be read is a usage error.
 */
export function loadProjectConfig(flags: RunFlags, cwd: string, console: Console): ProjectFile | undefined {
  if (flags.noConfig) return undefined;
  const path = flags.config === undefined ? nearestConfigFile(cwd) : resolve(cwd, flags.config);
  if (path === undefined) return undefined;
  const text = readConfigText(path, flags.config);
  const { config, problems } = readProjectConfig(text);
  const shown = printable(displayPath(path, cwd));
  for (const { range, message } of problems) console.err(`${shown}:${range.start.line + 1}:${range.start.character + 1}: ${message}\n`);
  return { path, config, found: flags.config === undefined };
}

function readConfigText(path: string, named: string | undefined): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new UsageError(`${named === undefined ? path : `--config ${named}`}: cannot read it: ${reason}. Name a ${CONFIG_FILE_NAME} that exists, or give --no-config.`);
  }
}

function nearestConfigFile(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
