import * as vscode from 'vscode';
import { DOCUMENT_LANGUAGES } from './documentLanguages.js';
import { newAnalysisCommand } from './newAnalysis.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { configurationMiddleware } from './configuration.js';
import { documentationCommand } from './documentation.js';
import { exportCommand } from './exportCommands.js';
import { matrixCommands } from './matrixCommands.js';
import { OpenProblemsView } from './openProblems.js';
import { markdownItExtender, PreviewSourceLinks, refreshPreviewOnDiagnostics } from './preview.js';
import { DOCUMENT_SUMMARY_REQUEST, EVIDENCE_MATRIX_REQUEST, EXPORT_REQUEST, SHOW_MARKERS_COMMAND, SOURCE_LINKS_REQUEST, type DocumentSummary, type DocumentSummaryParams, type EvidenceMatrix, type EvidenceMatrixParams, type ExportParams, type ExportResult, type SourceLinks, type SourceLinksParams } from '../../server/src/protocol.js';
import { showMarkersCommand } from './showMarkers.js';
import { SummaryStatusBar } from './statusBar.js';

let client: LanguageClient | undefined;

/** What the extension gives VS Code: its Markdown preview renders the markers. */
export interface TradecraftApi {
  extendMarkdownIt: ReturnType<typeof markdownItExtender>;
  /** For the editor tests, which cannot read a tree view's items from VS Code. */
  openProblems: OpenProblemsView;
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
      ...DOCUMENT_LANGUAGES.flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      // Bibliography files, so that documents are checked against unsaved edits of them too.
      { scheme: 'file', pattern: '**/*.{bib,bibtex,json,yaml,yml}' },
      // The project configuration, so that its unsaved edits apply and its problems show in it.
      { scheme: 'file', pattern: '**/.tradecraft.yaml' },
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
  const exportOf = (params: ExportParams) => languageClient.sendRequest<ExportResult | null>(EXPORT_REQUEST, params);
  context.subscriptions.push(
    vscode.commands.registerCommand('tradecraft.exportForPandoc', exportCommand('pandoc', exportOf)),
    vscode.commands.registerCommand('tradecraft.exportAsMarkdown', exportCommand('markdown', exportOf)),
    vscode.commands.registerCommand('tradecraft.exportAsHtml', exportCommand('html', exportOf)),
    vscode.commands.registerCommand('tradecraft.newAnalysis', newAnalysisCommand(context.extensionUri)),
  );
  const sourceLinks = new PreviewSourceLinks((uri) =>
    languageClient.sendRequest<SourceLinks | null>(SOURCE_LINKS_REQUEST, { textDocument: { uri: uri.toString() } } satisfies SourceLinksParams),
  );
  const openProblems = new OpenProblemsView(languageClient);
  context.subscriptions.push(openProblems);
  return { extendMarkdownIt: markdownItExtender(sourceLinks), openProblems };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  // A client that is still starting cannot be stopped; VS Code ends the server with the host then.
  await stopping?.stop().catch(() => undefined);
}
