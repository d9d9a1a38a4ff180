import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Host } from '../../server/src/host.js';
import { startServer } from '../../server/src/lsp/server.js';
import { CHECKOUT } from '../support/documentation.js';

const BIN = fileURLToPath(new URL('../../../bin/tradecraft', import.meta.url));

export interface ClientOptions {
  /** The workspace folder, a path on disk. */
  readonly workspace: string;
  /** The `tradecraft` section the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** The client takes snippet edits in code actions (LSP 3.18), as VS Code does. */
  snippetEdits?: boolean;
}

/**
 * A language client for tests: it starts the real server (`tradecraft lsp --stdio`) as a child
 * process, or in this process over a host the test gives, and speaks JSON-RPC to it, answering
 * configuration requests like an editor would.
 */
export class LspTestClient {
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  readonly configurationRequests: unknown[] = [];
  /** What the server asked the client to register (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly logs: string[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly options: ClientOptions,
    /** Ends the server; undefined for a server in this process, which must not exit it. */
    private readonly kill: (() => void) | undefined,
  ) {}

  static start(options: ClientOptions): Promise<LspTestClient> {
    const server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: 'pipe' });
    return LspTestClient.connect(options, server.stdout, server.stdin, () => server.kill());
  }

  /** The server in this process, reading files through `host`: a test can make the host fail. */
  static startInProcess(options: ClientOptions, host: Host): Promise<LspTestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), host, CHECKOUT);
    return LspTestClient.connect(options, toClient, toServer, undefined);
  }

  private static async connect(options: ClientOptions, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, kill: (() => void) | undefined): Promise<LspTestClient> {
    const connection = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
    const client = new LspTestClient(connection, options, kill);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params);
      client.published.set(params.uri, list);
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      client.configurationRequests.push(params);
      return params.items.map(() => client.options.settings ?? {});
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.listen();
    const root = pathToFileURL(options.workspace).href;
    await connection.sendRequest('initialize', {
      // A server in this process would watch its own process id, and keep the test alive.
      processId: kill ? process.pid : null,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceFolders: true, workspaceEdit: { snippetEditSupport: options.snippetEdits === true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(path: string): string {
    return pathToFileURL(`${this.options.workspace}/${path}`).href;
  }

  open(path: string, text: string, languageId = 'markdown'): Promise<string> {
    return this.openUri(this.uri(path), text, languageId);
  }

  /** Opens a document by its URI as given, which need not name a file of the workspace. */
  async openUri(uri: string, text: string, languageId = 'markdown'): Promise<string> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /**
   * Applies edits (ranges in the current text, or the whole text) and returns the new version:
   * the next one, unless `version` says otherwise (a client that breaks the rule that versions increase).
   */
  async change(uri: string, changes: ({ range: { start: Position; end: Position }; text: string } | { text: string })[], version = (this.versions.get(uri) ?? 0) + 1): Promise<number> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.options.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tradecraft: settings } });
  }

  publications(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Waits (polling, never sleeping blindly) until diagnostics for `uri` satisfy `accept`. */
  async diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.publications(uri).at(-1);
      if (latest && accept(latest)) return latest.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics published for the document's current version. */
  async currentDiagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    return this.diagnostics(uri, (params) => params.version === version, timeoutMs);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      if (this.kill) await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.kill?.();
    }
  }
}

export interface Position {
  line: number;
  character: number;
}

/** The position of the `n`th occurrence of `needle` in `text` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 1): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" not found`);
  }
  const offset = at + shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}
