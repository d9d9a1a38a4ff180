import * as vscode from 'vscode';

/**
 * `Tradecraft: New Analysis`: an untitled Markdown document holding the skeleton of the
 * `tradecraft-analysis` snippet (the one text `tradecraft new` writes too), which VS Code asks
 * where to save on the first save. The snippet's body has no tab stop, so it reads as plain text.
 */
export function newAnalysisCommand(extensionUri: vscode.Uri): () => Promise<vscode.TextEditor> {
  return async () => {
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'markdown.json'))));
    const content = (snippets['tradecraft-analysis'].body as string[]).join('\n');
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
  };
}
