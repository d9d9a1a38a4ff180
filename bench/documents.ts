/**
 * The documents the benchmark measures besides the generated analyses: the public conformance
 * cases repeated to a size (each shape alone, and all together), the pathological shapes that
 * made the check superlinear, and a large CSL-JSON library with a document citing keys it lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { PATHOLOGICAL_SHAPES as SHAPES } from '../test/support/pathological.js';

export interface BenchDocument {
  readonly name: string;
  readonly text: string;
}

interface CaseParts {
  readonly frontMatter: string;
  readonly body: string;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

function splitCase(text: string): CaseParts {
  const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? '';
  return { frontMatter, body: text.slice(frontMatter.length) };
}

/**
 * One copy of a case's body with its ids and footnote labels made its own (`c1` → `c1-3`), so that
 * a repeated case reads like a longer document rather than one full of duplicate ids.
 */
export function copyOfBody(body: string, tag: string): string {
  const renameItems = (items: string) => items.split(',').map((item) => (item.trim() ? `${item}-${tag}` : item)).join(',');
  return body
    .replace(/\{[^{}\n]*\}/g, (block) =>
      block.replace(/#([^\s}#.]+)/g, `#$1-${tag}`).replace(/\b(for|against)=("?)([^\s}"]+)/g, (_, name: string, quote: string, items: string) => `${name}=${quote}${renameItems(items)}`),
    )
    .replace(/\[\^([^\]\s]+)\]/g, `[^$1-${tag}]`);
}

function repeatBody(body: string, bytes: number, startLength: number, tagOf: (copy: number) => string): string {
  const copies: string[] = [];
  for (let length = startLength, copy = 0; length < bytes; copy++) {
    const next = `${copyOfBody(body, tagOf(copy))}\n`;
    copies.push(next);
    length += next.length;
  }
  return copies.join('');
}

export function readCases(folder: string): BenchDocument[] {
  return readdirSync(folder)
    .filter((name) => /^\d+-.*\.md$/.test(name))
    .sort()
    .map((name) => ({ name: name.replace(/\.md$/, ''), text: readFileSync(join(folder, name), 'utf8') }));
}

/** A case's front matter once, then its body repeated until the document holds about `bytes`. */
export function repeatedCase(testCase: BenchDocument, bytes: number): BenchDocument {
  const { frontMatter, body } = splitCase(testCase.text);
  return { name: testCase.name, text: frontMatter + repeatBody(body, bytes, frontMatter.length, String) };
}

/**
 * All cases in one document: their front matters merged (sources, bibliography and references
 * joined; one that does not parse is left out) and their bodies repeated in turn to about `bytes`.
 */
export function mixedCases(cases: readonly BenchDocument[], bytes: number): BenchDocument {
  const parts = cases.map((testCase) => splitCase(testCase.text));
  const frontMatter = mergedFrontMatter(parts.map((part) => part.frontMatter));
  const rounds: string[] = [];
  for (let length = frontMatter.length, round = 0; length < bytes; round++) {
    const next = parts.map((part, index) => `${copyOfBody(part.body, `${round}-${index}`)}\n`).join('');
    rounds.push(next);
    length += next.length;
  }
  return { name: 'all cases', text: frontMatter + rounds.join('') };
}

function mergedFrontMatter(frontMatters: readonly string[]): string {
  const sources: Record<string, unknown> = {};
  const bibliography = new Set<string>();
  const references: unknown[] = [];
  for (const frontMatter of frontMatters) {
    const data = readYaml(frontMatter.replace(/^---\r?\n/, '').replace(/---\r?\n$/, ''));
    if (!data) continue;
    Object.assign(sources, data['sources']);
    for (const file of [data['bibliography'] ?? []].flat()) bibliography.add(String(file));
    references.push(...[data['references'] ?? []].flat());
  }
  const merged = { title: 'The conformance cases together', sources, bibliography: [...bibliography], ...(references.length ? { references } : {}) };
  return `---\n${stringifyYaml(merged)}---\n\n`;
}

function readYaml(text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = parseYaml(text);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The shapes whose check grew faster than their size (issue 12, item 2), each of about `bytes`:
 * the generators the scaling tests use, by name.
 */
export const PATHOLOGICAL_SHAPES: readonly { readonly name: string; readonly make: (bytes: number) => string }[] = Object.entries(SHAPES).map(([name, make]) => ({ name, make }));

/** A CSL-JSON library of `count` entries, as a reference manager exports it. */
export function cslLibrary(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `author${i}-${2000 + (i % 25)}`,
    type: 'article-journal',
    title: `A study of the border trade, part ${i}`,
    author: [{ family: `Author${i}`, given: 'Alex' }],
    issued: { 'date-parts': [[2000 + (i % 25)]] },
    URL: `https://example.org/library/${i}`,
  }));
  return JSON.stringify(entries, null, 2);
}

/** An analysis citing `unknown` keys the library lacks (each near one it holds) between known ones. */
export function documentCitingUnknownKeys(unknown: number): string {
  return '# Citing a large library\n\n' + Array.from({ length: unknown }, (_, i) =>
    `:evidence[Reported in [@author${i * 7}-${2000 + ((i * 7) % 25)}] and in [@autor${i * 7}-${2000 + ((i * 7) % 25)}]]{#e${i}}\n\nSome prose about the finding number ${i}, which the analysis weighs.\n\n`,
  ).join('');
}
