import { isDeepStrictEqual } from 'node:util';
import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { Superseded, type DocumentStore } from '../documentStore.js';
import type { DocumentationLinks } from '../service.js';
import { toLspDiagnostic } from './convert.js';
import type { FolderOwner } from './workspaces.js';

/**
 * Publishes diagnostics a short delay after the last change of a document (the folder's
 * `diagnosticsDelay`), only while the document still holds the text they were computed for.
 * Diagnostics kept from an older text, when only prose changed since, are computed afresh once
 * the typing stops. When the analysis fails, it publishes one diagnostic that says so rather than
 * leave the previous version's diagnostics shown as current.
 */
/**
 * How long after diagnostics kept from an older text (only prose changed since) they are computed
 * afresh, if no edit came in between: once the typing stops, whatever the words changed shows.
 */
const CONFIRM_KEPT_AFTER_MS = 500;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped when everything is checked again: a publish begun before then is dropped. */
  private generation = 0;
  /** The diagnostics last published as kept from an older text, until they are computed afresh. */
  private readonly kept = new Map<string, { readonly text: string; readonly diagnostics: readonly LspDiagnostic[] }>();

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
    this.kept.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async delayOf(uri: string): Promise<number> {
    return (await this.documents.ownerOf(uri)).settings.diagnosticsDelay;
  }

  /** `fresh`: computed afresh, to confirm diagnostics kept from an older text (see `DocumentStore.diagnosticsOf`). */
  private async publish(uri: string, fresh = false): Promise<void> {
    this.timers.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const generation = this.generation;
    const result = await this.diagnosticsOf(uri, document.text, fresh).catch((error: unknown) => (error instanceof Superseded ? undefined : { diagnostics: this.failure(uri, error), kept: false }));
    const current = this.documents.get(uri);
    if (!result || generation !== this.generation || current?.text !== document.text) return;
    const kept = this.kept.get(uri);
    this.kept.delete(uri);
    // Diagnostics confirmed as they were kept are not sent again: an editor redraws, and drops the requests under way, on every publish.
    if (fresh && kept?.text === document.text && isDeepStrictEqual(kept.diagnostics, result.diagnostics)) return;
    await this.connection.sendDiagnostics({ uri, version: current.version, diagnostics: result.diagnostics });
    if (!result.kept || this.timers.has(uri)) return;
    this.kept.set(uri, { text: document.text, diagnostics: result.diagnostics });
    this.timers.set(uri, setTimeout(() => this.publish(uri, true).catch(this.onError), CONFIRM_KEPT_AFTER_MS));
  }

  /** The diagnostics of `text`, rejecting with `Superseded` once the document holds another text. */
  private async diagnosticsOf(uri: string, text: string, fresh: boolean): Promise<{ diagnostics: LspDiagnostic[]; kept: boolean }> {
    const result = await this.documents.diagnosticsOf(uri, { fresh });
    if (result.document.text !== text) throw new Superseded(uri);
    return { diagnostics: result.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, this.documentation)), kept: result.kept };
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
