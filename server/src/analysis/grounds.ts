import type { Marker } from '../model/model.js';
import { isWorking, type Analysis } from './analysis.js';

/** A key judgment, as the analytic standards read one: a claim with `confidence=high` or the class `.key`. */
export function isKeyJudgment(marker: Marker): boolean {
  return marker.kind === 'claim' && (marker.attributes.confidence === 'high' || marker.attributes.key);
}

/**
 * The distinct sources a marker's grounds hold: the working sources it cites itself and those of
 * every grounded marker that supports it, directly or through others (`for=` and nesting; not
 * `against=`, not `from=`). A source is a key or a link target as written: two citations of one
 * key are one source, and a key and a link are two.
 */
export function groundsOf(analysis: Analysis, marker: Marker): ReadonlySet<string> {
  const sources = new Set<string>();
  const seen = new Set<number>([marker.index]);
  const waiting = [marker];
  for (let next = waiting.pop(); next; next = waiting.pop()) {
    const { citations, links } = analysis.markerSources[next.index]!;
    for (const citation of citations) if (isWorking(citation)) sources.add(`@${citation.key}`);
    for (const link of links) if (isWorking(link)) sources.add(link.url);
    for (const supporter of analysis.facts[next.index]!.supporters) {
      if (seen.has(supporter.index) || !analysis.facts[supporter.index]!.grounded) continue;
      seen.add(supporter.index);
      waiting.push(supporter);
    }
  }
  return sources;
}

/** How a message names a source of `groundsOf`. */
export function describeGround(source: string): string {
  return source.startsWith('@') ? `[${source}]` : `the link to ${source}`;
}
