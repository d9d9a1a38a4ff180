import type { URI } from 'vscode-uri';
import type { StandardChoice } from './language/standards.js';

/** What `tradecraft.standards` and `--standards` may say: the values of front matter `standards:`. */
export { isStandardChoice, STANDARD_CHOICES, type StandardChoice } from './language/standards.js';
import type { Code, SeveritySetting } from './types.js';

/**
 * What the user configures: `tradecraft.*` in the editor, flags on the command line, and the
 * project's `.tradecraft.yaml` for both (laid in `config/layers.ts`).
 */
export interface Settings {
  /** Severity overrides by code (`tradecraft.severity.<code>`, `--severity code=level`). */
  readonly severity: Readonly<Partial<Record<Code, SeveritySetting>>>;
  /** Bibliography files the user names (`tradecraft.bibliography`, `--bibliography`), read wherever they are. */
  readonly bibliography: readonly URI[];
  /**
   * Bibliography files from an untrusted workspace's own settings, and those of `.tradecraft.yaml`
   * on the command line and in an untrusted workspace: they count as named by the document, so
   * they are read only inside the workspace.
   */
  readonly workspaceBibliography: readonly URI[];
  /**
   * The standard of analytic writing documents are held to (`tradecraft.standards`,
   * `--standards`), unless a document's front matter `standards:` says otherwise.
   */
  readonly standards: StandardChoice;
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, bibliography: [], workspaceBibliography: [], standards: 'none' };

/**
 * The documents a folder scan takes unless `include` says otherwise (`tradecraft.include`):
 * Markdown, Quarto and R Markdown, each extension as its tool writes it.
 */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.md', '**/*.markdown', '**/*.qmd', '**/*.Rmd'];
