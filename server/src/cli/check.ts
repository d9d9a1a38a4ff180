import { pathToFileURL } from 'node:url';
import type { PackageInfo } from '../node/packageInfo.js';
import type { ServiceOptions, TradecraftService } from '../service.js';
import type { Settings } from '../settings.js';
import { SEVERITIES, type Severity } from '../types.js';
import type { CheckOptions } from './checkOptions.js';
import { coreSettings } from './document.js';
import { forEachDocument, prepareRun } from './documentLoop.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatText } from './formats/text.js';
import type { FileReport } from './report.js';

export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Whether progress may be drawn on stderr (a terminal). */
  readonly interactive: boolean;
}

/**
 * `tradecraft check`: exit 0 without errors, 1 with an error-level diagnostic, 2 for files that
 * could not be read or checked. `makeService` stands in for the core's service (a test's), in this thread.
 */
export async function runCheck(
  options: CheckOptions,
  cwd: string,
  console: Console,
  about: PackageInfo,
  makeService?: (options: ServiceOptions) => TradecraftService,
): Promise<number> {
  const { run, files, missing } = await prepareRun(options, cwd, console);
  const reports: FileReport[] = [];
  let failed = 0;
  const progress = progressLine(console, files.length);
  progress(0);
  await forEachDocument(files, run, 'diagnostics', ({ path, fileUri, result, messages }) => {
    for (const message of messages) console.err(message);
    if (result) reports.push({ path, fileUri, diagnostics: result.filter((d) => atLeast(d.severity, options.severityMin)) });
    else failed++;
    progress(reports.length + failed);
  }, makeService);
  console.out(render(options, reports, coreSettings(run), cwd, about));
  if (missing.length > 0 || failed > 0) return 2;
  return reports.some((report) => report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function render(options: CheckOptions, reports: readonly FileReport[], settings: Settings, cwd: string, about: PackageInfo): string {
  switch (options.format) {
    case 'json': return formatJson(reports, about.documentation);
    case 'sarif': return formatSarif(reports, settings, pathToFileURL(cwd).href, about);
    case 'text': return formatText(reports);
  }
}

function atLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}

/** Draws "checked n of N files" on a terminal when there are many files; silent otherwise. */
function progressLine(console: Console, total: number): (done: number) => void {
  if (!console.interactive || total < 50) return () => {};
  return (done) => console.err(done < total ? `\rtradecraft: checked ${done} of ${total} files` : '\r\x1b[K');
}
