import type { FileReport } from '../report.js';

/** `file:line:col: severity code message`, 1-based: the shape compilers print and problem matchers read. */
export function formatText(reports: readonly FileReport[]): string {
  return reports
    .flatMap((report) =>
      report.diagnostics.map(
        (d) => `${report.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`,
      ),
    )
    .join('');
}
