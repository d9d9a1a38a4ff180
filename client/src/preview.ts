import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { claimIdAt, markdownItMarkers } from '../../server/src/preview/markdownItMarkers.js';
import type { SourceLinks } from '../../server/src/protocol.js';

/**
 * What the extension gives VS Code's Markdown preview: the markers rendered, unsupported claims
 * flagged, citations linked to their sources' URLs as the server last gave them.
 */
export function markdownItExtender(links: PreviewSourceLinks): (md: MarkdownIt) => MarkdownIt {
  return (md) => md.use(markdownItMarkers, { unsupportedClaims, sourceUrl: (key, env) => links.urlOf(documentOf(env), key) });
}

/** The open document a preview renders, from markdown-it's environment. */
function documentOf(env: unknown): vscode.TextDocument | undefined {
  const uri = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
  return uri && vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
}

/**
 * The source links of each previewed document, asked of the server once per version of it. The
 * preview renders synchronously, so a render uses the links it has and a newer answer that
 * changes them renders the preview again.
 */
export class PreviewSourceLinks {
  private readonly known = new Map<string, { readonly version: number; readonly links: SourceLinks }>();
  private readonly asked = new Map<string, number>();

  constructor(private readonly request: (uri: vscode.Uri) => Promise<SourceLinks | null>) {}

  urlOf(document: vscode.TextDocument | undefined, key: string): string | undefined {
    if (!document) return undefined;
    const uri = document.uri.toString();
    const known = this.known.get(uri);
    if (known?.version !== document.version && this.asked.get(uri) !== document.version) this.ask(document);
    return known?.links[key];
  }

  private ask(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const { version } = document;
    this.asked.set(uri, version);
    this.request(document.uri).then(
      (answer) => {
        const links = answer ?? {};
        const before = this.known.get(uri)?.links ?? {};
        this.known.set(uri, { version, links });
        if (JSON.stringify(links) !== JSON.stringify(before)) refreshPreviews();
      },
      // An edit overtook the question: the render of the newer version asks again.
      () => this.asked.delete(uri),
    );
  }
}

/**
 * The claims of the rendered document that the server found unsupported, by the line and id of
 * their opening, from the diagnostics the editor already holds: the preview reads no file.
 */
function unsupportedClaims(env: unknown): ((claim: { line: number; id: string | undefined }) => boolean) | undefined {
  const document = documentOf(env);
  if (!document) return undefined;
  const flagged = new Set(unsupportedDiagnostics(document.uri).map((diagnostic) => claimKey(diagnostic.range.start.line, claimIdAt(document.getText(), document.offsetAt(diagnostic.range.start)))));
  return flagged.size === 0 ? undefined : ({ line, id }) => flagged.has(claimKey(line, id));
}

function unsupportedDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'tradecraft' && codeOf(diagnostic) === 'unsupported-claim');
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

function claimKey(line: number, id: string | undefined): string {
  return `${line}:${id ?? ''}`;
}

/**
 * The preview renders when the document changes, not when its diagnostics do: it is refreshed
 * once the unsupported claims of a Markdown document change, so that their flags follow.
 */
export function refreshPreviewOnDiagnostics(): vscode.Disposable {
  const shown = new Map<string, string>();
  const subscription = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
    let changed = false;
    for (const uri of uris) {
      const now = unsupportedDiagnostics(uri).map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character}`).join(',');
      if ((shown.get(uri.toString()) ?? '') !== now) changed = true;
      shown.set(uri.toString(), now);
    }
    if (changed) refreshPreviews();
  });
  return new vscode.Disposable(() => {
    clearTimeout(refreshTimer);
    subscription.dispose();
  });
}

let refreshTimer: NodeJS.Timeout | undefined;

/** Renders the open previews again, once for changes that come together. */
function refreshPreviews(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh'), 300);
}
