import fc from 'fast-check';

/**
 * Deterministic annotated analyses of any size, for the equivalence tests and the benchmark:
 * front matter with sources, headings, claims, evidence and hypotheses in all three forms,
 * citations, links, reference definitions, footnotes, code, quotes and lists. Each reference and
 * footnote label is defined once, near the top, as in a real document (micromark looks labels up
 * in a list, so thousands of repeated definitions would make the parse quadratic).
 */

/** A small seeded generator (mulberry32), so that every run sees the same documents. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the decree annex sanctions Minsk Kyiv border trade opposition channel policy measure signal envoy summit ministry pressure record dialogue neutrality timing'.split(' ');

export function generateAnalysis(size: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  // Plain prose, wrapped at about 80 characters, as most of a real analysis is.
  const prose = (count: number) => words(count).replace(/(.{60,80}?) /g, '$1\n').replace(/^./, (c) => c.toUpperCase()) + '.';
  const sources = Array.from({ length: 40 }, (_, i) => `  s${i}:\n    title: Source number ${i}\n    url: https://example.org/${i}\n`).join('');
  const parts = [`---\ntitle: A generated analysis\nsources:\n${sources}---\n\n# A generated analysis\n\n`];
  let length = parts[0]!.length;
  for (let n = 1; length < size; n++) {
    const s = () => `s${Math.floor(next() * 45)}`;
    const section = [
      `## Section ${n}\n\n`,
      `:claim[${words(8)} at 10:30 [@${s()}, p. ${n}]]{#c${n} confidence=${pick(['low', 'moderate', 'high', 'sure'])}}\n\n`,
      `:evidence[${words(10)} with [a link](https://example.org/${n}) and [a ref][r${n % 7}]]{#e${n} for=c${n}}\n\n`,
      `:::hypothesis{#h${n} status=${pick(['open', 'favored', 'rejected'])}}\n${words(12)} :evidence[nested ${words(4)} [@${s()}]]{#n${n}}.\n:::\n\n`,
      `::claim[${words(6)}[^f${n % 9}]]{#l${n} for=h${n}}\n\n`,
      `> ${words(9)} @${s()} and :cliam[typo ${n}]{#t${n}}\n\n`,
      `- ${words(5)} [placeholder](#)\n- :evidence[${words(4)}]{#i${n} against=h${n - 1 > 0 ? n - 1 : n}}\n\n`,
      '```\n:claim[not a marker]{#x}\n```\n\n',
      `Prose ${words(20)} with \`:claim[code]\` and <!-- a comment --> text.\n\n`,
      ...Array.from({ length: 3 }, () => `${prose(70)}\n\n`),
      ...(n <= 9 ? [`[r${n % 7}]: https://example.org/ref/${n % 7}\n\n`, `[^f${n % 9}]: Footnote ${words(5)} [@${s()}].\n\n`] : []),
    ].join('');
    parts.push(section);
    length += section.length;
  }
  return parts.join('');
}

/** Fragments that random edits insert: syntax that opens, closes and splits blocks. */
export const EDIT_FRAGMENTS = [
  '\n', '\n\n', ' ', 'word', ':::claim{#g1}\n', ':::\n', '::::\n', '```\n', '~~~\n', '[@s1]', '@s2 ', '[x]: https://example.org/x\n',
  '[x]', '[^n]', '\n[^n]: a note [@s3]\n', '<!--', '-->', '<!-- tradecraft-disable -->\n', '---\n', '    ', '\t', ':claim[', ']{#c9}',
  '{#e for=}', '::evidence[line]{#q1 for=c1}\n', ':cliam[x]', '> ', '- ', '1. ', '<pre>\n', '</pre>\n', '|a|b|\n|-|-|\n', '\r\n', '\\', '`', '[', ']', '{', '}',
];

/**
 * Lines that make the block-wise parse hard: HTML blocks that a blank line ends and those that
 * only a closing token ends (on their own line or the next), `<details>`, fences and containers
 * inside containers, containers named with a digit or closed by a longer fence, indented fences
 * in lists, definitions at the top and in containers, front matter fences and list items that
 * continue a list across a blank line.
 */
export const HOSTILE_LINES = [
  '\n', '\n', '\n', 'word [x] and [^n] :claim[a claim]{#c1}\n', ':claim[cited [@s1]]{#c2}\n', '[x]: https://example.org/x\n', '[^n]: a note\n',
  '<details>\n', '</details>\n', '<div>\n', '<span class="a">\n', '<!-- a comment -->\n', '<!-->\n', '<!--->\n', '<!--\n', '-->\n', '<?\n', '<?>\n', '?>\n',
  '<!DOCTYPE x\n', '>\n', '<![CDATA[\n', ']]>\n', '<pre>\n', '</pre>\n', '<script>x</script>\n',
  '```\n', '````\n', '~~~\n', '```js `x`\n', '  ```\n', '    ```\n', ':::\n', '::::\n', ':::claim{#c3}\n', '::::hypothesis{#h1}\n', ':::1note\n', ':::2\n', ':::é\n',
  ':::claim{#c4} trailing\n', '::evidence[leaf]{#e1 for=c1}\n', '- item\n', '- ```\n', '  - nested\n', '  ```\n', '1. one\n', '2) two\n', '3. three\n', '-\n', '1. \n', '* * *\n', '- - -\n', '> quote\n', '> ```\n',
  '---\n', '...\n', '\ufeffword\n', '  indented\n', '    code\n', '| a | b |\n', '|---|---|\n', '\t\n',
];

/** Documents of hostile lines, sometimes after front matter (closed or not) or a byte-order mark. */
export function hostileDocuments(maxLines: number): fc.Arbitrary<string> {
  const opening = fc.constantFrom('', '', '', '---\ntitle: x\n', '---\n', '\ufeff', '\ufeff---\na: 1\n');
  return fc.tuple(opening, fc.array(fc.constantFrom(...HOSTILE_LINES), { maxLength: maxLines })).map(([start, lines]) => start + lines.join(''));
}
