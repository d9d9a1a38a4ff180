import type { Analysis } from '../analysis/analysis.js';
import type { Range } from '../types.js';
import { openableUrl } from './markdownText.js';

export interface DocumentLink {
  readonly range: Range;
  readonly target: string;
}

/**
 * Links in the front matter: each source's `url:` (and `doi:`) that may be opened, and each
 * `bibliography:` file of the workspace, so that one can go on from an entry to the source itself.
 */
export function getDocumentLinks(analysis: Analysis): DocumentLink[] {
  const { frontMatter, lines } = analysis.syntax.model;
  if (!frontMatter) return [];
  const links: DocumentLink[] = [];
  const yaml = frontMatter.yaml;
  for (const match of yaml.matchAll(/\b(url|doi)\s*:\s*['"]?([^\s'"#]+)|^\s*\w[\w.:-]*\s*:\s*['"]?((?:https?|doi):[^\s'"]+)/gm)) {
    const value = match[2] ?? match[3]!;
    const target = openableUrl(match[1] === 'doi' && !value.startsWith('doi:') ? `doi:${value}` : value);
    if (!target) continue;
    const start = frontMatter.yamlStart + match.index + match[0].lastIndexOf(value);
    links.push({ range: lines.rangeOf({ start, end: start + value.length }), target });
  }
  // The files the analysis loaded, where the document names them; only those inside the workspace.
  for (const bibliography of analysis.context.bibliographies) {
    if (!bibliography.reference || bibliography.outsideWorkspace) continue;
    links.push({ range: lines.rangeOf(bibliography.reference.span), target: bibliography.uri.toString() });
  }
  return links;
}
