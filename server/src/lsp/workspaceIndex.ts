import type { CancellationToken, SymbolInformation, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { URI } from 'vscode-uri';
import { matchWorkspaceSymbols, scanMarkers, type ScannedMarker } from '../features/workspaceSymbols.js';
import type { Host } from '../host.js';
import { SYMBOL_KIND } from './convert.js';
import type { Workspaces } from './workspaces.js';

/**
 * Markers of every Markdown file of the workspace, from a fast scan rather than a full parse.
 * Open documents are scanned from their buffers; other files once, until they change on disk.
 */
export class WorkspaceIndex {
  private readonly scans = new Map<string, ScannedMarker[]>();

  constructor(
    private readonly host: Host,
    private readonly workspaces: Workspaces,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  forget(uri: URI): void {
    this.scans.delete(uri.toString());
  }

  clear(): void {
    this.scans.clear();
  }

  async symbols(query: string, token: CancellationToken): Promise<SymbolInformation[]> {
    const files: { uri: string; markers: ScannedMarker[] }[] = [];
    for (const folder of this.workspaces.allFolders) {
      const { settings } = await this.workspaces.stateOf(folder);
      for (const file of await this.host.listFiles(folder, settings.include, settings.exclude)) {
        if (token.isCancellationRequested) return [];
        files.push({ uri: file.toString(), markers: await this.scan(file) });
      }
    }
    return matchWorkspaceSymbols(files, query).map((symbol) => ({
      name: symbol.name,
      kind: SYMBOL_KIND[symbol.kind],
      location: { uri: symbol.uri, range: symbol.range },
    }));
  }

  private async scan(file: URI): Promise<ScannedMarker[]> {
    const key = file.toString();
    const open = this.documents.get(key);
    if (open) return scanMarkers(open.getText());
    let markers = this.scans.get(key);
    if (!markers) {
      const read = await this.host.readFile(file);
      markers = read.kind === 'text' ? scanMarkers(read.text) : [];
      this.scans.set(key, markers);
    }
    return markers;
  }
}
