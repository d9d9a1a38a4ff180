import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import { IncrementalParser } from '../parse/incrementalParser.js';
import type { Workspaces } from './workspaces.js';

/**
 * One analysis per document version, shared by diagnostics and every request. A request is
 * answered from the newest version of its document; an older analysis is dropped when a newer
 * version is asked for.
 */
export class Analyses {
  private readonly entries = new Map<string, { version: number; analysis: Promise<Analysis> }>();
  /** Per document, the parser that keeps its blocks between versions. */
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(private readonly workspaces: Workspaces) {}

  latest(document: TextDocument): Promise<Analysis> {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = this.analyze(document);
    const entry = { version: document.version, analysis };
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

  private async analyze(document: TextDocument): Promise<Analysis> {
    const uri = URI.parse(document.uri);
    const workspaceFolder = this.workspaces.folderOf(uri);
    const { service } = await this.workspaces.stateOf(workspaceFolder);
    let parser = this.parsers.get(document.uri);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(document.uri, parser);
    }
    return service.analyze({ uri, text: document.getText(), workspaceFolder, parser });
  }
}
