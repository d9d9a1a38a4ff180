/**
 * Documents of one hostile shape and about a given size (in UTF-16 code units), for the scaling
 * tests and the benchmark: each is real-looking text around the shape, opens with a claim and
 * ends with an evidence marker that supports it (`#c1`, `#e1`), so a test can check that what
 * follows the pathological part is still read.
 */

export const BEFORE = ':claim[A claim before the hostile part]{#c1}\n\n';
export const AFTER = '\n\n:evidence[After it [@after]]{#e1 for=c1}\n';

/** Repeats `unit` until `size` is reached, between the claim and the evidence. */
function around(size: number, unit: (i: number) => string, separator = ''): string {
  const parts: string[] = [];
  let length = BEFORE.length + AFTER.length;
  for (let i = 0; length < size; i++) {
    const part = unit(i) + separator;
    parts.push(part);
    length += part.length;
  }
  return BEFORE + parts.join('') + AFTER;
}

/** A paragraph's worth of words, wrapped at about 70 characters. */
const PROSE_LINE = 'the decree annex sanctions border trade opposition channel policy';

export const PATHOLOGICAL_SHAPES = {
  /** One paragraph of nothing but `[`. */
  bracketsInARow: (size: number) => around(size, () => '['.repeat(64)),
  /** Ordinary paragraphs of prose with `[` spread in them, none closed. */
  bracketsInProse: (size: number) => around(size, (i) => `${PROSE_LINE} [ ${i}\n${i % 8 === 7 ? '\n' : ''}`),
  /** Inline markers whose label is never closed, a few a line, paragraphs of eight lines. */
  unclosedMarkerLabels: (size: number) => around(size, (i) => `:claim[the decree ${i} :evidence[annex\n${i % 8 === 7 ? '\n' : ''}`),
  /** Lines that open a marker (name, label, attribute block), none of them finished. */
  markerOpenings: (size: number) => around(size, (i) => `:claim[a]{#c${i + 2} for=\n${i % 8 === 7 ? '\n' : ''}`),
  /** Lines of `]`, in paragraphs of eight. */
  closingBracketLines: (size: number) => around(size, (i) => `]]]]]]]]\n${i % 8 === 7 ? '\n' : ''}`),
  /** A list nested by indentation, an item a line, as deep as the size allows (400 levels ≈ 160 KB). */
  nestedListLevels: (size: number) => around(size, (i) => `${'  '.repeat(i % 400)}- item ${i}\n`),
  /** Front matter of that size: many sources, each with a title and a URL. */
  frontMatter: (size: number) => {
    const parts = ['---\ntitle: A long front matter\nsources:\n'];
    let length = parts[0]!.length;
    for (let i = 0; length < size; i++) {
      const source = `  s${i}:\n    title: Source number ${i} on the decree\n    url: https://example.org/${i}\n`;
      parts.push(source);
      length += source.length;
    }
    return `${parts.join('')}---\n\n${BEFORE}:evidence[After it [@s0]]{#e1 for=c1}\n`;
  },
  /** Paragraphs of long citations: `[see @k0, p. 1; @k1; …]`, 50 keys each. */
  longCitations: (size: number) =>
    around(size, (i) => `[see ${Array.from({ length: 50 }, (_, k) => `@k${(i * 50 + k) % 2000}${k % 3 === 0 ? `, p. ${k}` : ''}`).join('; ')}]`, '\n\n'),
  /** One paragraph of prose dense in emphasis, code spans and entities, no blank line in it. */
  denseParagraph: (size: number) => around(size, (i) => `the *decree* annex \`code\` &amp; trade _policy_ ${i}\n`),
  /** Ordinary paragraphs of prose with a stray `]` in each line. */
  closingBracketsInProse: (size: number) => around(size, (i) => `${PROSE_LINE} ] ${i}\n${i % 8 === 7 ? '\n' : ''}`),
} satisfies Record<string, (size: number) => string>;

export type PathologicalShape = keyof typeof PATHOLOGICAL_SHAPES;
