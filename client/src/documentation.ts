import * as vscode from 'vscode';

/**
 * `Tradecraft: Show Documentation`, with a code (the links of the settings' descriptions) or
 * without: opens the `docs/diagnostics.md` shipped with the extension on the code's section, the
 * line the server's links select (`#### \`code\``), or at its top.
 */
export function documentationCommand(extensionUri: vscode.Uri): (code?: unknown) => Promise<void> {
  return async (code) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extensionUri, 'docs/diagnostics.md'));
    const heading = typeof code === 'string' ? document.getText().split(/\r?\n/).indexOf(`#### \`${code}\``) : -1;
    const start = new vscode.Position(Math.max(heading, 0), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, start), preview: true });
  };
}
