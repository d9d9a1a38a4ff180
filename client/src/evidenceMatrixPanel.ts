import { randomBytes } from 'node:crypto';
import { isDocumentLanguage } from './documentLanguages.js';
import * as vscode from 'vscode';
import type { EvidenceMatrix } from '../../server/src/protocol.js';
import { matrixBody, matrixPage, notAnalysisBody, type RowOrder } from './matrixHtml.js';

/** Asks the server for a document's evidence matrix: null when its settings leave it unchecked. */
export type MatrixSource = (uri: vscode.Uri) => Promise<EvidenceMatrix | null>;

export const MATRIX_VIEW_TYPE = 'tradecraft.evidenceMatrix';

/** Milliseconds between the last edit of the shown document and asking for its matrix again. */
const UPDATE_DELAY = 300;

/** What the panel shows now: what `Tradecraft: Show Evidence Matrix` returns (the editor tests read it). */
export interface ShownMatrix {
  readonly title: string;
  readonly uri: string;
  readonly matrix: EvidenceMatrix;
  readonly order: RowOrder;
}

type FromPage = { type: 'ready' } | { type: 'order'; order: RowOrder } | { type: 'reveal'; list: 'row' | 'hypothesis'; index: number };

/**
 * The webview beside the editor that shows the evidence matrix of the active analysis, asked of
 * the server again as the document is edited. When the active editor is no analysis, the panel
 * keeps the last one it showed and says so. One panel at a time.
 */
export class EvidenceMatrixPanel implements vscode.Disposable {
  private static current: EvidenceMatrixPanel | undefined;

  /** Shows the panel (made if need be) for the active Markdown editor; what it shows once that is read. */
  static async show(extensionUri: vscode.Uri, matrixOf: MatrixSource): Promise<ShownMatrix | undefined> {
    const existing = EvidenceMatrixPanel.current;
    const panel = (EvidenceMatrixPanel.current = existing ?? new EvidenceMatrixPanel(extensionUri, matrixOf));
    panel.panel.reveal(undefined, true);
    const document = vscode.window.activeTextEditor?.document;
    // An open panel already follows the shown document's edits.
    if (!existing || document?.uri.toString() !== panel.shown?.uri) await panel.follow(document);
    return panel.shown;
  }

  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[];
  private shown: ShownMatrix | undefined;
  private note: string | undefined;
  private order: RowOrder = 'diagnosticity';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the questions asked, so that an answer overtaken by a later one is dropped. */
  private asked = 0;

  private constructor(extensionUri: vscode.Uri, private readonly matrixOf: MatrixSource) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(MATRIX_VIEW_TYPE, 'Evidence Matrix', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    const { webview } = this.panel;
    webview.html = matrixPage({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64url'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'evidenceMatrix.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'evidenceMatrix.css')).toString(),
    });
    this.subscriptions = [
      webview.onDidReceiveMessage((message: FromPage) => this.onMessage(message)),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor?.document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.shown?.uri) this.scheduleUpdate(event.document);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    ];
  }

  /** Shows the matrix of `document` if it is an analysis; else keeps the last one, saying so. */
  private async follow(document: vscode.TextDocument | undefined): Promise<void> {
    if (!document || !['file', 'untitled'].includes(document.uri.scheme)) return;
    const matrix = isDocumentLanguage(document.languageId) ? await this.ask(document) : null;
    if (matrix === undefined) return;
    const isShown = document.uri.toString() === this.shown?.uri;
    if (matrix && (matrix.usesLanguage || isShown)) {
      this.note = undefined;
      return this.render(document.uri, matrix);
    }
    const name = vscode.workspace.asRelativePath(document.uri);
    if (!this.shown) return this.post(notAnalysisBody(name));
    this.note = isShown ? undefined : `The active editor, ${name}, is not an analysis: this is still the matrix of ${this.shown.matrix.path}.`;
    this.render(vscode.Uri.parse(this.shown.uri), this.shown.matrix);
  }

  private scheduleUpdate(document: vscode.TextDocument): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const matrix = await this.ask(document);
      if (matrix && document.uri.toString() === this.shown?.uri) this.render(document.uri, matrix);
    }, UPDATE_DELAY);
  }

  /** The server's answer, or undefined when a later question overtook it or it failed (the text changed, the server restarts). */
  private async ask(document: vscode.TextDocument): Promise<EvidenceMatrix | null | undefined> {
    const question = ++this.asked;
    const matrix = await this.matrixOf(document.uri).catch(() => undefined);
    return question === this.asked ? matrix : undefined;
  }

  private render(uri: vscode.Uri, matrix: EvidenceMatrix): void {
    this.panel.title = `Evidence Matrix: ${matrix.path.split('/').pop()}`;
    this.shown = { title: this.panel.title, uri: uri.toString(), matrix, order: this.order };
    this.post(matrixBody(matrix, this.order, this.note));
  }

  private post(html: string): void {
    void this.panel.webview.postMessage({ type: 'render', html });
  }

  private onMessage(message: FromPage): void {
    const { shown } = this;
    // A page made again (the panel was hidden) asks for what it shows.
    if (!shown) return message.type === 'ready' ? void this.follow(vscode.window.activeTextEditor?.document) : undefined;
    switch (message.type) {
      case 'ready': return this.render(vscode.Uri.parse(shown.uri), shown.matrix);
      case 'order':
        this.order = message.order;
        return this.render(vscode.Uri.parse(shown.uri), shown.matrix);
      case 'reveal': {
        const range = (message.list === 'row' ? shown.matrix.rowRanges : shown.matrix.hypothesisRanges)[message.index];
        if (range) void reveal(vscode.Uri.parse(shown.uri), range);
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    EvidenceMatrixPanel.current = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }
}

/** Selects a marker's opening in the editor that shows its document (the first column when none does). */
async function reveal(uri: vscode.Uri, { start, end }: EvidenceMatrix['rowRanges'][number]): Promise<void> {
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const column = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
