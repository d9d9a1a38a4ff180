import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';

export interface FileList {
  /** Absolute paths of the documents to check, in a stable order, each once. */
  readonly files: readonly string[];
  /** Paths given that name nothing. */
  readonly missing: readonly string[];
}

/** Expands the paths of the command line: a file stands for itself, a folder for every `*.md` below it. */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<FileList> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = await stat(absolute).then((info) => (info.isDirectory() ? 'folder' : 'file'), () => undefined);
    if (kind === 'file') files.add(absolute);
    else if (kind === 'folder') for (const file of await markdownFilesIn(absolute)) files.add(file);
    else missing.push(path);
  }
  return { files: [...files], missing };
}

async function markdownFilesIn(folder: string): Promise<string[]> {
  const found = await glob('**/*.md', { cwd: folder, absolute: true, dot: false, ignore: ['**/node_modules/**'] });
  return found.sort();
}
