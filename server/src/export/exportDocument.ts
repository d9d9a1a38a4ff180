import type { Analysis } from '../analysis/analysis.js';
import type { ExportResult, ExportTarget } from '../protocol.js';
import { exportAsHtml } from './htmlExport.js';
import { exportAsMarkdown } from './markdownExport.js';
import { exportForPandoc } from './pandocExport.js';

export interface ExportOptions {
  readonly to: ExportTarget;
  /** For `pandoc`: see `PandocExportOptions`. */
  readonly referencesFile?: string | undefined;
  /** For `markdown`: see `MarkdownExportOptions`. */
  readonly citeLinks?: boolean;
}

/** The document exported as the command line and the editor's commands export it. */
export function exportDocument(analysis: Analysis, options: ExportOptions): ExportResult {
  if (options.to === 'html') return { text: exportAsHtml(analysis), references: [] };
  if (options.to === 'markdown') return { text: exportAsMarkdown(analysis, { citeLinks: options.citeLinks ?? false }), references: [] };
  return exportForPandoc(analysis, { referencesFile: options.referencesFile });
}
