import type { DocumentSummary } from '../../server/src/protocol.js';

/** What the status bar item shows for one document. */
export interface SummaryStatus {
  /** `$(warning) 12 claims · 1 unsupported · 3 hypotheses · 1 untested · 1 unsupported assumption`. */
  readonly text: string;
  /** One line per kind of marker the document holds, with what needs work. */
  readonly tooltip: string;
}

const CLICK = 'Tradecraft: click to open the Problems view';

/**
 * The status bar's words for a document's summary: its claims and hypotheses, each followed by how
 * many need work, then its unsupported assumptions (the item must stay short: VS Code cuts a long
 * one); a document with neither claims nor hypotheses is named by its other markers. The tooltip
 * has every kind with its details. Undefined for a document without markers, for which the item
 * is hidden.
 */
export function summaryStatus(summary: DocumentSummary): SummaryStatus | undefined {
  const { claims, evidence, hypotheses, assumptions, indicators } = summary;
  const judgments = [
    ...kind(claims.count, 'claim', 'claims', claims.unsupported, 'unsupported'),
    ...kind(hypotheses.count, 'hypothesis', 'hypotheses', hypotheses.untested, 'untested'),
  ];
  const others = [
    ...kind(assumptions.count, 'assumption', 'assumptions', assumptions.unsupported, 'unsupported'),
    ...kind(indicators.count, 'indicator', 'indicators', 0, ''),
    ...kind(evidence.count, 'evidence', 'evidence', evidence.unsourced, 'unsourced'),
  ];
  const unsupportedAssumptions = assumptions.unsupported === 0 ? [] : [`${assumptions.unsupported} unsupported assumption${assumptions.unsupported === 1 ? '' : 's'}`];
  const parts = judgments.length > 0 ? [...judgments, ...unsupportedAssumptions] : others;
  if (parts.length === 0) return undefined;
  const needsWork = claims.unsupported + evidence.unsourced + hypotheses.untested + assumptions.unsupported > 0;
  const tooltip = [
    CLICK,
    ...line('Claims', claims.count, claims.unsupported, 'unsupported'),
    ...line('Evidence', evidence.count, evidence.unsourced, 'without a working source'),
    ...line('Hypotheses', hypotheses.count, hypotheses.untested, 'untested'),
    ...line('Assumptions', assumptions.count, assumptions.unsupported, 'marked unsupported'),
    ...line('Indicators', indicators.count, indicators.observed, 'observed'),
  ];
  return { text: `${needsWork ? '$(warning)' : '$(check)'} ${parts.join(' · ')}`, tooltip: tooltip.join('\n') };
}

/** `12 claims`, then `1 unsupported` when some are; nothing for a kind the document lacks. */
function kind(count: number, singular: string, plural: string, some: number, what: string): string[] {
  if (count === 0) return [];
  return [`${count} ${count === 1 ? singular : plural}`, ...(some > 0 ? [`${some} ${what}`] : [])];
}

function line(label: string, count: number, some: number, what: string): string[] {
  return count === 0 ? [] : [`${label}: ${count}${some > 0 ? `, ${some} ${what}` : ''}`];
}
