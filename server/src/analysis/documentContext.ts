import type { URI } from 'vscode-uri';
import type { FileKind } from '../host.js';
import type { BibliographyItem } from '../sources/bibliographyFile.js';
import type { BibliographyReference } from '../sources/frontMatter.js';

/** A bibliography file as loaded for one document. */
export interface LoadedBibliography {
  /** How the file is named to the user: the path as written, or as the setting gives it. */
  readonly name: string;
  readonly uri: URI;
  /** Where the document names it; undefined for a file named in the settings. */
  readonly reference: BibliographyReference | undefined;
  /** Named by the document but really outside the workspace: never read, nor offered as a link. */
  readonly outsideWorkspace: boolean;
  readonly items: readonly BibliographyItem[];
  /** Why it could not be loaded (in full or in part), with a zero-based line and column of the file. */
  readonly problem: { readonly reason: string; readonly line: number | undefined; readonly column?: number } | undefined;
}

/** What the host learned from the files a document names: the input of the pure analysis. */
export interface DocumentContext {
  readonly uri: URI;
  readonly workspaceFolder: URI;
  readonly bibliographies: readonly LoadedBibliography[];
  /**
   * The kind of each workspace file that a relative link names, by `uri.toString()`. A file whose
   * real path lies outside the workspace (through a symbolic link) is left out: its link is `other`.
   */
  readonly fileKinds: ReadonlyMap<string, FileKind>;
}
