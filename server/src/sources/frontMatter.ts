import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLError } from 'yaml';
import { isStandardChoice, STANDARD_CHOICES, type StandardChoice } from '../language/standards.js';
import type { FrontMatterBlock } from '../model/model.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { Span } from '../types.js';
import { cslDetails, detailsFromValue, scalarToText, type SourceEntry } from './sourceEntry.js';

/** A problem with the front matter, reported as `bad-front-matter`. */
export interface FrontMatterProblem {
  readonly span: Span;
  readonly message: string;
  /** Whether the problem keeps source keys from being resolved. */
  readonly hidesSources: boolean;
}

export interface BibliographyReference {
  /** The path as written. */
  readonly path: string;
  /** Where it is written, for diagnostics about the file. */
  readonly span: Span;
}

export interface FrontMatterData {
  /** The `sources:` map. */
  readonly sources: readonly SourceEntry[];
  /** Pandoc's `references:` list of CSL items, each with an `id`. */
  readonly references: readonly SourceEntry[];
  readonly bibliography: readonly BibliographyReference[];
  readonly problems: readonly FrontMatterProblem[];
  /** The front matter has a `sources:`, `references:` or `bibliography:` key: the document uses the language. */
  readonly declaresSources: boolean;
  /**
   * The standard `standards:` chooses: undefined without one (the setting's applies), `none` for
   * a value not allowed (a problem), since then no standard applies, not even the setting's.
   */
  readonly standards: StandardChoice | undefined;
}

const NO_FRONT_MATTER: FrontMatterData = { sources: [], references: [], bibliography: [], problems: [], declaresSources: false, standards: undefined };
const DECLARES_SOURCES = /^(?:sources|references|bibliography)[ \t]*:/m;

/** The last few front matters read: an edit below the front matter reads it again unchanged. */
const recentlyRead = new Map<string, FrontMatterData>();
const REMEMBERED = 8;

/** Reads `sources:`, `references:` and `bibliography:` from the front matter. Never throws. */
export function readFrontMatter(block: FrontMatterBlock | undefined, lines: LineIndex): FrontMatterData {
  if (!block) return NO_FRONT_MATTER;
  // What is read depends only on the YAML and where it starts (the text before it is the fence).
  const key = `${block.yamlStart}:${block.span.end}:${block.yaml}`;
  let data = recentlyRead.get(key);
  if (!data) {
    data = readYaml(block, lines);
    recentlyRead.set(key, data);
    if (recentlyRead.size > REMEMBERED) recentlyRead.delete(recentlyRead.keys().next().value!);
  }
  return data;
}

function readYaml(block: FrontMatterBlock, lines: LineIndex): FrontMatterData {
  // yaml's own duplicate-key check compares each key with every other of its map: quadratic.
  const document = parseDocument(withLineFeeds(block.yaml), { prettyErrors: false, uniqueKeys: false });
  const toSpan = (range: readonly [number, number, ...number[]] | null | undefined): Span =>
    range ? { start: block.yamlStart + range[0], end: block.yamlStart + range[1] } : lines.lineSpan(lines.positionAt(block.span.start).line);
  const firstError = [document.errors[0] && toProblem(document.errors[0]), firstDuplicateKey(document.contents)]
    .filter((error) => error !== undefined)
    .sort((a, b) => a.offset - b.offset)[0];
  if (firstError) {
    return {
      ...NO_FRONT_MATTER,
      problems: [yamlProblem(firstError, block, lines)],
      declaresSources: DECLARES_SOURCES.test(block.yaml),
    };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return NO_FRONT_MATTER;
  if (!isMap(root)) {
    return { ...NO_FRONT_MATTER, problems: [shapeProblem(toSpan(root.range), 'The front matter should be a YAML map of keys such as title:, sources: and bibliography:.')] };
  }
  const sourcesPair = findPair(root.items, 'sources');
  const referencesPair = findPair(root.items, 'references');
  const bibliographyPair = findPair(root.items, 'bibliography');
  const sources = readSources(sourcesPair, toSpan);
  const bibliography = readBibliography(bibliographyPair, toSpan);
  const standards = readStandards(findPair(root.items, 'standards'), toSpan);
  return {
    sources: sources.entries,
    references: readReferences(referencesPair, toSpan),
    bibliography: bibliography.references,
    problems: [...sources.problems, ...bibliography.problems, ...standards.problems],
    declaresSources: sourcesPair !== undefined || referencesPair !== undefined || bibliographyPair !== undefined,
    standards: standards.choice,
  };
}

type ToSpan = (range: readonly [number, number, ...number[]] | null | undefined) => Span;

function findPair(items: readonly Pair<unknown, unknown>[], name: string): Pair<unknown, unknown> | undefined {
  return items.find((pair) => isScalar(pair.key) && pair.key.value === name);
}

function readSources(pair: Pair<unknown, unknown> | undefined, toSpan: ToSpan): { entries: SourceEntry[]; problems: FrontMatterProblem[] } {
  if (!pair || isEmpty(pair.value)) return { entries: [], problems: [] };
  if (!isMap(pair.value)) {
    return { entries: [], problems: [shapeProblem(toSpan((pair.key as YamlNode).range), 'sources: should be a map from each source key to a URL or to fields such as title:, author:, date: and url:.')] };
  }
  const entries: SourceEntry[] = [];
  const problems: FrontMatterProblem[] = [];
  for (const item of pair.value.items) {
    const keyNode = item.key as YamlNode | null;
    // A null key (`~:`, `null:`) names no source; the string "null" does.
    const key = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : undefined;
    if (key === undefined) continue;
    const keySpan = unquoted(toSpan(keyNode?.range), isScalar(keyNode) && (keyNode.type === 'QUOTE_DOUBLE' || keyNode.type === 'QUOTE_SINGLE'));
    const details = detailsFromValue(isScalar(item.value) || isMap(item.value) || isSeq(item.value) ? (item.value as YamlNode).toJSON() : item.value);
    if (!details) {
      problems.push({ span: keySpan, message: `Source "${key}" should be a URL or a map of fields such as title:, author:, date: and url:.`, hidesSources: false });
    }
    entries.push({ key, ...details, origin: { kind: 'front-matter', keySpan } });
  }
  return { entries, problems };
}

/** CSL items as Pandoc reads them: each map with an `id`; the last item of an id wins, as in Pandoc. */
function readReferences(pair: Pair<unknown, unknown> | undefined, toSpan: ToSpan): SourceEntry[] {
  if (!pair || !isSeq(pair.value)) return [];
  const entries = new Map<string, SourceEntry>();
  for (const item of pair.value.items) {
    const idNode = isMap(item) ? item.get('id', true) : undefined;
    const key = isScalar(idNode) ? scalarToText(idNode.value) : undefined;
    if (!key || !isMap(item)) continue;
    const keySpan = unquoted(toSpan(idNode!.range), idNode!.type === 'QUOTE_DOUBLE' || idNode!.type === 'QUOTE_SINGLE');
    entries.delete(key);
    entries.set(key, { key, ...cslDetails(item.toJSON() as Record<string, unknown>), origin: { kind: 'front-matter', keySpan } });
  }
  return [...entries.values()];
}

function readBibliography(pair: Pair<unknown, unknown> | undefined, toSpan: ToSpan): { references: BibliographyReference[]; problems: FrontMatterProblem[] } {
  if (!pair || isEmpty(pair.value)) return { references: [], problems: [] };
  const wrongShape = { references: [], problems: [shapeProblem(toSpan((pair.key as YamlNode).range), 'bibliography: should be a path to a .bib, .json or .yaml file, or a list of such paths.')] };
  if (isScalar(pair.value)) {
    return typeof pair.value.value === 'string' ? { references: [{ path: pair.value.value, span: toSpan(pair.value.range) }], problems: [] } : wrongShape;
  }
  if (!isSeq(pair.value)) return wrongShape;
  const references: BibliographyReference[] = [];
  for (const item of pair.value.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return wrongShape;
    references.push({ path: item.value, span: toSpan(item.range) });
  }
  return { references, problems: [] };
}

/** No `standards:`, or one with no value, chooses nothing; a value not allowed chooses `none`. */
function readStandards(pair: Pair<unknown, unknown> | undefined, toSpan: ToSpan): { choice: StandardChoice | undefined; problems: FrontMatterProblem[] } {
  if (!pair || isEmpty(pair.value)) return { choice: undefined, problems: [] };
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (isStandardChoice(value)) return { choice: value, problems: [] };
  const written = isScalar(pair.value) ? `"${String(value)}"` : 'a list or map';
  const message = `standards: ${written} is not a standard: write one of ${STANDARD_CHOICES.join(', ')} (in lower case). Until it is fixed, no standard applies.`;
  return { choice: 'none', problems: [{ span: toSpan((pair.key as YamlNode).range), message, hidesSources: false }] };
}

/** A quoted key's span without its quotes, so that hover, references and rename see the key itself. */
function unquoted(span: Span, quoted: boolean): Span {
  return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

function shapeProblem(span: Span, message: string): FrontMatterProblem {
  return { span, message: `${message} Until it is fixed, citations are not checked against the sources.`, hidesSources: true };
}

interface YamlProblem {
  /** In the YAML. */
  readonly offset: number;
  readonly reason: string;
}

/**
 * The first key written a second time in the same map, with yaml's reason for it: keys are the
 * same when they are scalars of equal value (`1` and `"1"` are not). One pass with a set per map.
 */
function firstDuplicateKey(root: unknown): YamlProblem | undefined {
  let first: YamlProblem | undefined;
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      pending.push(pair.key, pair.value);
      if (!isScalar(pair.key)) continue;
      const identity = `${typeof pair.key.value}:${String(pair.key.value)}`;
      const offset = pair.key.range?.[0] ?? 0;
      if (seen.has(identity) && (!first || offset < first.offset)) first = { offset, reason: 'Map keys must be unique' };
      seen.add(identity);
    }
  }
  return first;
}

function toProblem(error: YAMLError): YamlProblem {
  return { offset: error.pos[0], reason: yamlReason(error) };
}

/** YAML's own reason, on the line where YAML places it (the closing fence if past the end). */
function yamlProblem(error: YamlProblem, block: FrontMatterBlock, lines: LineIndex): FrontMatterProblem {
  const closingLine = lines.positionAt(block.span.end).line;
  const line = Math.min(lines.positionAt(block.yamlStart + error.offset).line, closingLine);
  return {
    span: lines.lineSpan(line),
    message: `The front matter is not valid YAML: ${error.reason}. Fix it; until then, citations are not checked against the sources.`,
    hidesSources: true,
  };
}

/** YAML does not take a lone CR for a line end; a LF in its place keeps every offset. */
export function withLineFeeds(yaml: string): string {
  return yaml.replace(/\r(?!\n)/g, '\n');
}

/** YAML's message without the position it appends, which the diagnostic's range gives. */
export function yamlReason(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
