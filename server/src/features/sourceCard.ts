import { URI, Utils } from 'vscode-uri';
import { gradeInWords } from '../language/sourceGrades.js';
import { isEmptySource, type SourceEntry } from '../sources/sourceEntry.js';
import { emphasis, escapeMarkdown, inlineCode, linkOrText, strong } from './markdownText.js';

/**
 * A source as hovers show it: title, whether it is retracted or empty, author or publisher, date,
 * its grade in words, its URL or DOI as a link.
 */
export function sourceCard(entry: SourceEntry, locator = ''): string {
  const lines = [strong(entry.title ?? entry.key)];
  if (entry.retraction) lines.push(`${strong('Retracted')}${entry.retraction.reason ? `: ${escapeMarkdown(entry.retraction.reason)}` : ''}; it sources nothing.`);
  if (isEmptySource(entry)) lines.push('An empty source: it has no title, author, URL or DOI yet, and sources nothing until one is filled in.');
  const byline = [entry.author, entry.publisher, entry.date].filter(Boolean).map((part) => escapeMarkdown(part!));
  if (byline.length > 0) lines.push(byline.join(' · '));
  if (entry.grade) lines.push(`Graded ${escapeMarkdown(gradeInWords(entry.grade))}`);
  if (entry.url) lines.push(linkOrText(entry.url));
  if (entry.doi) lines.push(linkOrText(entry.doi.startsWith('doi:') ? entry.doi : `doi:${entry.doi}`));
  if (entry.accessed) lines.push(`Accessed ${escapeMarkdown(entry.accessed)}`);
  if (entry.note) lines.push(emphasis(entry.note));
  if (locator) lines.push(`Cited at ${escapeMarkdown(locator)}`);
  const origin = entry.origin.kind === 'front-matter' ? 'the front matter' : inlineCode(Utils.basename(URI.parse(entry.origin.uri)));
  lines.push(`${inlineCode(`@${entry.key}`)} · defined in ${origin}`);
  return lines.join('  \n');
}

