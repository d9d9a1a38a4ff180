import type { Analysis } from '../analysis/analysis.js';
import type { Marker } from '../model/model.js';
import type { Location, Range } from '../types.js';

/** What a lens above a claim or hypothesis says of what weighs it, and the markers it lists. */
export interface SupportLens {
  /** The marker's opening, where the lens stands. */
  readonly range: Range;
  /** `2 for · 1 against`, `unsupported`, `untested` …: what weighs it and whether that is enough. */
  readonly title: string;
  /** The markers that support it, then those that weigh against it: what a click on the lens lists. */
  readonly weighers: readonly Location[];
}

/** A lens above each claim and hypothesis that has content: what supports it and what weighs against it. */
export function getSupportLenses(analysis: Analysis): SupportLens[] {
  const { markers, lines } = analysis.syntax.model;
  const uri = analysis.context.uri.toString();
  const at = (marker: Marker): Location => ({ uri, range: lines.rangeOf(marker.opening) });
  return markers
    .filter((marker) => (marker.kind === 'claim' || marker.kind === 'hypothesis') && !marker.isEmpty)
    .map((marker) => {
      const { supporters, opponents } = analysis.facts[marker.index]!;
      return { range: lines.rangeOf(marker.opening), title: lensTitle(analysis, marker), weighers: [...supporters, ...opponents].map(at) };
    });
}

function lensTitle(analysis: Analysis, marker: Marker): string {
  const { supporters, opponents, grounded, sourced } = analysis.facts[marker.index]!;
  const counts = [supporters.length > 0 && `${supporters.length} for`, opponents.length > 0 && `${opponents.length} against`].filter((part) => part !== false);
  if (marker.kind === 'claim' && !grounded) return ['unsupported', ...counts].join(' · ');
  if (counts.length > 0) return counts.join(' · ');
  return marker.kind === 'claim' && sourced ? 'sourced' : marker.kind === 'hypothesis' ? 'untested' : 'grounded';
}
