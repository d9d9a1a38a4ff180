import type { URI } from 'vscode-uri';
import type { DocumentStore } from '../documentStore.js';
import type { Host } from '../host.js';

/** A host where the editor's buffers win over the disk: an open file is read as it is being edited. */
export function overlayHost(base: Host, documents: Pick<DocumentStore, 'textOf'>): Host {
  return {
    async readFile(uri: URI, maxBytes: number) {
      const open = documents.textOf(uri.toString());
      return open !== undefined ? { kind: 'text', text: open, replacedInvalidBytes: false } : base.readFile(uri, maxBytes);
    },
    async fileKind(uri: URI) {
      return documents.textOf(uri.toString()) !== undefined ? 'file' : base.fileKind(uri);
    },
    realPath: (uri) => base.realPath(uri),
    listFiles: (folder, include, exclude) => base.listFiles(folder, include, exclude),
  };
}
