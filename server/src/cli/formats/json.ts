import type { DocumentationLinks } from '../../rules/index.js';
import type { FileReport } from '../report.js';

/** Every file checked, each with its diagnostics as LSP shapes them (0-based ranges). */
export function formatJson(reports: readonly FileReport[], documentation: DocumentationLinks): string {
  const files = reports.map((report) => ({
    path: report.path,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      source: 'tradecraft',
      codeDescription: { href: documentation.forCode(d.code) },
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
