import type { URI } from 'vscode-uri';
import type { PackageInfo } from '../node/packageInfo.js';
import { defaultSeverityOf, type BibliographyFileRead } from '../service.js';
import type { Code } from '../types.js';
import type { ServerSettings } from './clientSettings.js';

/**
 * The lines of the server's log (the editor's Tradecraft output) that let a user understand a
 * result: what runs, on which folders, with which settings, and what each bibliography file gave.
 */

export function startLine(about: PackageInfo): string {
  return `Tradecraft ${about.version} (language server, Node ${process.version})`;
}

export function foldersLine(folders: readonly URI[]): string {
  return folders.length === 0 ? 'Workspace folders: none (each file is checked in its own folder)' : `Workspace folders: ${folders.map(shown).join(', ')}`;
}

export function settingsLine(folder: URI, { core, include, exclude, diagnosticsDelay }: ServerSettings): string {
  // VS Code sends every code's severity, most of them the default: only the others are news.
  const severities = Object.entries(core.severity).filter(([code, level]) => level !== defaultSeverityOf(code as Code)).map(([code, level]) => `${code}=${level}`);
  const untrusted = core.workspaceBibliography.length > 0 ? ` (the workspace is not trusted: of the workspace's, only files inside it: ${core.workspaceBibliography.map(shown).join(', ')})` : '';
  return [
    `Settings for ${shown(folder)}:`,
    `standards ${core.standards};`,
    `severity ${severities.length > 0 ? `the defaults but ${severities.join(', ')}` : 'the defaults'};`,
    `include ${include.join(', ')};`,
    `exclude ${exclude.length > 0 ? exclude.join(', ') : 'nothing'};`,
    `diagnostics delay ${diagnosticsDelay} ms;`,
    `bibliography ${core.bibliography.length > 0 ? core.bibliography.map(shown).join(', ') : 'none'}${untrusted}`,
  ].join(' ');
}

export function bibliographyLine(file: URI, { items, problem }: BibliographyFileRead): string {
  const entries = `${items.length} ${items.length === 1 ? 'entry' : 'entries'}`;
  if (!problem) return `Bibliography ${shown(file)}: ${entries}`;
  const where = problem.line === undefined ? '' : ` (line ${problem.line + 1}${problem.column === undefined ? '' : `, column ${problem.column + 1}`})`;
  return items.length === 0
    ? `Bibliography ${shown(file)}: not loaded, ${problem.reason}${where}`
    : `Bibliography ${shown(file)}: ${entries}, then ${problem.reason}${where}`;
}

/** A file as its path, anything else as its URI. */
function shown(uri: URI): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
