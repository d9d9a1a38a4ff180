import { isWorking, type Analysis } from '../analysis/analysis.js';
import { givesSupport, kindRow } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import { firstWords } from '../text/textHelpers.js';
import { escapeMarkdown, inlineCode } from './markdownText.js';

/** `claim c1: "The annex does not…"` as a line of Markdown. */
export function markerLine(marker: Marker, words = 12): string {
  const id = marker.attributes.id ? ` ${inlineCode(marker.attributes.id)}` : '';
  const text = escapeMarkdown(firstWords(marker.text, words));
  // No colon without text: a trailing space would leave the `**` around a title unclosed.
  return `${marker.kind}${id}${text ? `: ${text}` : ''}`;
}

/** The sources a marker cites itself: keys that resolve (or cannot be checked) and working links. */
export function ownSources(analysis: Analysis, marker: Marker): string[] {
  const { citations, links } = analysis.markerSources[marker.index]!;
  const keys = citations.filter(isWorking).map((citation) => inlineCode(`@${citation.key}`));
  const urls = links.filter(isWorking).map((link) => inlineCode(link.url));
  return [...new Set([...keys, ...urls])];
}

/** A bullet for a supporting or opposing marker: its line and its sources, or that it has none. */
export function markerBullet(analysis: Analysis, marker: Marker): string {
  const sources = ownSources(analysis, marker);
  const grounded = analysis.facts[marker.index]!.grounded;
  const basis = sources.length > 0 ? `cites ${sources.join(', ')}` : grounded ? 'grounded through its own support' : 'no working source';
  return `- ${markerLine(marker)} (${statusThatDecides(marker)}${basis})`;
}

/** `status watch, weighs nothing until observed; ` for a marker whose status decides whether it weighs (an indicator), else ''. */
function statusThatDecides(marker: Marker): string {
  const { supports } = kindRow(marker.kind);
  if (typeof supports === 'boolean') return '';
  const waiting = givesSupport(marker.kind, marker.attributes.status) ? '' : `, weighs nothing until ${supports.whileStatus}`;
  return `status ${escapeMarkdown(marker.attributes.status ?? 'not given')}${waiting}; `;
}
