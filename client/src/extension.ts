import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { configurationMiddleware } from './configuration.js';
import { documentationCommand } from './documentation.js';
import { matrixCommands } from './matrixCommands.js';
import { extendMarkdownIt, refreshPreviewOnDiagnostics } from './preview.js';
import { DOCUMENT_SUMMARY_REQUEST, EVIDENCE_MATRIX_REQUEST, SHOW_MARKERS_COMMAND, type DocumentSummary, type DocumentSummaryParams, type EvidenceMatrix, type EvidenceMatrixParams } from '../../server/src/protocol.js';
import { showMarkersCommand } from './showMarkers.js';
import { SummaryStatusBar } from './statusBar.js';

let client: LanguageClient | undefined;

/** What the extension gives VS Code: its Markdown preview renders the markers. */
export interface TradecraftApi {
  extendMarkdownIt: typeof extendMarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<TradecraftApi> {
  const output = vscode.window.createOutputChannel('Tradecraft', { log: true });
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      // Bibliography files, so that documents are checked against unsaved edits of them too.
      { scheme: 'file', pattern: '**/*.{bib,bibtex,json,yaml,yml}' },
    ],
    outputChannel: output,
    middleware: { workspace: configurationMiddleware },
  };
  const languageClient = new LanguageClient('tradecraft', 'Tradecraft', serverOptions, clientOptions);
  client = languageClient;

  const restart = async (): Promise<void> => {
    try {
      await languageClient.restart();
    } catch (error) {
      output.error(`Could not restart the server: ${String(error)}`);
    }
  };

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tradecraft.restartServer', restart),
    vscode.commands.registerCommand('tradecraft.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('tradecraft.showDocumentation', documentationCommand(context.extensionUri)),
    vscode.commands.registerCommand(SHOW_MARKERS_COMMAND, showMarkersCommand(languageClient)),
    // The server reads files the workspace names only once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    refreshPreviewOnDiagnostics(),
  );

  await languageClient.start();
  // Made once the server runs: a request sent before would start the client by itself.
  context.subscriptions.push(
    new SummaryStatusBar((uri) =>
      languageClient.sendRequest<DocumentSummary | null>(DOCUMENT_SUMMARY_REQUEST, { textDocument: { uri: uri.toString() } } satisfies DocumentSummaryParams),
    ),
    ...matrixCommands(context.extensionUri, (uri) =>
      languageClient.sendRequest<EvidenceMatrix | null>(EVIDENCE_MATRIX_REQUEST, { textDocument: { uri: uri.toString() } } satisfies EvidenceMatrixParams),
    ),
  );
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  // A client that is still starting cannot be stopped; VS Code ends the server with the host then.
  await stopping?.stop().catch(() => undefined);
}
