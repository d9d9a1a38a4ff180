import type { URI } from 'vscode-uri';

/** What reading a file gave. Bytes that are not UTF-8 are read as U+FFFD and flagged. */
export type FileRead =
  | { readonly kind: 'text'; readonly text: string; readonly replacedInvalidBytes: boolean }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export type FileKind = 'file' | 'directory' | 'missing';

/**
 * The seam between the pure core and the world: everything the core learns about files comes
 * through here. `node/nodeHost.ts` implements it over the file system; tests use memory.
 */
export interface Host {
  readFile(uri: URI): Promise<FileRead>;
  fileKind(uri: URI): Promise<FileKind>;
  /** The files below `folder` that match an `include` glob and no `exclude` glob. */
  listFiles(folder: URI, include: readonly string[], exclude: readonly string[]): Promise<URI[]>;
}
