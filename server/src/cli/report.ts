import type { Diagnostic } from '../types.js';

/** The diagnostics of one checked file, with its path as shown to the user. */
export interface FileReport {
  /** Relative to the current directory when inside it, else absolute. */
  readonly path: string;
  readonly fileUri: string;
  readonly diagnostics: readonly Diagnostic[];
}
