import { homedir } from 'node:os';
import type { URI } from 'vscode-uri';
import { readSeverityEntry, resolveUserPath } from '../service.js';
import { DEFAULT_INCLUDE, isStandardChoice, STANDARD_CHOICES, type Settings, type StandardChoice } from '../settings.js';
import type { Code, SeveritySetting } from '../types.js';

/** What the server uses of the `tradecraft` section, for one workspace folder. */
export interface ServerSettings {
  readonly core: Settings;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Whether the workspace is trusted: then the project file's bibliography is read wherever it is. */
  readonly workspaceTrusted: boolean;
  /** Milliseconds from the last edit to new diagnostics. */
  readonly diagnosticsDelay: number;
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**'];
export const DEFAULT_DIAGNOSTICS_DELAY = 100;

/**
 * Reads the `tradecraft` section a client sends. The VS Code client tells user from workspace
 * values (`userBibliography`, `workspaceBibliography`, `workspaceTrusted`); other editors send
 * `bibliography`, which the user wrote in their own editor configuration. Bad values are dropped,
 * each with a warning for the log.
 */
export function readClientSettings(raw: unknown, folder: URI, warn: (message: string) => void): ServerSettings {
  const section = isRecord(raw) ? raw : {};
  const trusted = section['workspaceTrusted'] !== false;
  const user = stringList(section['userBibliography'] ?? section['bibliography'], 'bibliography', warn);
  const workspace = stringList(section['workspaceBibliography'], 'bibliography', warn);
  const toUri = (path: string) => resolveUserPath(path, folder, homedir());
  return {
    core: {
      severity: readSeverities(section, warn),
      bibliography: [...user, ...(trusted ? workspace : [])].map(toUri),
      workspaceBibliography: trusted ? [] : workspace.map(toUri),
      standards: readStandards(section['standards'], warn),
    },
    include: nonEmpty(stringList(section['include'], 'include', warn), DEFAULT_INCLUDE),
    exclude: stringList(section['exclude'] ?? DEFAULT_EXCLUDE, 'exclude', warn),
    workspaceTrusted: trusted,
    diagnosticsDelay: readDelay(section['diagnosticsDelay'], warn),
  };
}

/** Accepts `severity: { code: level }` (how VS Code nests dotted keys) and `"severity.code": level`. */
function readSeverities(section: Record<string, unknown>, warn: (message: string) => void): Partial<Record<Code, SeveritySetting>> {
  const nested = isRecord(section['severity']) ? section['severity'] : {};
  const flat = Object.fromEntries(Object.entries(section).filter(([key]) => key.startsWith('severity.')).map(([key, value]) => [key.slice('severity.'.length), value]));
  const severities: Partial<Record<Code, SeveritySetting>> = {};
  for (const [code, level] of Object.entries({ ...nested, ...flat })) {
    const reading = readSeverityEntry(code, level);
    if ('code' in reading) severities[reading.code] = reading.level;
    else warn(`tradecraft.severity.${code}: ${reading.problem}`);
  }
  return severities;
}

function readStandards(value: unknown, warn: (message: string) => void): StandardChoice {
  if (value === undefined || value === null) return 'none';
  if (isStandardChoice(value)) return value;
  warn(`tradecraft.standards: "${String(value)}" is not one of ${STANDARD_CHOICES.join(', ')}; no standard applies`);
  return 'none';
}

function readDelay(value: unknown, warn: (message: string) => void): number {
  if (value === undefined || value === null) return DEFAULT_DIAGNOSTICS_DELAY;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  warn(`tradecraft.diagnosticsDelay: "${String(value)}" is not a number of milliseconds (0 or more)`);
  return DEFAULT_DIAGNOSTICS_DELAY;
}

function stringList(value: unknown, name: string, warn: (message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  warn(`tradecraft.${name}: expected a list of strings`);
  return [];
}

function nonEmpty(list: readonly string[], fallback: readonly string[]): readonly string[] {
  return list.length > 0 ? list : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
