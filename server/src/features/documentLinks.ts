import { Utils } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import type { Range } from '../types.js';
import { openableUrl } from './markdownText.js';

export interface DocumentLink {
  readonly range: Range;
  readonly target: string;
}

/**
 * Links in the front matter: each source's `url:` (and `doi:`) that may be opened, and each
 * `bibliography:` file, so that one can go on from a source's entry to the source itself.
 */
export function getDocumentLinks(analysis: Analysis): DocumentLink[] {
  const { frontMatter, lines, text } = analysis.syntax.model;
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
  for (const reference of analysis.syntax.frontMatter.bibliography) {
    const path = text.slice(reference.span.start, reference.span.end).replace(/^['"]|['"]$/g, '');
    const target = Utils.joinPath(Utils.dirname(analysis.context.uri), path).toString();
    links.push({ range: lines.rangeOf(reference.span), target });
  }
  return links;
}
