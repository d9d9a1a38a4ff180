import type { Analysis } from '../analysis/analysis.js';
import type { Location } from '../types.js';
import { declarations, nameAt, uses } from './occurrences.js';

/** Every use of the id or source key at `offset`, with its declaration when asked for. */
export function getReferences(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const named = nameAt(analysis, offset);
  if (!named) return [];
  return [...(includeDeclaration ? declarations(analysis, named.name) : []), ...uses(analysis, named.name)];
}
