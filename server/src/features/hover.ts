import type { Analysis, ClassifiedLink, ResolvedCitation } from '../analysis/analysis.js';
import { kindRow, MARKER_KINDS, takesAttribute } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import type { Span } from '../types.js';
import { linkedFile } from '../links/classifyLink.js';
import { capitalize } from '../text/textHelpers.js';
import { escapeMarkdown, inlineCode, linkOrText, markdownLink } from './markdownText.js';
import { markerBullet, markerLine, ownSources } from './markerSummary.js';
import { sourceCard } from './sourceCard.js';
import { symbolAt } from './symbolAt.js';

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  readonly span: Span;
}

/**
 * What the cursor is on, explained: a citation's or link's source card; a claim's support; a
 * hypothesis's evidence and indicators for and against; the assumptions a claim or hypothesis
 * rests on; the marker an id in `for=`/`against=` names.
 */
export function getHover(analysis: Analysis, offset: number): Hover | undefined {
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return undefined;
  const contents = (() => {
    switch (symbol.kind) {
      case 'citation': return citationHover(analysis, symbol.citation);
      case 'source-key': return sourceCard(symbol.entry);
      case 'reference': return symbol.target ? markerLine(symbol.target, 60) : `No marker has the id ${inlineCode(symbol.item.text)}.`;
      case 'marker-id':
      case 'marker': return markerHover(analysis, symbol.marker);
      case 'link': return linkHover(analysis, symbol.link);
    }
  })();
  // A citation's hover covers its whole item (`see @a, p. 4`), and nothing beyond it.
  return { contents, span: symbol.kind === 'citation' ? symbol.citation.itemSpan : symbol.span };
}

function citationHover(analysis: Analysis, citation: ResolvedCitation): string {
  if (citation.source) return sourceCard(citation.source, citation.locator);
  if (citation.status === 'unverifiable') {
    return `${inlineCode(`@${citation.key}`)} cannot be checked until the front matter and bibliography files load.`;
  }
  const known = analysis.syntax.frontMatter.sources.length + analysis.syntax.frontMatter.references.length > 0 || analysis.context.bibliographies.length > 0;
  return `${inlineCode(`@${citation.key}`)} is not defined${known ? ' in the sources or bibliography files' : ''}.`;
}

function linkHover(analysis: Analysis, link: ClassifiedLink): string {
  const entry = [...analysis.sources.entries].find((candidate) => candidate.url === link.url);
  if (entry) return sourceCard(entry);
  switch (link.kind) {
    case 'placeholder': return 'A placeholder link: put the source\'s URL or file path in it.';
    case 'missing-file': return `${inlineCode(link.url)} does not exist in the workspace.`;
    case 'file': {
      const file = linkedFile(link.url, analysis.context.uri, analysis.context.workspaceFolder);
      return file ? `Workspace file ${markdownLink(link.url, file.toString())}` : inlineCode(link.url);
    }
    default: return linkOrText(link.url);
  }
}

function markerHover(analysis: Analysis, marker: Marker): string {
  const facts = analysis.facts[marker.index]!;
  const details = [marker.attributes.confidence && `confidence ${escapeMarkdown(marker.attributes.confidence)}`, takesAttribute(marker.kind, 'status') && marker.attributes.status && `status ${escapeMarkdown(marker.attributes.status)}`].filter(Boolean);
  const title = `**${markerLine(marker, 60)}**${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  const sections = [title];
  const sources = ownSources(analysis, marker);
  if (marker.kind === 'claim') sections.push(claimStatus(marker, facts, sources));
  else if (sources.length > 0) sections.push(`Cites ${sources.join(', ')}.`);
  if (facts.restsOn.length > 0) sections.push(`Rests on:\n${facts.restsOn.map(assumptionBullet).join('\n')}`);
  if (marker.kind === 'hypothesis') {
    // Indicators still watched for name the hypothesis without weighing it yet: listed too, with their status.
    sections.push(...weighingByKind(analysis, union(facts.supporters, facts.namedFor), 'for'), ...weighingByKind(analysis, union(facts.opponents, facts.namedAgainst), 'against'));
  } else {
    if (facts.supporters.length > 0) sections.push(bulletSection(analysis, 'Supported by', facts.supporters));
    if (facts.opponents.length > 0) sections.push(bulletSection(analysis, 'Weighs against it', facts.opponents));
  }
  if (marker.kind === 'hypothesis' && facts.supporters.length + facts.opponents.length === 0) sections.push('Nothing weighs this hypothesis yet.');
  if (facts.supports.length > 0) sections.push(`Supports: ${facts.supports.map((m) => markerLine(m, 6)).join('; ')}`);
  if (facts.weighsAgainst.length > 0) sections.push(`Weighs against: ${facts.weighsAgainst.map((m) => markerLine(m, 6)).join('; ')}`);
  return sections.join('\n\n');
}

/** Evidence is what weighs a hypothesis first; the other kinds follow in the table's order. */
const WEIGHING_ORDER = ['evidence', ...MARKER_KINDS.filter((kind) => kind !== 'evidence')] as const;

/** What weighs a hypothesis one way, by kind: "Evidence for", then "Claims for", … */
function weighingByKind(analysis: Analysis, markers: readonly Marker[], direction: 'for' | 'against'): string[] {
  return WEIGHING_ORDER
    .map((kind) => markers.filter((m) => m.kind === kind))
    .filter((group) => group.length > 0)
    .map((group) => bulletSection(analysis, `${capitalize(kindRow(group[0]!.kind).plural)} ${direction}`, group));
}

function union(a: readonly Marker[], b: readonly Marker[]): Marker[] {
  return [...new Set([...a, ...b])].sort((x, y) => x.index - y.index);
}

function assumptionBullet(assumption: Marker): string {
  const status = assumption.attributes.status;
  return `- ${markerLine(assumption)} (${status ? `status ${escapeMarkdown(status)}` : 'no status given'})`;
}

function bulletSection(analysis: Analysis, label: string, markers: readonly Marker[]): string {
  return `${label}:\n${markers.map((m) => markerBullet(analysis, m)).join('\n')}`;
}

function claimStatus(marker: Marker, facts: Analysis['facts'][number], sources: string[]): string {
  if (marker.isEmpty) return 'Empty: it supports nothing.';
  if (facts.sourced) return `✓ Supported: cites ${sources.join(', ')}.`;
  if (facts.grounded) return '✓ Supported through the markers below.';
  if (facts.inUngroundedCycle) return '✗ Not supported: it sits in a circle of claims with no source.';
  return '✗ Not supported: no working source, and nothing grounded supports it.';
}
