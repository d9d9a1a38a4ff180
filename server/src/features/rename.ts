import type { Analysis } from '../analysis/analysis.js';
import { ID_PATTERN, KEY_PATTERN } from '../language/names.js';
import type { Span, TextEdit, WorkspaceEdit } from '../types.js';
import { declarations, nameAt, uses, type Name } from './occurrences.js';

/** A rename that cannot be done, with the reason to show. */
export class RenameError extends Error {}

/** The span to rename at `offset` and its current text, or an error saying why nothing can be renamed there. */
export function prepareRename(analysis: Analysis, offset: number): { span: Span; placeholder: string } {
  const { name, span } = renameTarget(analysis, offset);
  return { span, placeholder: name.name };
}

function renameTarget(analysis: Analysis, offset: number): { name: Name; span: Span } {
  const named = nameAt(analysis, offset);
  if (!named) throw new RenameError('Only marker ids and source keys can be renamed.');
  if (named.name.kind === 'key' && declarations(analysis, named.name).length === 0) {
    throw new RenameError(`The source "${named.name.name}" is not defined anywhere this document can edit.`);
  }
  return named;
}

/** Renames an id or a source key everywhere in the document, and in the bibliography file that defines a key. */
export function rename(analysis: Analysis, offset: number, newName: string): WorkspaceEdit {
  const { name } = renameTarget(analysis, offset);
  checkNewName(name, newName);
  const edits = new Map<string, TextEdit[]>();
  for (const location of [...declarations(analysis, name), ...uses(analysis, name)]) {
    const list = edits.get(location.uri) ?? [];
    list.push({ range: location.range, newText: newName });
    edits.set(location.uri, list);
  }
  return edits;
}

function checkNewName(name: Name, newName: string): void {
  if (name.kind === 'id' && !ID_PATTERN.test(newName)) {
    throw new RenameError(`"${newName}" is not a valid id: start with a letter, then letters, digits, "-" or "_".`);
  }
  if (name.kind === 'key' && !KEY_PATTERN.test(newName)) {
    throw new RenameError(`"${newName}" is not a valid source key: start with a letter, digit or "_"; punctuation only between them.`);
  }
}
