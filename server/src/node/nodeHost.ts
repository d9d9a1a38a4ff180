import { stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { FileKind, FileRead, Host } from '../host.js';
import { listFolder, readRegularFile, realPathOf } from './fileSystem.js';

/** The host over the local file system. */
export const nodeHost: Host = {
  async readFile(uri: URI, maxBytes: number): Promise<FileRead> {
    try {
      return await readRegularFile(uri.fsPath, maxBytes);
    } catch (error) {
      return readFailure(error);
    }
  },
  async fileKind(uri: URI): Promise<FileKind> {
    try {
      const info = await stat(uri.fsPath);
      return info.isDirectory() ? 'directory' : 'file';
    } catch {
      return 'missing';
    }
  },
  async realPath(uri: URI): Promise<URI> {
    return uri.scheme === 'file' ? URI.file(await realPathOf(uri.fsPath)) : uri;
  },
  async listFiles(folder: URI, include: readonly string[], exclude: readonly string[]): Promise<URI[]> {
    const { files } = await listFolder(folder.fsPath, include, exclude);
    return files.map((path) => URI.file(path));
  },
};

function readFailure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission denied' };
  if (code === 'ELOOP') return { kind: 'unreadable', reason: 'its symbolic links go round in a loop' };
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
}
