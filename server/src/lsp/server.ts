import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Hover as LspHover,
  type HoverParams,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import { DocumentStore, isBibliographyBuffer, Superseded } from '../documentStore.js';
import type { Host } from '../host.js';
import type { PackageInfo } from '../node/packageInfo.js';
import { DOCUMENT_SUMMARY_REQUEST, EVIDENCE_MATRIX_REQUEST, EXPORT_REQUEST, OPEN_PROBLEMS_CHANGED_NOTIFICATION, OPEN_PROBLEMS_REQUEST, SOURCE_LINKS_REQUEST, type DocumentSummary, type DocumentSummaryParams, type EvidenceMatrix, type EvidenceMatrixParams, type ExportParams, type ExportResult, type SourceLinks, type SourceLinksParams } from '../protocol.js';
import { documentSummary, editorFeatures as features, evidenceMatrix, exportDocument, RenameError, sourceLinks } from '../service.js';
import {
  toConfigDiagnostic,
  toLspCodeAction,
  toLspCompletionList,
  toLspCodeLens,
  toLspDocumentSymbol,
  toLspHover,
  toLspLocations,
  toLspWorkspaceEdit,
} from './convert.js';
import { DiagnosticsPublisher } from './diagnosticsPublisher.js';
import { overlayHost } from './overlayHost.js';
import { bibliographyLine, foldersLine, settingsLine, startLine } from './serverLog.js';
import { SettingsFileWatcher } from './settingsFileWatcher.js';
import { WorkspaceIndex } from './workspaceIndex.js';
import { WorkspaceProblems } from './workspaceProblems.js';
import { isProjectConfigOf, Workspaces, type FolderOwner } from './workspaces.js';

const WATCHED_FILES = ['**/*.{md,bib,bibtex,json,yaml,yml}', '**/.tradecraft.yaml'];

/** Serves the Tradecraft language over a connection: the one place that knows LSP. */
export function startServer(connection: Connection, baseHost: Host, about: PackageInfo): void {
  const documents: DocumentStore<FolderOwner> = new DocumentStore({
    ownerOf: (uri) => workspaces.ownerOf(uri),
    yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)),
    warn: (message) => connection.console.warn(message),
  });
  const host = overlayHost(baseHost, documents);
  let clientConfiguration: unknown;
  let canAskConfiguration = false;
  let clientCapabilities: InitializeParams['capabilities'] = {};
  const logError = (error: unknown) => connection.console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  const settingsFiles = new SettingsFileWatcher(connection, logError);
  const workspaces = new Workspaces(
    host,
    async (folder) => (canAskConfiguration ? connection.workspace.getConfiguration({ scopeUri: folder.toString(), section: 'tradecraft' }) : clientConfiguration),
    (message) => connection.console.warn(`Settings: ${message}`),
    (folder, settings) => {
      connection.console.info(settingsLine(folder, settings));
      settingsFiles.watch(folder, [...settings.core.bibliography, ...settings.core.workspaceBibliography]);
    },
    (file, read) => (read.problem ? connection.console.warn(bibliographyLine(file, read)) : connection.console.info(bibliographyLine(file, read))),
    (file, configProblems) => void connection.sendDiagnostics({ uri: file.toString(), diagnostics: configProblems.map(toConfigDiagnostic) }).catch(logError),
  );
  const setFolders = (folders: readonly URI[]) => {
    workspaces.setFolders(folders);
    connection.console.info(foldersLine(workspaces.allFolders));
  };
  const publisher = new DiagnosticsPublisher(connection, documents, logError, about.documentation);
  const index = new WorkspaceIndex(host, workspaces, documents, logError);
  const problems = new WorkspaceProblems(host, workspaces, documents, index, () => void connection.sendNotification(OPEN_PROBLEMS_CHANGED_NOTIFICATION), logError);

  /** Runs a request on the newest analysis of its document; a failure is logged and answered as an error. */
  function onDocument<P extends { textDocument: { uri: string } }, R>(name: string, handler: (analysis: Analysis, params: P) => R, empty: R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return empty;
      try {
        const analysis = await documents.analysisOf(document.uri);
        return token.isCancellationRequested ? empty : handler(analysis, params);
      } catch (error) {
        if (error instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
        if (error instanceof Superseded) return new ResponseError(LSPErrorCodes.ContentModified, `The document changed before Tradecraft could answer ${name}`);
        logError(new Error(`${name} failed on ${params.textDocument.uri}`, { cause: error }));
        logError(error);
        return new ResponseError(ErrorCodes.InternalError, `Tradecraft could not answer ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }
  const offsetOf = (analysis: Analysis, params: TextDocumentPositionParams) => analysis.syntax.model.lines.offsetAt(params.position);
  const lines = (analysis: Analysis) => analysis.syntax.model.lines;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    settingsFiles.enabled = params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    clientConfiguration = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    const folders = params.workspaceFolders?.map((folder) => URI.parse(folder.uri)) ?? (params.rootUri ? [URI.parse(params.rootUri)] : []);
    connection.console.info(startLine(about));
    setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['@', ':', '=', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tradecraft', version: about.version },
    };
  });

  connection.onInitialized(() => {
    const workspace = clientCapabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(logError);
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })) }).catch(logError);
    }
    if (!workspace?.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      const kept = workspaces.allFolders.filter((folder) => !removed.has(folder.toString()));
      setFolders([...kept, ...event.added.map((folder) => URI.parse(folder.uri))]);
      problems.clear();
      recheckAll();
    });
  });

  function recheckAll(): void {
    documents.reassign();
    publisher.scheduleAll();
  }

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { tradecraft?: unknown } | undefined)?.tradecraft;
    if (settings !== undefined) clientConfiguration = settings;
    workspaces.reset();
    settingsFiles.clear();
    index.clear();
    problems.clear();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(async (change) => {
    for (const event of change.changes) {
      // One event whose URI does not parse must not keep the others from being seen.
      await fileChanged(event.uri).catch(logError);
    }
    recheckAll();
  });

  async function fileChanged(uriText: string): Promise<void> {
    const uri = URI.parse(uriText);
    if (isProjectConfigOf(uri, workspaces.allFolders)) return projectConfigChanged(uri);
    await workspaces.forgetFile(uri);
    index.forget(uri);
    problems.fileChanged(uri);
  }

  /**
   * A bibliography buffer opened, changed or closed (its unsaved edits gone): if a document had
   * read the file, every document is checked against what it now says. Other JSON and YAML
   * buffers cost nothing.
   */
  async function bibliographyChanged(uri: string): Promise<void> {
    if (isProjectConfigOf(URI.parse(uri), workspaces.allFolders)) return projectConfigChanged(URI.parse(uri));
    problems.fileChanged(URI.parse(uri));
    if (await workspaces.forgetFile(URI.parse(uri))) recheckAll();
  }

  /**
   * A folder's `.tradecraft.yaml` changed (on disk or in its buffer): every folder reads its
   * settings again and every open document is checked again; the file's own problems are
   * published at once, even with no document open.
   */
  async function projectConfigChanged(file: URI): Promise<void> {
    workspaces.reset();
    settingsFiles.clear();
    index.clear();
    problems.clear();
    recheckAll();
    await workspaces.stateOf(workspaces.folderOf(file));
  }

  function contentChanged(uri: string): void {
    if (!isBibliographyBuffer(uri)) problems.documentChanged(uri);
    const changed = isBibliographyBuffer(uri) ? bibliographyChanged(uri) : publisher.schedule(uri);
    changed.catch(logError);
  }
  connection.onDidOpenTextDocument(({ textDocument: { uri, version, text } }) => {
    documents.opened(uri, version, text);
    contentChanged(uri);
  });
  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    if (documents.changed(uri, version, contentChanges)) contentChanged(uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    if (!documents.closed(uri)) return;
    if (isBibliographyBuffer(uri)) bibliographyChanged(uri).catch(logError);
    else {
      publisher.clear(uri);
      problems.documentChanged(uri);
    }
  });

  const hoverFromAnalysis = onDocument('hover', (analysis, params: HoverParams) => {
    const hover = features.hover(analysis, offsetOf(analysis, params));
    return hover ? toLspHover(hover, lines(analysis)) : null;
  }, null);
  connection.onHover((params, token) => hoverFromSettled(params) ?? hoverFromAnalysis(params, token));

  /**
   * A hover right after an edit, answered at once from the last finished analysis where the edit
   * moved nothing under the hover (the current text's may take a while on a large document);
   * undefined when it must wait for the current text's analysis.
   */
  function hoverFromSettled(params: HoverParams): LspHover | null | undefined {
    const settled = documents.settledAnalysisOf(params.textDocument.uri);
    if (!settled) return undefined;
    const { analysis, shift, lines: current } = settled;
    const at = shift.back(current.offsetAt(params.position));
    if (at === undefined) return undefined;
    const hover = features.hover(analysis, at);
    if (!hover) return null;
    const start = shift.forward(hover.span.start);
    const end = shift.forward(hover.span.end);
    // A hover over text the edit changed must wait.
    if (start === undefined || end === undefined || end - start !== hover.span.end - hover.span.start) return undefined;
    return toLspHover({ ...hover, span: { start, end } }, current);
  }
  connection.onDefinition(onDocument('definition', (analysis, params) => toLspLocations(features.definition(analysis, offsetOf(analysis, params))), []));
  connection.onReferences(onDocument('references', (analysis, params) => toLspLocations(features.references(analysis, offsetOf(analysis, params), params.context.includeDeclaration)), []));
  connection.onPrepareRename(onDocument('prepareRename', (analysis, params) => {
    const { span, placeholder } = features.prepareRename(analysis, offsetOf(analysis, params));
    return { range: lines(analysis).rangeOf(span), placeholder };
  }, null));
  connection.onRenameRequest(onDocument('rename', (analysis, params) => toLspWorkspaceEdit(features.rename(analysis, offsetOf(analysis, params), params.newName)), null));
  connection.onCompletion(onDocument('completion', (analysis, params) => toLspCompletionList(features.completions(analysis, offsetOf(analysis, params)), lines(analysis)), []));
  connection.onCodeAction(onDocument('codeAction', (analysis, params) => {
    const span = { start: lines(analysis).offsetAt(params.range.start), end: lines(analysis).offsetAt(params.range.end) };
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
    const fixes = wants(CodeActionKind.QuickFix) ? features.quickFixes(analysis, span) : [];
    const refactorings = wants(CodeActionKind.RefactorRewrite) && span.end > span.start ? features.wrapRefactorings(analysis, span) : [];
    const snippets = clientCapabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    return [...fixes, ...refactorings].map((action) => toLspCodeAction(action, params.textDocument.uri, params.context.diagnostics, snippets));
  }, []));
  connection.onDocumentSymbol(onDocument('documentSymbol', (analysis) => features.documentSymbols(analysis).map(toLspDocumentSymbol), []));
  connection.onFoldingRanges(onDocument('foldingRange', (analysis) => features.foldingRanges(analysis), []));
  connection.onDocumentLinks(onDocument('documentLink', (analysis) => features.documentLinks(analysis), []));
  connection.onCodeLens(onDocument('codeLens', (analysis, params) => features.supportLenses(analysis).map((lens) => toLspCodeLens(lens, params.textDocument.uri)), []));
  connection.onRequest(DOCUMENT_SUMMARY_REQUEST, onCheckedDocument<DocumentSummaryParams, DocumentSummary>('documentSummary', documentSummary));
  connection.onRequest(SOURCE_LINKS_REQUEST, onCheckedDocument<SourceLinksParams, SourceLinks>('sourceLinks', sourceLinks));
  connection.onRequest(EVIDENCE_MATRIX_REQUEST, onCheckedDocument<EvidenceMatrixParams, EvidenceMatrix>('evidenceMatrix', evidenceMatrix));
  connection.onRequest(EXPORT_REQUEST, onCheckedDocument<ExportParams, ExportResult>('export', (analysis, params) => exportDocument(analysis, params)));

  /** A request of Tradecraft's own on an open document: null for one the settings leave unchecked. */
  function onCheckedDocument<P extends { textDocument: { uri: string } }, R>(name: string, handler: (analysis: Analysis, params: P) => R) {
    const fromAnalysis = onDocument<P, R | null>(name, handler, null);
    return async (params: P, token: CancellationToken) => ((await isChecked(params.textDocument.uri)) ? fromAnalysis(params, token) : null);
  }

  /** Whether the settings let an open document be checked; when they cannot be read, the request says why. */
  async function isChecked(uri: string): Promise<boolean> {
    return documents.get(uri) !== undefined && (await documents.ownerOf(uri).then((owner) => owner.checked, () => true));
  }
  connection.onRequest(OPEN_PROBLEMS_REQUEST, async () => {
    try {
      return await problems.list();
    } catch (error) {
      logError(error);
      return new ResponseError(ErrorCodes.InternalError, `Tradecraft could not list the open problems: ${String(error)}`);
    }
  });
  connection.onWorkspaceSymbol(async (params, token) => {
    try {
      return await index.symbols(params.query, token);
    } catch (error) {
      logError(error);
      return new ResponseError(ErrorCodes.InternalError, `Tradecraft could not list workspace symbols: ${String(error)}`);
    }
  });

  connection.listen();
}
