import { readFile, stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { FileKind, FileRead, Host } from '../host.js';

/** The host over the local file system. */
export const nodeHost: Host = {
  async readFile(uri: URI): Promise<FileRead> {
    try {
      return { kind: 'text', ...decodeUtf8(await readFile(uri.fsPath)) };
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
  async listFiles(folder: URI, include: readonly string[], exclude: readonly string[]): Promise<URI[]> {
    const found = await glob([...include], { cwd: folder.fsPath, absolute: true, dot: false, ignore: [...exclude] });
    return found.sort().map((path) => URI.file(path));
  },
};

/** Decodes UTF-8 as editors do: a byte-order mark is skipped, invalid bytes become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { text: string; replacedInvalidBytes: boolean } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), replacedInvalidBytes: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), replacedInvalidBytes: true };
  }
}

export function readFailure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'unreadable', reason: 'it is a folder' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission denied' };
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
}
