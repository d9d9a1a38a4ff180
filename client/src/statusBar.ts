import * as vscode from 'vscode';
import { isDocumentLanguage } from './documentLanguages.js';
import type { DocumentSummary } from '../../server/src/protocol.js';
import { summaryStatus } from './summaryText.js';

/** Asks the server for a document's summary: null when its settings leave it unchecked. */
export type SummarySource = (uri: vscode.Uri) => Promise<DocumentSummary | null>;

/**
 * The status bar item of the active Markdown editor: its document's markers and what needs work,
 * as the server's analysis counts them, asked again whenever the document's diagnostics are
 * published. Hidden when the document has no markers, or is not checked.
 */
export class SummaryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tradecraft.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly summaryOf: SummarySource) {
    this.item.name = 'Tradecraft';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = activeMarkdown()?.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const document = activeMarkdown();
    if (!document) {
      this.item.hide();
      return;
    }
    this.summaryOf(document.uri).then(
      (summary) => {
        // The answer is for an editor that may no longer be the active one.
        if (activeMarkdown() === document) this.show(summary && summaryStatus(summary));
      },
      // The text changed, or the server is restarting: the next publish asks again.
      () => undefined,
    );
  }

  private show(status: ReturnType<typeof summaryStatus> | null): void {
    if (!status) {
      this.item.hide();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDocumentLanguage(document.languageId) ? document : undefined;
}
