import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analyses } from './analyses.js';
import { toLspDiagnostic } from './convert.js';
import type { Workspaces } from './workspaces.js';

/**
 * Publishes diagnostics a short delay after the last change of a document (the folder's
 * `diagnosticsDelay`), and never for a version older than one already published.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, number>();
  /** Bumped when everything is checked again: a publish begun before then is dropped. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: Analyses,
    private readonly workspaces: Workspaces,
    private readonly onError: (error: unknown) => void,
  ) {}

  async schedule(uri: string): Promise<void> {
    clearTimeout(this.timers.get(uri));
    const folder = this.workspaces.folderOf(URI.parse(uri));
    const { diagnosticsDelay } = (await this.workspaces.stateOf(folder)).settings;
    this.timers.set(uri, setTimeout(() => this.publish(uri).catch(this.onError), diagnosticsDelay));
  }

  scheduleAll(): void {
    this.generation++;
    this.published.clear();
    for (const document of this.documents.all()) this.schedule(document.uri).catch(this.onError);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const { version } = document;
    const generation = this.generation;
    const diagnostics = await this.diagnosticsOf(document);
    const stale = generation !== this.generation || this.documents.get(uri)?.version !== version;
    if (stale || (this.published.get(uri) ?? -1) >= version) return;
    this.published.set(uri, version);
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** A document that include/exclude leave out gets none, and is not analysed for them. */
  private async diagnosticsOf(document: TextDocument) {
    const uri = URI.parse(document.uri);
    if (!(await this.workspaces.isChecked(uri))) return [];
    const analysis = await this.analyses.latest(document);
    const { service } = await this.workspaces.stateOf(this.workspaces.folderOf(uri));
    return service.computeDiagnostics(analysis).map(toLspDiagnostic);
  }
}
