import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { claimIdAt, markdownItMarkers } from '../../server/src/preview/markdownItMarkers.js';

/** What the extension gives VS Code's Markdown preview: the markers rendered, unsupported claims flagged. */
export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  return md.use(markdownItMarkers, { unsupportedClaims });
}

/**
 * The claims of the rendered document that the server found unsupported, by the line and id of
 * their opening, from the diagnostics the editor already holds: the preview reads no file.
 */
function unsupportedClaims(env: unknown): ((claim: { line: number; id: string | undefined }) => boolean) | undefined {
  const uri = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
  const document = uri && vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
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
  let timer: NodeJS.Timeout | undefined;
  const subscription = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
    let changed = false;
    for (const uri of uris) {
      const now = unsupportedDiagnostics(uri).map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character}`).join(',');
      if ((shown.get(uri.toString()) ?? '') !== now) changed = true;
      shown.set(uri.toString(), now);
    }
    if (!changed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh'), 300);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}
