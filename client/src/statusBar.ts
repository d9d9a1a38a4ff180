import * as vscode from 'vscode';

const SOURCE = 'tradecraft';
const UNSUPPORTED = 'unsupported-claim';

/**
 * The status bar item of the active Markdown editor: how many claims of its document are
 * unsupported, with the count of every Tradecraft code in the tooltip. Hidden when the document
 * has no Tradecraft diagnostics.
 */
export class DiagnosticsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tradecraft.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'Tradecraft';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const counts = document?.languageId === 'markdown' ? countByCode(document.uri) : new Map<string, number>();
    if (counts.size === 0) {
      this.item.hide();
      return;
    }
    const unsupported = counts.get(UNSUPPORTED) ?? 0;
    this.item.text =
      unsupported === 0
        ? '$(check) all claims supported'
        : `$(warning) ${unsupported} unsupported claim${unsupported === 1 ? '' : 's'}`;
    this.item.tooltip = [
      'Tradecraft: click to open the Problems view',
      ...[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => `${code}: ${count}`),
    ].join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

/** The document's Tradecraft diagnostics, counted by code. */
function countByCode(uri: vscode.Uri): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of vscode.languages.getDiagnostics(uri)) {
    if (diagnostic.source !== SOURCE) continue;
    const code = codeOf(diagnostic);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/** A diagnostic with a `codeDescription` arrives with its code as `{ value, target }`. */
function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : (code ?? 'unknown'));
}
