import type { URI } from 'vscode-uri';

/** What reading a file gave. Bytes that are not UTF-8 are read as U+FFFD and flagged. */
export type FileRead =
  | { readonly kind: 'text'; readonly text: string; readonly replacedInvalidBytes: boolean }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export type FileKind = 'file' | 'directory' | 'missing';

const MiB = 1024 * 1024;
/**
 * The largest files read. A Zotero library of tens of thousands of entries exported as CSL-JSON
 * stays well under 64 MiB; a Markdown document of 16 MiB is already several books long, and its
 * analysis takes minutes and over a gigabyte. Past these, a file is refused, not read into memory.
 */
export const MAX_BIBLIOGRAPHY_BYTES = 64 * MiB;
export const MAX_DOCUMENT_BYTES = 16 * MiB;

/** "64 MiB": a limit as the messages name it. */
export function formatLimit(bytes: number): string {
  return `${bytes / MiB} MiB`;
}

/**
 * The seam between the pure core and the world: everything the core learns about files comes
 * through here. `node/nodeHost.ts` implements it over the file system; tests use memory.
 */
export interface Host {
  /**
   * Reads a regular file of at most `maxBytes` bytes. Anything else (a folder, a FIFO, a device,
   * a socket, a larger file) is `unreadable` at once, without waiting on it or filling memory.
   */
  readFile(uri: URI, maxBytes: number): Promise<FileRead>;
  fileKind(uri: URI): Promise<FileKind>;
  /**
   * Where `uri` really is: every symbolic link on its path resolved. For a path to nothing, the
   * real path of the nearest folder that exists followed by the rest, so that a link leaving the
   * workspace is seen to leave it even when its target is missing.
   */
  realPath(uri: URI): Promise<URI>;
  /**
   * The regular files below `folder` that match an `include` glob and no `exclude` glob. A
   * symbolic link to a folder is never followed, one to a file only when the file really lies
   * inside `folder`; each real file is listed once.
   */
  listFiles(folder: URI, include: readonly string[], exclude: readonly string[]): Promise<URI[]>;
}
