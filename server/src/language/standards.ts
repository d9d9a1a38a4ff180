import type { MarkerKind } from './markerKinds.js';

/** The published standards of analytic writing a document may be held to. */
export const STANDARDS = ['icd203', 'phia'] as const;
export type Standard = (typeof STANDARDS)[number];

/** What front matter `standards:`, the `tradecraft.standards` setting and `--standards` may say. */
export const STANDARD_CHOICES = ['none', ...STANDARDS] as const;
export type StandardChoice = (typeof STANDARD_CHOICES)[number];

export function isStandardChoice(value: unknown): value is StandardChoice {
  return (STANDARD_CHOICES as readonly unknown[]).includes(value);
}

/** How messages name a standard and its scale. */
export const STANDARD_NAMES: Readonly<Record<Standard, string>> = { icd203: 'ICD 203', phia: 'PHIA' };

/** The kinds of marker whose own text is read for likelihood terms and confidence phrases. */
export const JUDGMENT_KINDS: ReadonlySet<MarkerKind> = new Set<MarkerKind>(['claim', 'hypothesis']);

/** The ICD 203 scale has two rows of terms for the same bands; a document should keep to one. */
export type Icd203Row = 1 | 2;

/**
 * The likelihood scales, one band of likelihood a row, least likely first. Within a cell, the
 * terms at the same place answer each other (`nearly certain`, `nearly certainly` → `almost
 * certain`, `almost certainly`): the term closest in meaning in another cell is the one at the
 * same place, or its last term when it has fewer.
 */
export const LIKELIHOOD_BANDS: readonly { readonly percent: string; readonly row1: readonly string[]; readonly row2: readonly string[]; readonly phia: readonly string[] }[] = [
  { percent: '1–5 %', row1: ['almost no chance'], row2: ['remote chance', 'remote possibility'], phia: ['remote chance'] },
  { percent: '5–20 %', row1: ['very unlikely'], row2: ['highly improbable'], phia: ['highly unlikely'] },
  { percent: '20–45 %', row1: ['unlikely'], row2: ['improbable', 'improbably'], phia: ['unlikely'] },
  { percent: '45–55 %', row1: ['roughly even chance'], row2: ['roughly even odds'], phia: ['realistic possibility'] },
  { percent: '55–80 %', row1: ['likely'], row2: ['probable', 'probably'], phia: ['likely', 'probable', 'probably'] },
  { percent: '80–95 %', row1: ['very likely'], row2: ['highly probable'], phia: ['highly likely'] },
  { percent: '95–99 %', row1: ['almost certain', 'almost certainly'], row2: ['nearly certain', 'nearly certainly'], phia: ['almost certain', 'almost certainly'] },
];

/** Likelihood words on no scale. */
export const VAGUE_TERMS = ['possibly', 'possible', 'perhaps', 'maybe', 'might', 'conceivably', 'plausibly', 'may well', 'could well', 'in all likelihood', 'chances are'] as const;

/** Phrases that state the analyst's confidence, which ICD 203 keeps out of a likelihood sentence. */
export const CONFIDENCE_PHRASES = [
  'high confidence', 'moderate confidence', 'medium confidence', 'low confidence',
  'confidence is high', 'confidence is moderate', 'confidence is low',
] as const;

/** What one likelihood term is: where it stands on the scales, or that it is on none. */
export interface LikelihoodTerm {
  /** As the table writes it (lower case). */
  readonly term: string;
  /** Its band in `LIKELIHOOD_BANDS`; undefined for a vague term. */
  readonly band: number | undefined;
  /** Its place within its cell (see `LIKELIHOOD_BANDS`). */
  readonly place: number;
  /** The ICD 203 row it belongs to, if any: a term in both a row and PHIA counts for its row. */
  readonly icd203Row: Icd203Row | undefined;
  readonly inPhia: boolean;
}

/** Every likelihood term of the scales and every vague term, each once. */
export const LIKELIHOOD_TERMS: readonly LikelihoodTerm[] = readTerms();

function readTerms(): LikelihoodTerm[] {
  const terms = new Map<string, LikelihoodTerm>();
  LIKELIHOOD_BANDS.forEach((band, index) => {
    const add = (cell: readonly string[], icd203Row: Icd203Row | undefined) => cell.forEach((term, place) => {
      if (!terms.has(term)) terms.set(term, { term, band: index, place, icd203Row, inPhia: band.phia.includes(term) });
    });
    add(band.row1, 1);
    add(band.row2, 2);
    add(band.phia, undefined);
  });
  for (const term of VAGUE_TERMS) terms.set(term, { term, band: undefined, place: 0, icd203Row: undefined, inPhia: false });
  return [...terms.values()];
}

/** Whether the chosen standard's scale has the term (under ICD 203, in either row). */
export function isOnScale(term: LikelihoodTerm, standard: Standard): boolean {
  return standard === 'phia' ? term.inPhia : term.icd203Row !== undefined;
}

/**
 * The term of the chosen scale closest in meaning to a term of a band (under ICD 203, of its
 * first row, or of the row asked for); undefined for a vague term.
 */
export function closestTerm(term: LikelihoodTerm, standard: Standard, row: Icd203Row = 1): string | undefined {
  if (term.band === undefined) return undefined;
  const band = LIKELIHOOD_BANDS[term.band]!;
  const cell = standard === 'phia' ? band.phia : row === 1 ? band.row1 : band.row2;
  return cell[Math.min(term.place, cell.length - 1)];
}

/** The terms of a scale, one a band (ICD 203's first row), least likely first. */
export function scaleTerms(standard: Standard): string[] {
  return LIKELIHOOD_BANDS.map((band) => (standard === 'phia' ? band.phia : band.row1)[0]!);
}
