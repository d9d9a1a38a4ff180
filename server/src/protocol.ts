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

/**
 * Asks for the open problems of every analysis of the workspace (no params): answered with an
 * `OpenProblems`. The server answers at once with what it knows, and begins to check the files
 * it has not read yet in the background; `OPEN_PROBLEMS_CHANGED_NOTIFICATION` says when to ask again.
 */
export const OPEN_PROBLEMS_REQUEST = 'tradecraft/openProblems';

/** Sent (no params) by the server when the answer to `OPEN_PROBLEMS_REQUEST` may have changed. */
export const OPEN_PROBLEMS_CHANGED_NOTIFICATION = 'tradecraft/openProblemsChanged';

/** The diagnostic codes whose markers the workspace view lists. */
export type OpenProblemKind = 'unsupported-claim' | 'untested-hypothesis';

/** One marker that a diagnostic of its kind flags, as the diagnostics of its file say. */
export interface OpenProblem {
  readonly kind: OpenProblemKind;
  /** Null for a marker without an id. */
  readonly id: string | null;
  /** The marker's text, white space collapsed, shortened to a label's length. */
  readonly text: string;
  /** The diagnostic's range: the marker's opening (zero-based, UTF-16, as LSP counts). */
  readonly range: DocumentRange;
}

export interface OpenProblemsOfFile {
  readonly uri: string;
  /** In document order; never empty. */
  readonly problems: readonly OpenProblem[];
}

export interface OpenProblems {
  /** The files with problems, by uri. */
  readonly files: readonly OpenProblemsOfFile[];
  /** While files are still being checked: how many of all the workspace's are done. */
  readonly checking?: { readonly done: number; readonly total: number };
}

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
