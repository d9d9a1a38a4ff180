import { Utils, type URI } from 'vscode-uri';
import type { StandardChoice } from '../language/standards.js';
import type { Settings } from '../settings.js';
import type { Code, SeveritySetting } from '../types.js';
import { resolveUserPath } from './paths.js';
import type { ProjectConfig } from './projectConfig.js';

/**
 * What one source of settings says (the project file, the command line's flags), to be laid over
 * what those below it say. Highest first: flags, the document's front matter (`standards:`, read
 * by `analyze`), the project file, the editor's settings, the defaults.
 */
export interface SettingsLayer {
  readonly severity?: Readonly<Partial<Record<Code, SeveritySetting>>>;
  readonly bibliography?: readonly URI[];
  readonly workspaceBibliography?: readonly URI[];
  readonly standards?: StandardChoice | undefined;
}

/**
 * `above` laid over `below`: a code's severity and the standard are the highest layer's that sets
 * them; bibliography files add up, since each layer names files its documents may cite.
 */
export function layerSettings(below: Settings, above: SettingsLayer): Settings {
  return {
    severity: { ...below.severity, ...above.severity },
    bibliography: [...below.bibliography, ...(above.bibliography ?? [])],
    workspaceBibliography: [...below.workspaceBibliography, ...(above.workspaceBibliography ?? [])],
    standards: above.standards ?? below.standards,
  };
}

/**
 * The layer of a `.tradecraft.yaml` at `configFile`: its bibliography relative to its folder, read
 * anywhere when `trusted`, else only inside the workspace, as a document's own.
 */
export function projectLayer(config: ProjectConfig, configFile: URI, trusted: boolean): SettingsLayer {
  const folder = Utils.dirname(configFile);
  const files = config.bibliography.map((path) => resolveUserPath(path, folder, undefined));
  return { severity: config.severity, standards: config.standards, ...(trusted ? { bibliography: files } : { workspaceBibliography: files }) };
}

/** Which files a folder scan takes: globs relative to the folder scanned. */
export interface FileSelection {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** The project's `include` replaces the one below it; its `exclude` adds to it, so nothing excluded comes back. */
export function layerFileSelection(below: FileSelection, config: ProjectConfig): FileSelection {
  return { include: config.include ?? below.include, exclude: [...below.exclude, ...(config.exclude ?? [])] };
}
