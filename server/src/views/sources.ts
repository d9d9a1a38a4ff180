import type { Analysis } from '../analysis/analysis.js';
import { groundsOf, isKeyJudgment } from '../analysis/grounds.js';
import { gradeInWords } from '../language/sourceGrades.js';
import type { Marker } from '../model/model.js';
import { isEmptySource, type SourceEntry } from '../sources/sourceEntry.js';
import { markerRef, type MarkerRef } from './markerRef.js';

export interface SourceRow {
  readonly key: string;
  readonly title: string | null;
  /** The Admiralty code (`B2`), null when ungraded or the grade is not allowed (`bad-source-grade`). */
  readonly grade: string | null;
  /** `B2 — usually reliable, probably true`. */
  readonly gradeInWords: string | null;
  readonly retracted: boolean;
  /** Why, when the entry says (`retracted: The journal withdrew it`). */
  readonly retractionReason: string | null;
  /** None of title, author, url and doi: a stub that sources nothing. */
  readonly empty: boolean;
  /** Where it is defined: `front matter`, or the bibliography file's URI. */
  readonly definedIn: string;
  /** The markers that cite it (in their content, their footnotes or `src=`), in document order. */
  readonly citedBy: readonly MarkerRef[];
  /** The key judgments whose grounds hold this source and no other. */
  readonly soleSourceOf: readonly MarkerRef[];
}

/** The Quality of Information Check ledger of one document. */
export interface SourcesView {
  /**
   * The front matter's sources, then the bibliography files' entries the document cites (a
   * library's other entries are left out), each key once, in the order the source table gives.
   */
  readonly sources: readonly SourceRow[];
}

export function sourcesView(analysis: Analysis): SourcesView {
  if (!analysis.syntax.usesLanguage) return { sources: [] };
  const cited = new Set(analysis.citations.flatMap((citation) => (citation.source ? [citation.source.key] : [])));
  const citers = citersByKey(analysis);
  const soleSources = soleSourcesOfKeyJudgments(analysis);
  const entries = [...analysis.sources.entries].filter((entry) => entry.origin.kind === 'front-matter' || cited.has(entry.key));
  return { sources: entries.map((entry) => sourceRow(analysis, entry, citers.get(entry.key) ?? [], soleSources.get(`@${entry.key}`) ?? [])) };
}

function sourceRow(analysis: Analysis, entry: SourceEntry, citedBy: readonly Marker[], soleSourceOf: readonly Marker[]): SourceRow {
  return {
    key: entry.key,
    title: entry.title ?? null,
    grade: entry.grade ?? null,
    gradeInWords: entry.grade ? gradeInWords(entry.grade) : null,
    retracted: entry.retraction !== undefined,
    retractionReason: entry.retraction?.reason ?? null,
    empty: isEmptySource(entry),
    definedIn: entry.origin.kind === 'front-matter' ? 'front matter' : entry.origin.uri,
    citedBy: citedBy.map((marker) => markerRef(analysis, marker)),
    soleSourceOf: soleSourceOf.map((marker) => markerRef(analysis, marker)),
  };
}

/** The markers that cite each resolved key, each once, in document order. */
function citersByKey(analysis: Analysis): Map<string, Marker[]> {
  const byKey = new Map<string, Marker[]>();
  for (const marker of analysis.syntax.model.markers) {
    const keys = new Set(analysis.markerSources[marker.index]!.citations.flatMap((citation) => (citation.source ? [citation.source.key] : [])));
    for (const key of keys) addTo(byKey, key, marker);
  }
  return byKey;
}

/** Each source (as `groundsOf` names it) that is the only one in the grounds of key judgments, with those judgments. */
function soleSourcesOfKeyJudgments(analysis: Analysis): Map<string, Marker[]> {
  const bySource = new Map<string, Marker[]>();
  for (const marker of analysis.syntax.model.markers) {
    if (marker.isEmpty || !isKeyJudgment(marker)) continue;
    const grounds = [...groundsOf(analysis, marker)];
    if (grounds.length !== 1) continue;
    addTo(bySource, grounds[0]!, marker);
  }
  return bySource;
}

function addTo(lists: Map<string, Marker[]>, key: string, marker: Marker): void {
  const list = lists.get(key);
  if (list) list.push(marker);
  else lists.set(key, [marker]);
}
