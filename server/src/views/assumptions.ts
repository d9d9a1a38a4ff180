import type { Analysis } from '../analysis/analysis.js';
import { isKeyJudgment } from '../analysis/grounds.js';
import { isUnsupportedAssumption } from '../analysis/techniques.js';
import type { Marker } from '../model/model.js';
import { markerRef, markersOfKind, statusOf, type MarkerRef, type StatusOrNone } from './markerRef.js';

export interface AssumptionRow extends MarkerRef {
  /** `solid`, `caveated`, `unsupported` or `none`. */
  readonly status: StatusOrNone;
  /** The claims and hypotheses that rest on it (`assumes=` or nesting), in document order. */
  readonly restedOnBy: readonly MarkerRef[];
}

export interface JudgmentAtRisk {
  readonly judgment: MarkerRef;
  /** The assumptions marked `status=unsupported` that it rests on. */
  readonly unsupported: readonly MarkerRef[];
}

/** The Key Assumptions Check table of one document. */
export interface AssumptionsView {
  readonly assumptions: readonly AssumptionRow[];
  /** The key judgments (`confidence=high` or `.key`) that rest on an unsupported assumption. */
  readonly keyJudgmentsAtRisk: readonly JudgmentAtRisk[];
}

export function assumptionsView(analysis: Analysis): AssumptionsView {
  const ref = (marker: Marker) => markerRef(analysis, marker);
  const keyJudgmentsAtRisk = restingJudgments(analysis).filter(isKeyJudgment).flatMap((judgment): JudgmentAtRisk[] => {
    const unsupported = analysis.facts[judgment.index]!.restsOn.filter(isUnsupportedAssumption);
    return unsupported.length > 0 ? [{ judgment: ref(judgment), unsupported: unsupported.map(ref) }] : [];
  });
  const assumptions = markersOfKind(analysis, 'assumption').map((assumption) => ({
    ...ref(assumption),
    status: statusOf(assumption),
    restedOnBy: analysis.facts[assumption.index]!.restedOnBy.filter(restsOnAnything).map(ref),
  }));
  return { assumptions, keyJudgmentsAtRisk };
}

/** The judgments that rest on some assumption, in document order. */
function restingJudgments(analysis: Analysis): Marker[] {
  return analysis.syntax.usesLanguage ? analysis.syntax.model.markers.filter((marker) => restsOnAnything(marker) && analysis.facts[marker.index]!.restsOn.length > 0) : [];
}

/** An empty marker rests on nothing, though what it names is still used (spec, "Notes on reading v1.3"). */
function restsOnAnything(judgment: Marker): boolean {
  return !judgment.isEmpty;
}
