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
 * Asks for the evidence matrix of an open document, from the server's newest analysis of it;
 * answered with an `EvidenceMatrix`, or null for a document the settings leave unchecked.
 */
export const EVIDENCE_MATRIX_REQUEST = 'tradecraft/evidenceMatrix';

export interface EvidenceMatrixParams {
  readonly textDocument: { readonly uri: string };
}

/** A place in the document as LSP gives it: 0-based lines, UTF-16 characters. */
export interface DocumentRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** A marker as the matrix names it. */
export interface MatrixMarker {
  readonly kind: string;
  /** Null for a marker without an id. */
  readonly id: string | null;
  /** Its content as plain text, white space collapsed. */
  readonly text: string;
  /** 1-based, of its opening. */
  readonly line: number;
}

export type MatrixRating = 'consistent' | 'inconsistent' | 'none';

export interface MatrixHypothesis extends MatrixMarker {
  /** `open`, `favored`, `rejected` or `none`. */
  readonly status: string;
  /** The number of rows inconsistent with it. */
  readonly score: number;
  readonly consistent: number;
  /** Some row weighs it (a hypothesis nothing weighs is not ranked). */
  readonly weighed: boolean;
  readonly leastRefuted: boolean;
}

export interface MatrixEvidenceRow extends MatrixMarker {
  /** Its own content or attributes cite a working source. */
  readonly sourced: boolean;
  /** One rating a hypothesis, in the order of the hypotheses. */
  readonly ratings: readonly MatrixRating[];
  readonly inconsistent: number;
  /** It rates every hypothesis alike (with at least two). */
  readonly nonDiscriminating: boolean;
  /** Removed alone, it would change which hypotheses are least refuted. */
  readonly sensitive: boolean;
}

/**
 * One document's evidence matrix: the fields of a document in `tradecraft matrix --format json
 * --order document` (rows in document order), with what an editor needs besides.
 */
export interface EvidenceMatrix {
  /** The document's path in its workspace folder (its file name outside one). */
  readonly path: string;
  readonly hypotheses: readonly MatrixHypothesis[];
  readonly rows: readonly MatrixEvidenceRow[];
  readonly notObserved: readonly MatrixMarker[];
  readonly favoredNotLeastRefuted: readonly MatrixMarker[];
  readonly rejectedLeastRefuted: readonly MatrixMarker[];
  /** How the scores are computed, a sentence each. */
  readonly scoring: readonly string[];
  /** False for a document that does not use the language (its matrix is empty). */
  readonly usesLanguage: boolean;
  /** The indexes of `rows` sorted by diagnosticity, as `--order diagnosticity` sorts them. */
  readonly diagnosticOrder: readonly number[];
  /** Where each hypothesis's opening is written, in the order of `hypotheses`. */
  readonly hypothesisRanges: readonly DocumentRange[];
  /** Where each row's opening is written, in the order of `rows`. */
  readonly rowRanges: readonly DocumentRange[];
  /** The working sources each row cites itself (`@key: title`, or a link's URL), in the order of `rows`. */
  readonly rowSources: readonly (readonly string[])[];
  /** What the scores and the statuses disagree on, and the indicators not scored until observed: a sentence each, as every format says them. */
  readonly notes: readonly string[];
  /** The matrix as `tradecraft matrix --format markdown` writes it (rows by diagnosticity). */
  readonly markdown: string;
  /** The argument map as `tradecraft map --format mermaid` writes it. */
  readonly mermaid: string;
}
