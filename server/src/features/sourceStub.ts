import { stringify } from 'yaml';
import type { Analysis } from '../analysis/analysis.js';
import type { TextEdit } from '../types.js';

/**
 * The edit that adds a stub entry for `key` to the front matter's `sources:`, creating the map,
 * or the front matter itself, when absent, with a snippet that leaves the cursor in the stub's
 * title, then its URL. Undefined when `sources:` is written in a flow style (`sources: {a: …}`)
 * that a line cannot be added to.
 */
export function sourceStubEdit(analysis: Analysis, key: string): TextEdit | undefined {
  const edit = stubEdit(analysis, key);
  return edit && { ...edit, snippet: withTabStops(edit.newText) };
}

/** The stub's empty title and URL (its last two values) as the snippet's first and second tab stops. */
function withTabStops(newText: string): string {
  const escaped = newText.replace(/[\\$}]/g, '\\$&');
  const title = escaped.lastIndexOf('title: ""');
  const url = escaped.lastIndexOf('url: ""');
  return `${escaped.slice(0, title)}title: "$1"${escaped.slice(title + 9, url)}url: "$2"${escaped.slice(url + 7)}`;
}

function stubEdit(analysis: Analysis, key: string): TextEdit | undefined {
  const { text, frontMatter, lines } = analysis.syntax.model;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entry = (indent: string) => stubLines(key).map((line) => `${indent}${line}`).join(eol);
  const insert = (offset: number, newText: string): TextEdit => ({ range: lines.rangeOf({ start: offset, end: offset }), newText });
  if (!frontMatter) return insert(0, ['---', 'sources:', entry('  '), '---', '', ''].join(eol));
  const yamlLines = yamlLinesOf(frontMatter.yaml, frontMatter.yamlStart);
  const header = yamlLines.findIndex((line) => /^sources[ \t]*:/.test(line.text));
  if (header === -1) {
    const last = yamlLines[yamlLines.length - 1];
    return frontMatter.yaml.trim() === ''
      ? insert(frontMatter.yamlStart, `sources:${eol}${entry('  ')}${eol}`)
      : insert(last!.end, `${eol}sources:${eol}${entry('  ')}`);
  }
  const value = /^sources[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$/.exec(yamlLines[header]!.text)![1]!;
  if (/^\{\s*\}$/.test(value)) {
    const start = yamlLines[header]!.start + yamlLines[header]!.text.indexOf(value);
    return { range: lines.rangeOf({ start, end: start + value.length }), newText: `${eol}${entry('  ')}` };
  }
  if (value !== '') return undefined;
  let lastEntry = header;
  for (let i = header + 1; i < yamlLines.length && /^(\s|$)/.test(yamlLines[i]!.text); i++) {
    if (yamlLines[i]!.text.trim() !== '') lastEntry = i;
  }
  const indent = /^([ \t]+)\S/.exec(yamlLines[header + 1]?.text ?? '')?.[1] ?? '  ';
  return insert(yamlLines[lastEntry]!.end, `${eol}${entry(indent)}`);
}

/** The YAML's lines with the document offsets where each starts and ends (line end excluded). */
function yamlLinesOf(yaml: string, yamlStart: number): { text: string; start: number; end: number }[] {
  return [...yaml.matchAll(/([^\r\n]*)(\r\n?|\n|$)/g)]
    .filter((match) => match[0] !== '' || match.index === 0)
    .map((match) => ({ text: match[1]!, start: yamlStart + match.index, end: yamlStart + match.index + match[1]!.length }));
}

/**
 * The stub's lines as YAML writes them, so that the key reads back as the same string: quoted
 * when it would read as a number, a boolean, null or a map (`"007"`, `"True"`, `"a: b"`), in the
 * explicit `? key` form when it is too long for a plain key.
 */
function stubLines(key: string): string[] {
  return stringify({ [key]: { title: '', url: '' } }, { lineWidth: 0 }).trimEnd().split('\n');
}
