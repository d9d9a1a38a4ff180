import { URI } from 'vscode-uri';
import type { Analysis } from '../../server/src/analysis/analysis.js';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings.js';
import type { Diagnostic } from '../../server/src/types.js';
import { MemoryHost, WORKSPACE } from './memoryHost.js';

export interface Fixture {
  /** The document's text; it lives at `/ws/doc.md` unless `path` says otherwise. */
  readonly text: string;
  readonly path?: string;
  /** Other files of the workspace (or outside it), by absolute path. */
  readonly files?: Record<string, string>;
  readonly settings?: Partial<Settings>;
}

/** Analyses a document over an in-memory workspace, as the CLI and the server would. */
export async function analyzeFixture(fixture: Fixture): Promise<{ analysis: Analysis; diagnostics: Diagnostic[] }> {
  const path = fixture.path ?? '/ws/doc.md';
  const host = new MemoryHost({ ...fixture.files, [path]: fixture.text });
  const service = createService({ host, settings: { ...DEFAULT_SETTINGS, ...fixture.settings } });
  const analysis = await service.analyze({ uri: URI.file(path), text: fixture.text, workspaceFolder: WORKSPACE });
  return { analysis, diagnostics: service.computeDiagnostics(analysis) };
}

/** `line:code` for each diagnostic, 1-based like the conformance cases. */
export async function diagnosticLines(text: string, fixture: Omit<Fixture, 'text'> = {}): Promise<string[]> {
  const { diagnostics } = await analyzeFixture({ ...fixture, text });
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
}

/** Joins lines with LF, so that fixtures can be written as arrays. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
