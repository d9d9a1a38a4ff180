import type { URI } from 'vscode-uri';
import type { Code, SeveritySetting } from './types.js';

/** What the user configures: `tradecraft.*` in the editor, flags on the command line. */
export interface Settings {
  /** Severity overrides by code (`tradecraft.severity.<code>`, `--severity code=level`). */
  readonly severity: Readonly<Partial<Record<Code, SeveritySetting>>>;
  /** Bibliography files the user names (`tradecraft.bibliography`, `--bibliography`), read wherever they are. */
  readonly bibliography: readonly URI[];
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, bibliography: [] };
