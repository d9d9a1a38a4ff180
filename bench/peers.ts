/**
 * The peers the benchmark sets Tradecraft against, each run the way an editor runs it:
 * VS Code's own Markdown language service (`vscode-markdown-languageservice`, its link
 * diagnostics over a markdown-it tokenization, on an in-memory workspace, through the pull
 * diagnostics manager VS Code's Markdown server uses), in this process, and markdownlint's
 * default rules on the text. `markdownServerPeer.ts` runs the same service as VS Code's server.
 */
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { CancellationToken, Emitter, type Event } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createLanguageService,
  DiagnosticLevel,
  githubSlugifier,
  LogLevel,
  type DiagnosticOptions,
  type IMdParser,
  type IPullDiagnosticsManager,
  type ITextDocument,
  type IWorkspaceWithWatching,
  type Token,
} from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

/** VS Code's settings with `markdown.validate.enabled` on: every link check reported. */
export const VALIDATE_ALL: DiagnosticOptions = {
  validateReferences: DiagnosticLevel.warning,
  validateFragmentLinks: DiagnosticLevel.warning,
  validateFileLinks: DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: DiagnosticLevel.hint,
  validateDuplicateLinkDefinitions: DiagnosticLevel.warning,
  ignoreLinks: [],
};

const never = <T>(): Event<T> => new Emitter<T>().event;

/** One folder of Markdown documents held in memory; a change is announced as an editor would. */
class MemoryWorkspace implements IWorkspaceWithWatching {
  readonly documents = new Map<string, ITextDocument>();
  readonly changed = new Emitter<ITextDocument>();
  readonly onDidChangeMarkdownDocument = this.changed.event;
  readonly onDidCreateMarkdownDocument = never<ITextDocument>();
  readonly onDidDeleteMarkdownDocument = never<URI>();

  constructor(private readonly folder: URI) {}

  get workspaceFolders(): readonly URI[] {
    return [this.folder];
  }

  async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
    return this.documents.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.documents.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
    return this.documents.get(resource.toString());
  }

  async stat(resource: URI): Promise<{ isDirectory: boolean } | undefined> {
    if (this.documents.has(resource.toString())) return { isDirectory: false };
    return resource.toString() === this.folder.toString() ? { isDirectory: true } : undefined;
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, { isDirectory: boolean }]>> {
    const prefix = `${resource.toString()}/`;
    return [...this.documents.keys()].filter((uri) => uri.startsWith(prefix)).map((uri) => [uri.slice(prefix.length), { isDirectory: false }] as const);
  }

  watchFile() {
    return { dispose() {}, onDidCreate: never<URI>(), onDidChange: never<URI>(), onDidDelete: never<URI>() };
  }
}

/** markdown-it as VS Code's Markdown extension configures it, its tokens kept per document version as VS Code keeps them. */
export function markdownItParser(): IMdParser {
  const markdownIt = new MarkdownIt({ html: true });
  let cached: { uri: string; version: number; tokens: Token[] } | undefined;
  return {
    slugifier: githubSlugifier,
    async tokenize(document) {
      if (cached?.uri !== document.uri || cached.version !== document.version) {
        cached = { uri: document.uri, version: document.version, tokens: markdownIt.parse(document.getText(), {}) };
      }
      return cached.tokens;
    },
  };
}

/** VS Code's Markdown language service with one open document, diagnosed after each change. */
export class MarkdownLanguageServicePeer {
  private readonly workspace: MemoryWorkspace;
  private readonly diagnostics: IPullDiagnosticsManager;
  private readonly uri: URI;
  private version = 0;

  constructor() {
    const folder = URI.file('/bench');
    this.uri = URI.file('/bench/doc.md');
    this.workspace = new MemoryWorkspace(folder);
    const service = createLanguageService({ workspace: this.workspace, parser: markdownItParser(), logger: { level: LogLevel.Off, log() {} } });
    this.diagnostics = service.createPullDiagnosticsManager();
  }

  /** Sets the document's text (a new version, announced as changed) and computes its diagnostics. */
  async diagnose(text: string): Promise<number> {
    const document = TextDocument.create(this.uri.toString(), 'markdown', ++this.version, text);
    this.workspace.documents.set(document.uri, document);
    this.workspace.changed.fire(document);
    return (await this.diagnostics.computeDiagnostics(document, VALIDATE_ALL, CancellationToken.None)).length;
  }
}

/** markdownlint's default rules on one string; the number of problems it found. */
export async function markdownlint(text: string): Promise<number> {
  const results = await lint({ strings: { doc: text } });
  return results['doc']?.length ?? 0;
}
