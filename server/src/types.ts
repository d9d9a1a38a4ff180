/**
 * Plain data shared by the core, the CLI and the language server.
 * Nothing here knows about LSP or VS Code; `lsp/convert.ts` maps these to protocol types.
 */

/** A zero-based position, with `character` counted in UTF-16 code units, as LSP counts. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A stretch of the document text, as UTF-16 offsets (`end` exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/**
 * Every diagnostic code: those of the annotation language, in the order of its table, then
 * Tradecraft's own (`skipped-content`), which the spec does not name.
 */
export const CODES = [
  'unsupported-claim',
  'unsourced-evidence',
  'unknown-source',
  'unknown-reference',
  'duplicate-id',
  'placeholder-link',
  'untested-hypothesis',
  'unknown-marker',
  'empty-marker',
  'circular-support',
  'unused-source',
  'bad-attribute',
  'bad-front-matter',
  'bad-bibliography',
  'broken-link',
  'unsupported-assumption',
  'unused-assumption',
  'non-diagnostic-indicator',
  'retracted-source',
  'empty-source',
  'bad-source-grade',
  'single-source-judgment',
  'hypothesis-without-indicators',
  'off-scale-likelihood',
  'mixed-estimative-scale',
  'confidence-with-likelihood',
  'skipped-content',
] as const;
export type Code = (typeof CODES)[number];

export function isCode(value: string): value is Code {
  return (CODES as readonly string[]).includes(value);
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
}

/** A place in some file, for features that point elsewhere (definition, references). */
export interface Location {
  readonly uri: string;
  readonly range: Range;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  /** The same edit as a snippet (`$1` marks where the cursor goes), for clients that take one. */
  readonly snippet?: string;
}

/** Edits by file URI. */
export type WorkspaceEdit = ReadonlyMap<string, readonly TextEdit[]>;
