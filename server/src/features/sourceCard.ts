import type { SourceEntry } from '../sources/sourceEntry.js';
import { escapeMarkdown, inlineCode, linkOrText } from './markdownText.js';

/** A source as hovers show it: title, author or publisher, date, its URL or DOI as a link. */
export function sourceCard(entry: SourceEntry, locator = ''): string {
  const lines = [`**${escapeMarkdown(entry.title ?? entry.key)}**`];
  const byline = [entry.author, entry.publisher, entry.date].filter(Boolean).map((part) => escapeMarkdown(part!));
  if (byline.length > 0) lines.push(byline.join(' · '));
  if (entry.url) lines.push(linkOrText(entry.url));
  if (entry.doi) lines.push(linkOrText(entry.doi.startsWith('doi:') ? entry.doi : `doi:${entry.doi}`));
  if (entry.accessed) lines.push(`Accessed ${escapeMarkdown(entry.accessed)}`);
  if (entry.note) lines.push(`*${escapeMarkdown(entry.note)}*`);
  if (locator) lines.push(`Cited at ${escapeMarkdown(locator)}`);
  const origin = entry.origin.kind === 'front-matter' ? 'the front matter' : inlineCode(fileName(entry.origin.uri));
  lines.push(`${inlineCode(`@${entry.key}`)} · defined in ${origin}`);
  return lines.join('  \n');
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
