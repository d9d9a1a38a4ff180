import * as vscode from 'vscode';
import { isDocumentLanguage } from './documentLanguages.js';
import { EvidenceMatrixPanel, type MatrixSource } from './evidenceMatrixPanel.js';

/**
 * `Tradecraft: Show Evidence Matrix`, `Copy Evidence Matrix as Markdown` and `Copy Argument Map
 * as Mermaid`: the matrix and the map of the active analysis, as the server makes them.
 */
export function matrixCommands(extensionUri: vscode.Uri, matrixOf: MatrixSource): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('tradecraft.showEvidenceMatrix', () => EvidenceMatrixPanel.show(extensionUri, matrixOf)),
    vscode.commands.registerCommand('tradecraft.copyEvidenceMatrix', () =>
      copyFromActive(matrixOf, 'its evidence matrix', (matrix) =>
        matrix.hypotheses.length === 0
          ? { problem: `${matrix.path} has no hypotheses, so it has no evidence matrix to copy.` }
          : { text: matrix.markdown, copied: `Copied the evidence matrix of ${matrix.path} as a Markdown table.` })),
    vscode.commands.registerCommand('tradecraft.copyArgumentMap', () =>
      copyFromActive(matrixOf, 'its argument map', (matrix) => ({ text: matrix.mermaid, copied: `Copied the argument map of ${matrix.path} as a Mermaid flowchart.` }))),
  ];
}

type Copy = { text: string; copied: string } | { problem: string };

/** Puts on the clipboard what `pick` takes of the active analysis's matrix, and says what it copied or why it did not. */
async function copyFromActive(matrixOf: MatrixSource, what: string, pick: (matrix: NonNullable<Awaited<ReturnType<MatrixSource>>>) => Copy): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const matrix = document && isDocumentLanguage(document.languageId) ? await matrixOf(document.uri) : null;
  if (!matrix?.usesLanguage) {
    const name = document ? `${vscode.workspace.asRelativePath(document.uri)} is not an analysis that Tradecraft checks` : 'No editor is active';
    void vscode.window.showWarningMessage(`${name}: open a Markdown analysis to copy ${what}.`);
    return;
  }
  const copy = pick(matrix);
  if ('problem' in copy) {
    void vscode.window.showWarningMessage(copy.problem);
    return;
  }
  await vscode.env.clipboard.writeText(copy.text);
  void vscode.window.showInformationMessage(copy.copied);
}
