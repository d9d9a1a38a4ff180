import * as vscode from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';

/** What a support lens runs (`SHOW_MARKERS_COMMAND`): the markers that weigh a claim or hypothesis, in VS Code's references view. */
export function showMarkersCommand(client: LanguageClient): (uri: string, position: Position, locations: Location[]) => Thenable<unknown> {
  const convert = client.protocol2CodeConverter;
  return (uri, position, locations) =>
    vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), convert.asPosition(position), locations.map((location) => convert.asLocation(location)));
}
