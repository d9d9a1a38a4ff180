import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import { IncrementalParser } from '../parse/incrementalParser.js';
import type { OpenDocuments } from './openDocuments.js';
import type { Workspaces } from './workspaces.js';

/** How long an analysis may hold the event loop before it lets edits and requests be read. */
const TIME_SLICE_MS = 10;

/** An analysis given up because the document's text changed (or it closed) before it was done. */
export class Superseded extends Error {
  constructor(uri: string) {
    super(`${uri} changed before its analysis was done`);
  }
}

/**
 * One analysis per text of a document, shared by diagnostics and every request. A request is
 * answered from the document's text as it is now; an analysis of a text that an edit replaced
 * is given up at its next pause (between blocks), so that nothing waits for the whole of it.
 */
export class Analyses {
  private readonly entries = new Map<string, { text: string; analysis: Promise<Analysis> }>();
  /** Per document, the parser that keeps its blocks between versions. */
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(
    private readonly workspaces: Workspaces,
    private readonly documents: OpenDocuments,
  ) {}

  /** The analysis of the document's current text; rejects with `Superseded` if the text changes first. */
  latest(document: TextDocument): Promise<Analysis> {
    const text = document.getText();
    const cached = this.entries.get(document.uri);
    if (cached?.text === text) return cached.analysis;
    const analysis = this.analyze(document.uri, text);
    const entry = { text, analysis };
    this.entries.set(document.uri, entry);
    analysis.catch(() => this.entries.get(document.uri) === entry && this.entries.delete(document.uri));
    return analysis;
  }

  /** The document closed: drop its analysis and its parsed blocks. */
  forget(uri: string): void {
    this.entries.delete(uri);
    this.parsers.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private async analyze(uriText: string, text: string): Promise<Analysis> {
    const uri = URI.parse(uriText);
    const workspaceFolder = this.workspaces.folderOf(uri);
    const { service } = await this.workspaces.stateOf(workspaceFolder);
    let parser = this.parsers.get(uriText);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(uriText, parser);
    }
    return service.analyze({ uri, text, workspaceFolder, parser, pause: this.pauseWhileCurrent(uriText, text) });
  }

  /** Yields to the event loop once a time slice is used up, and gives up once the text is no longer the document's. */
  private pauseWhileCurrent(uri: string, text: string): () => Promise<void> {
    let sliceStart = Date.now();
    return async () => {
      if (Date.now() - sliceStart >= TIME_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      if (this.documents.get(uri)?.getText() !== text) throw new Superseded(uri);
    };
  }
}
