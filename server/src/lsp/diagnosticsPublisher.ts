import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { Superseded, type DocumentStore } from '../documentStore.js';
import type { DocumentationLinks } from '../service.js';
import { toLspDiagnostic } from './convert.js';
import type { FolderOwner } from './workspaces.js';

/**
 * Publishes diagnostics a short delay after the last change of a document (the folder's
 * `diagnosticsDelay`), only while the document still holds the text they were computed for.
 * When the analysis fails, it publishes one diagnostic that says so rather than leave the
 * previous version's diagnostics shown as current.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped when everything is checked again: a publish begun before then is dropped. */
  private generation = 0;

  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics'>,
    private readonly documents: Pick<DocumentStore<FolderOwner>, 'get' | 'all' | 'ownerOf' | 'diagnosticsOf'>,
    private readonly onError: (error: unknown) => void,
    private readonly documentation: DocumentationLinks,
  ) {}

  async schedule(uri: string): Promise<void> {
    // Settings that cannot be read delay nothing: the publish reports why it failed.
    const delay = await this.delayOf(uri).catch(() => 0);
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => this.publish(uri).catch(this.onError), delay));
  }

  scheduleAll(): void {
    this.generation++;
    for (const document of this.documents.all()) this.schedule(document.uri).catch(this.onError);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async delayOf(uri: string): Promise<number> {
    return (await this.documents.ownerOf(uri)).settings.diagnosticsDelay;
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const generation = this.generation;
    const diagnostics = await this.diagnosticsOf(uri, document.text).catch((error: unknown) => (error instanceof Superseded ? undefined : this.failure(uri, error)));
    const current = this.documents.get(uri);
    if (!diagnostics || generation !== this.generation || current?.text !== document.text) return;
    await this.connection.sendDiagnostics({ uri, version: current.version, diagnostics });
  }

  /** The diagnostics of `text`, rejecting with `Superseded` once the document holds another text. */
  private async diagnosticsOf(uri: string, text: string): Promise<LspDiagnostic[]> {
    const result = await this.documents.diagnosticsOf(uri);
    if (result.document.text !== text) throw new Superseded(uri);
    return result.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, this.documentation));
  }

  private failure(uri: string, error: unknown): LspDiagnostic[] {
    this.onError(new Error(`Tradecraft could not check ${uri}`, { cause: error }));
    this.onError(error);
    const reason = oneLine(error instanceof Error ? error.message : String(error), 200);
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: 'tradecraft',
      message: `Tradecraft could not check this version of the document (${reason}), so it shows no other diagnostics for it. The error is in the Tradecraft output.`,
    }];
  }
}

/** A message as one line of at most `length` characters: a reason, not a quotation of what failed. */
function oneLine(message: string, length: number): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
