import damerauLevenshtein from 'damerau-levenshtein';

/**
 * The candidate closest to `name`, if it is close: one edit for every three characters, at most
 * two, so that short ids like `c9` get no guess. Case is ignored; a swap of neighbours is one edit.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.min(2, Math.floor(name.length / 3));
  let best: { candidate: string; steps: number } | undefined;
  for (const candidate of candidates) {
    // Each edit changes the length by one at most: far longer or shorter names cannot be close.
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const steps = damerauLevenshtein(name.toLowerCase(), candidate.toLowerCase()).steps;
    if (steps <= allowed && candidate !== name && (!best || steps < best.steps)) best = { candidate, steps };
  }
  return best?.candidate;
}
