import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SECTION = 'tradecraft';

/**
 * Answers the server's `workspace/configuration` request for section `tradecraft` with the
 * merged settings of the scope plus where the bibliography files come from, so that the server
 * can tell the files the user named from the files a workspace named:
 * `userBibliography`, `workspaceBibliography` and `workspaceTrusted`.
 */
export const configurationMiddleware: NonNullable<Middleware['workspace']> = {
  async configuration(params, token, next) {
    const result = await next(params, token);
    if (!Array.isArray(result)) return result;
    return params.items.map((item, index) =>
      item.section === SECTION ? withOrigins(result[index], item.scopeUri) : result[index],
    );
  },
};

function withOrigins(merged: unknown, scopeUri: string | undefined | null): object {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const bibliography = vscode.workspace.getConfiguration(SECTION, scope).inspect<string[]>('bibliography');
  const workspaceBibliography = [
    ...new Set([...strings(bibliography?.workspaceFolderValue), ...strings(bibliography?.workspaceValue)]),
  ];
  return {
    ...(typeof merged === 'object' && merged !== null ? merged : {}),
    userBibliography: strings(bibliography?.globalValue),
    workspaceBibliography,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}

/** A setting's value as a list of strings, whatever the user wrote. */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
