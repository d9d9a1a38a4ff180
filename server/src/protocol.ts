/**
 * What Tradecraft's server and its VS Code client say to each other beyond LSP: the names and the
 * shapes of the messages, as plain types that both sides import (neither `vscode` nor
 * `vscode-languageserver` here), so that the two cannot drift apart.
 */

/** Asks for the summary of an open document; answered with a `DocumentSummary`, or null for a document the settings leave unchecked. */
export const DOCUMENT_SUMMARY_REQUEST = 'tradecraft/documentSummary';

export interface DocumentSummaryParams {
  readonly textDocument: { readonly uri: string };
}

/**
 * How many markers of each kind the document holds, and how many of them need work, as its
 * analysis finds them (severities and silencing comments change nothing here). Empty markers are
 * counted, and never as needing work (they get only `empty-marker`). All zero for a document
 * that does not use the language.
 */
export interface DocumentSummary {
  /** `unsupported`: grounded by no working source, directly or through what supports them. */
  readonly claims: { readonly count: number; readonly unsupported: number };
  /** `unsourced`: citing no working source. */
  readonly evidence: { readonly count: number; readonly unsourced: number };
  /** `untested`: no marker is for or against them. */
  readonly hypotheses: { readonly count: number; readonly untested: number };
  /** `unsupported`: marked `status=unsupported`. */
  readonly assumptions: { readonly count: number; readonly unsupported: number };
  /** `observed`: marked `status=observed`. */
  readonly indicators: { readonly count: number; readonly observed: number };
}

/**
 * The command of a support lens (`textDocument/codeLens`): lists the markers that weigh a claim or
 * hypothesis, as VS Code's references view lists them. Its arguments, in order: the document's
 * uri, the lens's position, and the markers' locations (LSP's `Location`s).
 */
export const SHOW_MARKERS_COMMAND = 'tradecraft.showMarkers';

/**
 * Asks where the sources an open document cites can be read: answered with `SourceLinks`, or
 * null for a document the settings leave unchecked. The preview links each citation's key with it.
 */
export const SOURCE_LINKS_REQUEST = 'tradecraft/sourceLinks';

export type SourceLinksParams = DocumentSummaryParams;

/** By key, for each source the document cites that has one: its URL, or else its DOI as a `https://doi.org/` link. */
export type SourceLinks = Readonly<Record<string, string>>;

/**
 * Asks for an open document as `tradecraft export` writes it: answered with an `ExportResult`, or
 * null for a document the settings leave unchecked. The client writes the files.
 */
export const EXPORT_REQUEST = 'tradecraft/export';

export const EXPORT_TARGETS = ['pandoc', 'markdown', 'html'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ExportParams {
  readonly textDocument: { readonly uri: string };
  readonly to: ExportTarget;
  /** For `pandoc`: the CSL-JSON file the front matter's sources go to, as an absolute path; without one they go into its `references:`. */
  readonly referencesFile?: string;
}

export interface ExportResult {
  readonly text: string;
  /** For `pandoc` with a `referencesFile`: the CSL items to write to it (none: write no file). */
  readonly references: readonly Readonly<Record<string, unknown>>[];
}
