import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/rules/index.js';
import { analyzeFixture } from '../support/check.js';

/**
 * Each rule's header is its documentation and its test (remark-lint's way): every example must
 * give exactly the diagnostics its `^^^ code` lines mark, of every code, so that examples pin
 * precedence ("one problem, one diagnostic") too; a mark may pin a fragment of the message
 * (`^^^ code "Did you mean"`). Every rule has an `@example not-ok` and an `@example ok`.
 * Examples may name the bibliography files of `EXAMPLE_FILES`.
 */
const RULES_FOLDER = fileURLToPath(new URL('../../../server/src/rules/', import.meta.url));

/**
 * Beside every example: a bibliography that defines `trade-stats`, one that does not parse, and
 * one whose `field-notes` has a grade in lower case.
 */
const EXAMPLE_FILES = {
  '/ws/refs.yaml': 'trade-stats:\n  title: Foreign trade statistics\n  url: https://example.org/trade\n',
  '/ws/broken.json': '[{"id": "trade-stats",',
  '/ws/graded.bib': '@misc{field-notes,\n  title = {Field notes},\n  grade = {b2}\n}\n',
};

interface Example {
  readonly kind: 'ok' | 'not-ok';
  readonly text: string;
  /** `line:start-end code`, one per mark. */
  readonly expected: string[];
  /** The message fragments marks pin, by their `line:start-end code`. */
  readonly fragments: ReadonlyMap<string, string>;
}

function examplesOf(source: string): Example[] {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const lines = header.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const examples: Example[] = [];
  let current: { kind: 'ok' | 'not-ok'; body: string[]; expected: string[]; fragments: Map<string, string> } | undefined;
  const finish = () => {
    if (current) examples.push({ kind: current.kind, text: trimTrailingEmpty(current.body).join('\n'), expected: current.expected, fragments: current.fragments });
  };
  for (const line of lines) {
    const start = /^@example (ok|not-ok)\s*$/.exec(line);
    if (start) {
      finish();
      current = { kind: start[1] as 'ok' | 'not-ok', body: [], expected: [], fragments: new Map() };
    } else if (line.startsWith('@')) {
      finish();
      current = undefined;
    } else if (current) {
      const body = line.replace(/^ {2}/, '');
      const carets = /^(\s*)(\^+) ([a-z-]+)(?: "(.*)")?\s*$/.exec(body);
      if (carets) {
        const lineNumber = current.body.length - 1;
        const start = carets[1]!.length;
        const mark = `${lineNumber}:${start}-${start + carets[2]!.length} ${carets[3]}`;
        current.expected.push(mark);
        if (carets[4] !== undefined) current.fragments.set(mark, carets[4]);
      } else {
        current.body.push(body);
      }
    }
  }
  finish();
  return examples;
}

function trimTrailingEmpty(body: string[]): string[] {
  const copy = [...body];
  while (copy.length > 0 && copy[copy.length - 1]!.trim() === '') copy.pop();
  return copy;
}

describe('rule examples', () => {
  const files = readdirSync(RULES_FOLDER).filter((file) => /^[a-z]+(-[a-z]+)+\.ts$/.test(file));

  it('has one rule file per registered code', () => {
    assert.deepEqual(files.map((file) => file.replace(/\.ts$/, '')).sort(), RULES.map((rule) => rule.code).sort());
  });

  for (const file of files) {
    const code = file.replace(/\.ts$/, '');
    const examples = examplesOf(readFileSync(`${RULES_FOLDER}${file}`, 'utf8'));
    it(`${code} documents a not-ok example that gives its code, and an ok example`, () => {
      assert.ok(examples.some((example) => example.kind === 'not-ok' && example.expected.some((e) => e.endsWith(` ${code}`))), 'not-ok');
      assert.ok(examples.some((example) => example.kind === 'ok'), 'ok');
    });
    examples.forEach((example, index) => {
      it(`${code}: example ${index + 1} (${example.kind})`, async () => {
        const { diagnostics } = await analyzeFixture({ text: example.text, path: '/ws/example.md', files: EXAMPLE_FILES });
        const marked = diagnostics.map((d) => ({ mark: `${d.range.start.line}:${d.range.start.character}-${d.range.start.line === d.range.end.line ? d.range.end.character : d.range.start.character + 1} ${d.code}`, message: d.message }));
        const context = `${example.text}\n\n${diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')}`;
        assert.deepEqual(marked.map((d) => d.mark).sort(), [...example.expected].sort(), context);
        if (example.kind === 'ok') assert.ok(!marked.some((d) => d.mark.endsWith(` ${code}`)), context);
        for (const [mark, fragment] of example.fragments) {
          assert.ok(marked.some((d) => d.mark === mark && d.message.includes(fragment)), `${mark} says "${fragment}"\n\n${context}`);
        }
      });
    });
  }
});
