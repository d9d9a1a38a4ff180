import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileSelection } from '../config/layers.js';
import { listFolder } from '../node/fileSystem.js';
import { DEFAULT_INCLUDE } from '../settings.js';

/** What a folder scan takes unless the project's `.tradecraft.yaml` says otherwise. */
export const FOLDER_SCAN: FileSelection = { include: DEFAULT_INCLUDE, exclude: ['**/node_modules/**'] };

export interface FileList {
  /** Absolute paths of the documents to check, in a stable order, each once. */
  readonly files: readonly string[];
  /** Paths given that name nothing. */
  readonly missing: readonly string[];
  /** Entries a folder scan found that are not regular files (a FIFO named `x.md`), with why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Expands the paths of the command line: a file stands for itself, a folder for every document
 * below it that `selection` takes (globs relative to that folder) and no `.gitignore` ignores. A
 * path named is checked wherever it leads; a scan follows no link out of its folder.
 */
export async function expandPaths(paths: readonly string[], cwd: string, selection: FileSelection = FOLDER_SCAN): Promise<FileList> {
  const files = new Set<string>();
  const missing: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = await stat(absolute).then((info) => (info.isDirectory() ? 'folder' : 'file'), () => undefined);
    if (kind === 'file') files.add(absolute);
    else if (kind === 'folder') {
      const listing = await listFolder(absolute, selection.include, selection.exclude);
      for (const file of listing.files) files.add(file);
      skipped.push(...listing.skipped);
    } else missing.push(path);
  }
  return { files: [...files], missing, skipped };
}
