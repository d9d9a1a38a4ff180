import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { URI } from 'vscode-uri';
import type { Host } from '../host.js';

/** A host where the editor's buffers win over the disk: an open file is read as it is being edited. */
export function overlayHost(base: Host, documents: TextDocuments<TextDocument>): Host {
  return {
    async readFile(uri: URI, maxBytes: number) {
      const open = documents.get(uri.toString());
      return open ? { kind: 'text', text: open.getText(), replacedInvalidBytes: false } : base.readFile(uri, maxBytes);
    },
    async fileKind(uri: URI) {
      return documents.get(uri.toString()) ? 'file' : base.fileKind(uri);
    },
    realPath: (uri) => base.realPath(uri),
    listFiles: (folder, include, exclude) => base.listFiles(folder, include, exclude),
  };
}
