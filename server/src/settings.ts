import type { URI } from 'vscode-uri';
import type { Code, SeveritySetting } from './types.js';

/** What the user configures: `tradecraft.*` in the editor, flags on the command line. */
export interface Settings {
  /** Severity overrides by code (`tradecraft.severity.<code>`, `--severity code=level`). */
  readonly severity: Readonly<Partial<Record<Code, SeveritySetting>>>;
  /** Bibliography files the user names (`tradecraft.bibliography`, `--bibliography`), read wherever they are. */
  readonly bibliography: readonly URI[];
  /**
   * Bibliography files from an untrusted workspace's own settings: they count as named by the
   * document, so they are read only inside the workspace.
   */
  readonly workspaceBibliography: readonly URI[];
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, bibliography: [], workspaceBibliography: [] };
