import type { Analysis } from '../analysis/analysis.js';
import { isUnsupportedAssumption } from '../analysis/techniques.js';
import type { MarkerFacts } from '../graph/supportGraph.js';
import { givesSupport } from '../language/markerKinds.js';
import type { Marker } from '../model/model.js';
import type { DocumentSummary } from '../protocol.js';

type Tally = { -readonly [Kind in keyof DocumentSummary]: { -readonly [Count in keyof DocumentSummary[Kind]]: number } };

/** What the status bar says of one document: its markers by kind, and those that need work. */
export function documentSummary(analysis: Analysis): DocumentSummary {
  const tally: Tally = {
    claims: { count: 0, unsupported: 0 },
    evidence: { count: 0, unsourced: 0 },
    hypotheses: { count: 0, untested: 0 },
    assumptions: { count: 0, unsupported: 0 },
    indicators: { count: 0, observed: 0 },
  };
  if (!analysis.syntax.usesLanguage) return tally;
  for (const marker of analysis.syntax.model.markers) count(tally, marker, analysis.facts[marker.index]!);
  return tally;
}

function count(tally: Tally, marker: Marker, facts: MarkerFacts): void {
  const needsWork = (problem: boolean) => (!marker.isEmpty && problem ? 1 : 0);
  switch (marker.kind) {
    case 'claim':
      tally.claims.count++;
      tally.claims.unsupported += needsWork(!facts.grounded);
      return;
    case 'evidence':
      tally.evidence.count++;
      tally.evidence.unsourced += needsWork(!facts.sourced);
      return;
    case 'hypothesis':
      tally.hypotheses.count++;
      tally.hypotheses.untested += needsWork(facts.supporters.length === 0 && facts.opponents.length === 0);
      return;
    case 'assumption':
      tally.assumptions.count++;
      tally.assumptions.unsupported += isUnsupportedAssumption(marker) ? 1 : 0;
      return;
    case 'indicator':
      tally.indicators.count++;
      // An indicator supports once it is observed.
      tally.indicators.observed += givesSupport(marker.kind, marker.attributes.status) ? 1 : 0;
      return;
  }
}
