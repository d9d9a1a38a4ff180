import * as vscode from 'vscode';
import { isDocumentLanguage } from './documentLanguages.js';
import type { ExportParams, ExportResult, ExportTarget } from '../../server/src/protocol.js';

/** Asks the server for the active document exported; null when the settings leave it unchecked. */
export type ExportSource = (params: ExportParams) => Promise<ExportResult | null>;

/** How each export is named beside its document: `brief.md` → `brief.pandoc.md`, `brief.plain.md`, `brief.html`. */
const NAMES: Readonly<Record<ExportTarget, (extension: string) => string>> = {
  pandoc: (extension) => `.pandoc${extension || '.md'}`,
  markdown: (extension) => `.plain${extension || '.md'}`,
  html: () => '.html',
};

/**
 * `Tradecraft: Export for Pandoc`, `Export as Markdown` and `Export as HTML`: the active analysis written beside
 * it (for Pandoc, with its front matter's sources in a `.references.json` beside that), asking
 * before it overwrites a file or exports a document with errors, and offering to open the result.
 * `target` (a file URI) writes there instead, without asking (what a test or a keybinding may give).
 */
export function exportCommand(to: ExportTarget, exportOf: ExportSource): (target?: vscode.Uri) => Promise<vscode.Uri | undefined> {
  return async (target) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isDocumentLanguage(document.languageId)) {
      void vscode.window.showErrorMessage('Tradecraft: open the Markdown analysis to export first.');
      return undefined;
    }
    if (document.isUntitled) {
      void vscode.window.showErrorMessage('Tradecraft: save the analysis first; the export is written beside it.');
      return undefined;
    }
    const output = target ?? besideDocument(document.uri, to);
    const references = to === 'pandoc' ? output.with({ path: output.path.replace(/(\.[^./]*)?$/, '.references.json') }) : undefined;
    if (!target && !(await mayWrite(document, [output, ...(references ? [references] : [])]))) return undefined;
    const result = await exportOf({ textDocument: { uri: document.uri.toString() }, to, ...(references ? { referencesFile: references.fsPath } : {}) });
    if (!result) {
      void vscode.window.showErrorMessage(`Tradecraft: ${vscode.workspace.asRelativePath(document.uri)} is left out by tradecraft.include/exclude, so it is not exported.`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(output, new TextEncoder().encode(result.text));
    if (references && result.references.length > 0) await vscode.workspace.fs.writeFile(references, new TextEncoder().encode(`${JSON.stringify(result.references, null, 2)}\n`));
    if (!target) offerToOpen(output, to);
    return output;
  };
}

function besideDocument(uri: vscode.Uri, to: ExportTarget): vscode.Uri {
  return uri.with({ path: uri.path.replace(/(\.[^./]*)?$/, NAMES[to]) });
}

/** Whether to go on: the document has no error-level problems or the user exports it anyway, and no file would be overwritten unasked. */
async function mayWrite(document: vscode.TextDocument, outputs: readonly vscode.Uri[]): Promise<boolean> {
  const errors = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'tradecraft' && diagnostic.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length > 0) {
    const problems = errors.length === 1 ? 'an error' : `${errors.length} errors`;
    const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(document.uri)} has ${problems} (see the Problems view). Export it all the same?`, { modal: true }, 'Export Anyway');
    if (choice !== 'Export Anyway') return false;
  }
  const existing = (await Promise.all(outputs.map(async (uri) => ((await exists(uri)) ? [uri] : [])))).flat();
  if (existing.length === 0) return true;
  const names = existing.map((uri) => vscode.workspace.asRelativePath(uri)).join(' and ');
  return (await vscode.window.showWarningMessage(`${names} already exists. Overwrite it?`, { modal: true }, 'Overwrite')) === 'Overwrite';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Offers to open the export: a page in the browser, Markdown in the editor. */
function offerToOpen(output: vscode.Uri, to: ExportTarget): void {
  const open = to === 'html' ? 'Open in Browser' : 'Open';
  void vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(output)}.`, open).then((choice) => {
    if (choice !== open) return;
    if (to === 'html') void vscode.env.openExternal(output);
    else void vscode.window.showTextDocument(output);
  });
}
