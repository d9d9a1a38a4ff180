import type { Analysis } from '../analysis/analysis.js';
import { cannotTellApart, hypothesesOf } from '../analysis/techniques.js';
import type { Marker } from '../model/model.js';
import { markerRef, markersOfKind, statusOf, type MarkerRef, type StatusOrNone } from './markerRef.js';

export interface IndicatorRef extends MarkerRef {
  /** `watch`, `observed`, `absent` or `none`. */
  readonly status: StatusOrNone;
}

export interface HypothesisRow extends MarkerRef {
  /** `open`, `favored` (also written `favoured`), `rejected` or `none`. */
  readonly status: StatusOrNone;
  /** The indicators that name it `for=` (or by nesting) and `against=`, whatever their status. */
  readonly for: readonly IndicatorRef[];
  readonly against: readonly IndicatorRef[];
}

export interface UnattachedIndicatorRow extends IndicatorRef {
  /** What it names instead (claims), or nothing. */
  readonly for: readonly MarkerRef[];
  readonly against: readonly MarkerRef[];
}

/** The watch list of one document. */
export interface IndicatorsView {
  readonly hypotheses: readonly HypothesisRow[];
  /** The indicators `for` every hypothesis (at least two) and `against` none: `non-diagnostic-indicator`. */
  readonly nonDiagnostic: readonly IndicatorRef[];
  /** The indicators that name no hypothesis, so that no row of `hypotheses` shows them. */
  readonly unattached: readonly UnattachedIndicatorRow[];
}

export function indicatorsView(analysis: Analysis): IndicatorsView {
  const indicatorRef = (marker: Marker): IndicatorRef => ({ ...markerRef(analysis, marker), status: statusOf(marker) });
  const indicators = (markers: readonly Marker[]) => markers.filter((marker) => marker.kind === 'indicator').map(indicatorRef);
  const hypotheses = markersOfKind(analysis, 'hypothesis').map((hypothesis): HypothesisRow => {
    const facts = analysis.facts[hypothesis.index]!;
    return { ...markerRef(analysis, hypothesis), status: statusOf(hypothesis), for: indicators(facts.namedFor), against: indicators(facts.namedAgainst) };
  });
  const everyHypothesis = hypothesesOf(analysis.syntax.model.markers);
  const allIndicators = markersOfKind(analysis, 'indicator');
  // As the rule reads them: what a refused attribute block was read as is a guess.
  const nonDiagnostic = allIndicators
    .filter((indicator) => !indicator.attributesRefused && cannotTellApart(analysis.facts[indicator.index]!, everyHypothesis))
    .map(indicatorRef);
  const unattached = allIndicators.flatMap((indicator): UnattachedIndicatorRow[] => {
    const { namesFor, namesAgainst } = analysis.facts[indicator.index]!;
    if ([...namesFor, ...namesAgainst].some((target) => target.kind === 'hypothesis')) return [];
    const refs = (markers: readonly Marker[]) => markers.map((marker) => markerRef(analysis, marker));
    return [{ ...indicatorRef(indicator), for: refs(namesFor), against: refs(namesAgainst) }];
  });
  return { hypotheses, nonDiagnostic, unattached };
}
