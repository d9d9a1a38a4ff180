/**
 * VS Code's Markdown language server (`vscode-markdown-languageserver`) run as VS Code runs it:
 * a process of its own over JSON-RPC on stdio, its settings pushed as the Markdown extension
 * pushes them, its diagnostics pulled after each change, and its requests answered as the
 * extension answers them: markdown-it tokens for `markdown/parse`, the real files of the
 * workspace folder for the file system requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { markdownItParser, VALIDATE_ALL } from './peers.js';

const SERVER = createRequire(import.meta.url).resolve('vscode-markdown-languageserver');

/** The extensions VS Code's Markdown extension gives the server (its `markdownFileExtensions`). */
const MARKDOWN_FILE_EXTENSIONS = ['md', 'mkd', 'mdwn', 'mdown', 'markdown', 'markdn', 'mdtxt', 'mdtext', 'workbook'];

/**
 * The `markdown` settings section with validation on at the levels of `VALIDATE_ALL` (the
 * service's levels are the settings' words), and VS Code's defaults for the rest the server reads.
 */
const MARKDOWN_SETTINGS = {
  server: { log: 'off' },
  suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
  occurrencesHighlight: { enabled: false },
  preferredMdPathExtensionStyle: 'auto',
  validate: {
    enabled: true,
    referenceLinks: { enabled: VALIDATE_ALL.validateReferences },
    fragmentLinks: { enabled: VALIDATE_ALL.validateFragmentLinks },
    fileLinks: { enabled: VALIDATE_ALL.validateFileLinks, markdownFragmentLinks: VALIDATE_ALL.validateMarkdownFileLinkFragments },
    unusedLinkDefinitions: { enabled: VALIDATE_ALL.validateUnusedLinkDefinitions },
    duplicateLinkDefinitions: { enabled: VALIDATE_ALL.validateDuplicateLinkDefinitions },
    ignoredLinks: VALIDATE_ALL.ignoreLinks,
  },
};

const isMarkdownPath = (path: string) => MARKDOWN_FILE_EXTENSIONS.includes(extname(path).slice(1).toLowerCase());

/** The server with one document open, diagnosed after each change. */
export class MarkdownServerPeer {
  private constructor(
    private readonly server: ChildProcess,
    private readonly connection: ProtocolConnection,
    private document: TextDocument,
  ) {}

  /** Starts the server on the workspace folder `workspace` (a path) and opens `uri` with `text`. */
  static async start(workspace: string, uri: string, text: string): Promise<MarkdownServerPeer> {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const peer = new MarkdownServerPeer(server, connection, TextDocument.create(uri, 'markdown', 1, text));
    peer.answerRequests(workspace);
    connection.listen();
    await peer.initialize(workspace);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return peer;
  }

  private answerRequests(workspace: string): void {
    const parser = markdownItParser();
    this.connection.onRequest('markdown/parse', ({ uri, text }: { uri: string; text?: string }) => this.documentToParse(uri, text).then((document) => (document ? parser.tokenize(document) : [])));
    this.connection.onRequest('markdown/fs/readFile', async ({ uri }: { uri: string }) => Array.from(await readFile(fileURLToPath(uri))));
    this.connection.onRequest('markdown/fs/stat', ({ uri }: { uri: string }) => stat(fileURLToPath(uri)).then((found) => ({ isDirectory: found.isDirectory() }), () => undefined));
    this.connection.onRequest('markdown/fs/readDirectory', async ({ uri }: { uri: string }) =>
      (await readdir(fileURLToPath(uri), { withFileTypes: true })).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
    );
    this.connection.onRequest('markdown/findMarkdownFilesInWorkspace', async () =>
      (await readdir(workspace, { recursive: true })).filter((path) => isMarkdownPath(path) && !path.split(/[\\/]/).includes('node_modules')).map((path) => pathToFileURL(`${workspace}/${path}`).href),
    );
    // Nothing changes the workspace's files while the benchmark types, so a watcher has nothing to report.
    this.connection.onRequest('markdown/fs/watcher/create', () => null);
    this.connection.onRequest('markdown/fs/watcher/delete', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
  }

  /** What VS Code tokenizes: the text sent along, the open document as the client holds it, or the file on disk. */
  private async documentToParse(uri: string, text: string | undefined): Promise<TextDocument | undefined> {
    if (text !== undefined) return TextDocument.create(uri, 'markdown', -1, text);
    if (uri === this.document.uri) return this.document;
    return readFile(fileURLToPath(uri), 'utf8').then((onDisk) => TextDocument.create(uri, 'markdown', 0, onDisk), () => undefined);
  }

  private async initialize(workspace: string): Promise<void> {
    const root = pathToFileURL(workspace).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
      initializationOptions: { markdownFileExtensions: MARKDOWN_FILE_EXTENSIONS },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false }, synchronization: { dynamicRegistration: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    // The server reads no `workspace/configuration`: VS Code's client pushes the `markdown` section (its `synchronize.configurationSection`).
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { markdown: MARKDOWN_SETTINGS } });
  }

  /** Sends `change` as an incremental `didChange`, then pulls the document's diagnostics. */
  async diagnose(change: TextDocumentContentChangeEvent): Promise<Diagnostic[]> {
    this.document = TextDocument.update(this.document, [change], this.document.version + 1);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.document.uri, version: this.document.version }, contentChanges: [change] });
    return this.pullDiagnostics();
  }

  async pullDiagnostics(): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: this.document.uri } });
    if (report.kind !== 'full' || !report.items) throw new Error(`bench: the Markdown server answered a ${report.kind} report`);
    return report.items;
  }

  /** Shuts the server down and waits for its process to end. */
  async close(): Promise<void> {
    const exited = once(this.server, 'exit');
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await exited;
    this.connection.dispose();
  }
}
