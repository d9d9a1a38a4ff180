import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { isStandardChoice, STANDARD_CHOICES, type StandardChoice } from '../language/standards.js';
import { withLineFeeds, yamlReason } from '../sources/frontMatter.js';
import { closestName } from '../text/closestName.js';
import { LineIndex } from '../text/lineIndex.js';
import type { Code, Range, SeveritySetting, Span } from '../types.js';
import { readSeverityEntry } from './severity.js';

/** The name of the project configuration file. */
export const CONFIG_FILE_NAME = '.tradecraft.yaml';

/** The keys of `.tradecraft.yaml`, in the order `tradecraft init` writes them. */
export const CONFIG_KEYS = ['severity', 'bibliography', 'include', 'exclude', 'standards'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** What a `.tradecraft.yaml` says; a key it does not set (or sets wrongly) is left undefined or empty. */
export interface ProjectConfig {
  readonly severity: Readonly<Partial<Record<Code, SeveritySetting>>>;
  /** Bibliography files as written: relative to the configuration file's folder. */
  readonly bibliography: readonly string[];
  readonly include: readonly string[] | undefined;
  readonly exclude: readonly string[] | undefined;
  readonly standards: StandardChoice | undefined;
}

/** Something wrong in the file, with where: each costs only what it is about. */
export interface ConfigProblem {
  readonly range: Range;
  readonly message: string;
}

export interface ConfigReading {
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: ProjectConfig = { severity: {}, bibliography: [], include: undefined, exclude: undefined, standards: undefined };

type Problems = { add(node: YamlNode | null | undefined, message: string): void };

/** Reads the text of a `.tradecraft.yaml`. Never throws. */
export function readProjectConfig(text: string): ConfigReading {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const spanOf = (node: YamlNode | null | undefined): Span => (node?.range ? { start: node.range[0], end: node.range[1] } : lines.lineSpan(0));
  const report: Problems = { add: (node, message) => problems.push({ range: lines.rangeOf(spanOf(node)), message }) };
  const document = parseDocument(withLineFeeds(text), { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const offset = Math.min(error.pos[0], text.length);
    problems.push({ range: lines.rangeOf(lines.lineSpan(lines.positionAt(offset).line)), message: `${CONFIG_FILE_NAME} is not valid YAML: ${yamlReason(error)}. Fix it; until then, none of its settings apply.` });
    return { config: EMPTY_CONFIG, problems };
  }
  const root = document.contents;
  if (root === null || isEmpty(root)) return { config: EMPTY_CONFIG, problems };
  if (!isMap(root)) {
    report.add(root, `${CONFIG_FILE_NAME} should be a YAML map of keys: ${CONFIG_KEYS.join(', ')}.`);
    return { config: EMPTY_CONFIG, problems };
  }
  const pairs = knownPairs(root.items, report);
  return {
    config: {
      severity: readSeverities(pairs.get('severity'), report),
      bibliography: readStrings(pairs.get('bibliography'), 'bibliography', report) ?? [],
      include: nonEmpty(readStrings(pairs.get('include'), 'include', report), pairs.get('include'), report),
      exclude: readStrings(pairs.get('exclude'), 'exclude', report),
      standards: readStandards(pairs.get('standards'), report),
    },
    problems: inFileOrder(problems),
  };
}

/** The pairs of the keys the file may have, each unknown key a problem. */
function knownPairs(items: readonly Pair<unknown, unknown>[], report: Problems): Map<ConfigKey, Pair<unknown, unknown>> {
  const pairs = new Map<ConfigKey, Pair<unknown, unknown>>();
  for (const pair of items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && (CONFIG_KEYS as readonly string[]).includes(key)) pairs.set(key as ConfigKey, pair);
    else report.add(pair.key as YamlNode, unknownKeyMessage(key));
  }
  return pairs;
}

function unknownKeyMessage(key: string | undefined): string {
  const closest = key === undefined ? undefined : closestName(key, CONFIG_KEYS);
  const known = `${CONFIG_FILE_NAME} takes only ${CONFIG_KEYS.join(', ')}`;
  if (key === undefined) return `A key of ${CONFIG_FILE_NAME} should be a plain word: ${known}.`;
  return closest ? `"${key}" is not a key of ${CONFIG_FILE_NAME}: did you mean "${closest}"?` : `"${key}" is not a key of ${CONFIG_FILE_NAME}: ${known}; remove it.`;
}

function readSeverities(pair: Pair<unknown, unknown> | undefined, report: Problems): Partial<Record<Code, SeveritySetting>> {
  const severity: Partial<Record<Code, SeveritySetting>> = {};
  if (!pair || isEmpty(pair.value)) return severity;
  if (!isMap(pair.value)) {
    report.add(pair.key as YamlNode, 'severity: should be a map from each code to error, warning, information, hint or off, such as "unused-source: off".');
    return severity;
  }
  for (const item of pair.value.items) {
    const code = isScalar(item.key) ? String(item.key.value) : '';
    const level = isScalar(item.value) ? item.value.value : item.value;
    const reading = readSeverityEntry(code, level);
    if ('code' in reading) severity[reading.code] = reading.level;
    else report.add((reading.about === 'code' ? item.key : (item.value ?? item.key)) as YamlNode, `severity: ${reading.problem}`);
  }
  return severity;
}

/** A string or a list of strings; undefined when the key is not set or is not that. */
function readStrings(pair: Pair<unknown, unknown> | undefined, key: ConfigKey, report: Problems): string[] | undefined {
  if (!pair || isEmpty(pair.value)) return undefined;
  if (isScalar(pair.value) && typeof pair.value.value === 'string') return [pair.value.value];
  if (!isSeq(pair.value)) {
    report.add((pair.value ?? pair.key) as YamlNode, `${key}: should be a text or a list of texts.`);
    return undefined;
  }
  const strings: string[] = [];
  for (const item of pair.value.items) {
    if (isScalar(item) && typeof item.value === 'string') strings.push(item.value);
    else report.add(item as YamlNode, `${key}: each item should be a text (quote it if YAML reads it as something else).`);
  }
  return strings;
}

/** An `include` that lists nothing would check nothing: the default applies instead. */
function nonEmpty(globs: string[] | undefined, pair: Pair<unknown, unknown> | undefined, report: Problems): string[] | undefined {
  if (globs === undefined || globs.length > 0) return globs;
  report.add(pair?.key as YamlNode, 'include: lists no glob, so the default file types are checked: name at least one, such as "**/*.md".');
  return undefined;
}

function readStandards(pair: Pair<unknown, unknown> | undefined, report: Problems): StandardChoice | undefined {
  if (!pair || isEmpty(pair.value)) return undefined;
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (isStandardChoice(value)) return value;
  const closest = typeof value === 'string' ? closestName(value, STANDARD_CHOICES) : undefined;
  report.add(pair.value as YamlNode, `standards: "${String(value ?? '…')}" is not a standard. ${closest ? `Did you mean "${closest}"?` : `Use one of ${STANDARD_CHOICES.join(', ')}.`}`);
  return undefined;
}

function inFileOrder(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}
