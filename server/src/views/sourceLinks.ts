import type { Analysis } from '../analysis/analysis.js';
import type { SourceLinks } from '../protocol.js';
import type { SourceEntry } from '../sources/sourceEntry.js';

/** Where each source the document cites can be read, for the preview's citation links. */
export function sourceLinks(analysis: Analysis): SourceLinks {
  const links: Record<string, string> = {};
  for (const { key } of analysis.syntax.model.citations) {
    if (Object.hasOwn(links, key)) continue;
    const entry = analysis.sources.get(key);
    const link = entry && sourceLinkOf(entry);
    if (link) links[key] = link;
  }
  return links;
}

/** Where a source can be read: its URL, or else its DOI as a `https://doi.org/` link. */
export function sourceLinkOf(entry: SourceEntry): string | undefined {
  if (entry.url) return entry.url;
  if (!entry.doi) return undefined;
  const doi = entry.doi.replace(/^doi:\s*/i, '');
  return /^https?:\/\//i.test(doi) ? doi : `https://doi.org/${doi}`;
}

/** A source's link when it is an `http:` or `https:` URL (a DOI becomes one): what a published page may link to. */
export function webLinkOf(entry: SourceEntry): string | undefined {
  const link = sourceLinkOf(entry);
  return link && /^https?:\/\//i.test(link) ? link : undefined;
}
