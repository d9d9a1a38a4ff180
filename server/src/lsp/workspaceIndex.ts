import pMap from 'p-map';
import type { CancellationToken, SymbolInformation } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { IndexedMarker } from '../features/workspaceSymbols.js';
import { MAX_DOCUMENT_BYTES, type Host } from '../host.js';
import { Superseded, type DocumentStore } from '../documentStore.js';
import { workspaceScan } from '../service.js';
import { SYMBOL_KIND } from './convert.js';
import type { Workspaces } from './workspaces.js';

/** How many files the index reads at a time: the file system serves several reads at once. */
const READ_AT_ONCE = 16;

/**
 * Markers of every Markdown file of the workspace. Open documents come from their analysis;
 * other files from a fast scan rather than a full parse, once, until they change on disk. A
 * document that cannot be read or analysed adds nothing, and costs the others nothing.
 */
export class WorkspaceIndex {
  private readonly scans = new Map<string, IndexedMarker[]>();

  constructor(
    private readonly host: Host,
    private readonly workspaces: Workspaces,
    private readonly documents: Pick<DocumentStore, 'get' | 'all' | 'analysisOf'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  forget(uri: URI): void {
    this.scans.delete(uri.toString());
  }

  clear(): void {
    this.scans.clear();
  }

  async symbols(query: string, token: CancellationToken): Promise<SymbolInformation[]> {
    const list = await this.listedFiles();
    const seen = new Set(list.map((file) => file.toString()));
    // Each file is scanned as soon as it is read, while the next reads are under way.
    const files = await pMap(list, async (file) => ({ uri: file.toString(), markers: token.isCancellationRequested ? [] : await this.orNone(file.toString(), () => this.markersOf(file)) }), { concurrency: READ_AT_ONCE });
    if (token.isCancellationRequested) return [];
    for (const document of this.documents.all().filter((open) => !seen.has(open.uri))) {
      files.push({ uri: document.uri, markers: await this.orNone(document.uri, () => this.openMarkers(document.uri)) });
    }
    return workspaceScan.matchWorkspaceSymbols(files, query).map((symbol) => ({
      name: symbol.name,
      kind: SYMBOL_KIND[symbol.outline],
      location: { uri: symbol.uri, range: symbol.range },
    }));
  }

  /** The Markdown files of every workspace folder that its `include`/`exclude` settings take in, each once. */
  async listedFiles(): Promise<URI[]> {
    const files = new Map<string, URI>();
    for (const folder of this.workspaces.allFolders) {
      const { settings } = await this.workspaces.stateOf(folder);
      for (const file of await this.host.listFiles(folder, settings.include, settings.exclude)) files.set(file.toString(), file);
    }
    return [...files.values()];
  }

  private async orNone(uri: string, markers: () => Promise<IndexedMarker[]>): Promise<IndexedMarker[]> {
    try {
      return await markers();
    } catch (error) {
      this.onError(new Error(`Workspace symbols: ${uri} left out`, { cause: error }));
      this.onError(error);
      return [];
    }
  }

  /** The markers of an open document's newest version (an edit during the analysis asks again). */
  private async openMarkers(uri: string): Promise<IndexedMarker[]> {
    while (this.documents.get(uri)) {
      try {
        return workspaceScan.indexedMarkers(await this.documents.analysisOf(uri));
      } catch (error) {
        if (!(error instanceof Superseded)) throw error;
      }
    }
    return [];
  }

  private async markersOf(file: URI): Promise<IndexedMarker[]> {
    const key = file.toString();
    if (this.documents.get(key)) return this.openMarkers(key);
    let markers = this.scans.get(key);
    if (!markers) {
      const read = await this.host.readFile(file, MAX_DOCUMENT_BYTES);
      markers = read.kind === 'text' ? workspaceScan.scanMarkers(read.text) : [];
      this.scans.set(key, markers);
    }
    return markers;
  }
}
