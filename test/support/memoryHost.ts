import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { FileKind, FileRead, Host } from '../../server/src/host.js';

/** A host whose files live in memory, keyed by absolute path (`/ws/refs.bib`). */
export class MemoryHost implements Host {
  readonly reads: string[] = [];

  constructor(private readonly files: Record<string, string> = {}) {}

  async readFile(uri: URI): Promise<FileRead> {
    this.reads.push(uri.path);
    const text = this.files[uri.path];
    return text === undefined ? { kind: 'missing' } : { kind: 'text', text, replacedInvalidBytes: false };
  }

  async fileKind(uri: URI): Promise<FileKind> {
    if (this.files[uri.path] !== undefined) return 'file';
    const folder = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return Object.keys(this.files).some((path) => path.startsWith(folder)) ? 'directory' : 'missing';
  }

  /** Memory holds no symbolic links: every path is real. */
  async realPath(uri: URI): Promise<URI> {
    return uri;
  }

  async listFiles(folder: URI, include: readonly string[], exclude: readonly string[]): Promise<URI[]> {
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    const included = picomatch([...include]);
    const excluded = picomatch([...exclude]);
    return Object.keys(this.files)
      .filter((path) => path.startsWith(base) && included(path.slice(base.length)) && !excluded(path.slice(base.length)))
      .sort()
      .map((path) => URI.file(path));
  }
}

export const WORKSPACE = URI.file('/ws');
