/**
 * The prefixes of Quarto's cross-reference keys (`@fig-map`, `[@sec-intro]`): in a Quarto document
 * such a key names a figure, a table, a section or a theorem of the document, never a source (v1.3).
 */
export const QUARTO_CROSS_REFERENCE_PREFIXES = ['fig-', 'tbl-', 'sec-', 'eq-', 'lst-', 'thm-', 'lem-', 'cor-', 'prp-', 'cnj-', 'def-', 'exm-', 'exr-'] as const;

/** Whether a document's path is a Quarto document's (`.qmd`, as Quarto spells it). */
export function isQuartoDocument(path: string): boolean {
  return path.endsWith('.qmd');
}

/** Whether a citation key written in a Quarto document is a cross-reference. */
export function isQuartoCrossReference(key: string): boolean {
  return QUARTO_CROSS_REFERENCE_PREFIXES.some((prefix) => key.startsWith(prefix));
}
