import type { Analysis } from '../analysis/analysis.js';
import { escapeMarkdown } from '../features/markdownText.js';
import type { CitationSite } from '../model/model.js';
import type { SourceEntry } from '../sources/sourceEntry.js';
import { webLinkOf } from '../views/sourceLinks.js';
import { markerParts } from './markerParts.js';
import { applySpanEdits, type SpanEdit } from './spanEdits.js';

export interface MarkdownExportOptions {
  /** Citations as links to their sources' URLs or DOIs (`([key](https://…), p. 4)`) instead of as written. */
  readonly citeLinks: boolean;
}

/**
 * The document as plain CommonMark: each marker replaced by its text (a block marker's fences by
 * its label, or a blank line), attributes dropped, citations as written or as links. Everything
 * else, the front matter included, is the text as written.
 */
export function exportAsMarkdown(analysis: Analysis, options: MarkdownExportOptions): string {
  const { text, markers } = analysis.syntax.model;
  const markerEdits = markers.flatMap((marker): SpanEdit[] => {
    const { opening, closing, label } = markerParts(text, marker);
    return [{ span: opening, text: label ?? '' }, { span: closing, text: '' }];
  });
  return applySpanEdits(text, [...markerEdits, ...(options.citeLinks ? citationLinks(analysis) : [])]);
}

/** Each citation written as its items in parentheses (an in-text one bare), each key a link to its source where it has one. */
function citationLinks(analysis: Analysis): SpanEdit[] {
  const resolved = new Map(analysis.citations.map((citation) => [citation.keySpan.start, citation]));
  // A Quarto cross-reference keeps its place among the items of its brackets, as a key with no link.
  const crossReferences = new Set(analysis.crossReferences.map((span) => span.start));
  const groups = new Map<number, CitationSite[]>();
  for (const site of analysis.syntax.model.citations) {
    // An in-text `@word` that names no source is no citation: it stays as written.
    if (!resolved.has(site.keySpan.start) && !crossReferences.has(site.keySpan.start)) continue;
    const group = groups.get(site.citationSpan.start);
    if (group) group.push(site);
    else groups.set(site.citationSpan.start, [site]);
  }
  return [...groups.values()].map((sites) => {
    const items = sites.map((site) => itemAsLink(site, resolved.get(site.keySpan.start)?.source));
    return { span: sites[0]!.citationSpan, text: sites[0]!.form === 'in-text' ? items.join('') : `(${items.join('; ')})` };
  });
}

function itemAsLink(site: CitationSite, source: SourceEntry | undefined): string {
  // Between `<` and `>`, a destination may hold no `<`, `>` or white space.
  const link = source && webLinkOf(source)?.replace(/[<>\s]/g, encodeURIComponent);
  const key = link ? `[${escapeMarkdown(site.key)}](<${link}>)` : escapeMarkdown(site.key);
  return [site.prefix, site.locator ? `${key}, ${site.locator}` : key].filter(Boolean).join(' ');
}

