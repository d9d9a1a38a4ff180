import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf } from '../sources/bibliographyFile.js';

/** What the server reads of the documents the client has open. */
export type OpenDocuments = Pick<TextDocuments<TextDocument>, 'get' | 'all'>;

/**
 * The documents the client has open. LSP says versions increase; a change that breaks this is
 * still applied (its text is what the user sees) and is checked like any other, with a warning:
 * the server tells versions apart by their text, never by their number.
 */
export function createOpenDocuments(warn: (message: string) => void): TextDocuments<TextDocument> {
  return new TextDocuments({
    create: TextDocument.create,
    update(document, changes, version) {
      if (version <= document.version) warn(`${document.uri}: the change of version ${version} is not newer than ${document.version}; it is applied and checked all the same`);
      return TextDocument.update(document, changes, version);
    },
  });
}

/** A bibliography file open in the editor: read through the overlay host, never checked as Markdown. */
export function isBibliographyBuffer(uri: string): boolean {
  return formatOf(uri) !== undefined;
}

/** The open documents Tradecraft checks: all but bibliography buffers. */
export function markdownDocuments(documents: OpenDocuments): OpenDocuments {
  return {
    get: (uri) => (isBibliographyBuffer(uri) ? undefined : documents.get(uri)),
    all: () => documents.all().filter((document) => !isBibliographyBuffer(document.uri)),
  };
}
