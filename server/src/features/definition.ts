import type { Analysis } from '../analysis/analysis.js';
import { linkedFile } from '../links/classifyLink.js';
import type { Location } from '../types.js';
import { declarations, nameAt } from './occurrences.js';
import { symbolAt } from './symbolAt.js';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * From a citation key to its entry (front matter or bibliography file), from an id to its marker,
 * from a link to a workspace file to that file.
 */
export function getDefinition(analysis: Analysis, offset: number): Location[] {
  const named = nameAt(analysis, offset);
  if (named) return declarations(analysis, named.name).slice(0, 1);
  const symbol = symbolAt(analysis, offset);
  if (symbol?.kind !== 'link' || symbol.link.kind !== 'file') return [];
  const file = linkedFile(symbol.link.url, analysis.context.uri, analysis.context.workspaceFolder);
  return file ? [{ uri: file.toString(), range: FILE_START }] : [];
}
