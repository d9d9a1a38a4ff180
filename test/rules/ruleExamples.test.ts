import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/rules/index.js';
import { analyzeFixture } from '../support/check.js';

/**
 * Each rule's header is its documentation and its test (remark-lint's way): every `@example
 * not-ok` must give exactly the diagnostics its `^^^ code` lines mark, and every `@example ok`
 * none of the rule's code.
 */
const RULES_FOLDER = fileURLToPath(new URL('../../../server/src/rules/', import.meta.url));

interface Example {
  readonly kind: 'ok' | 'not-ok';
  readonly text: string;
  readonly expected: string[];
}

function examplesOf(source: string): Example[] {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const lines = header.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const examples: Example[] = [];
  let current: { kind: 'ok' | 'not-ok'; body: string[]; expected: string[] } | undefined;
  const finish = () => {
    if (current) examples.push({ kind: current.kind, text: trimTrailingEmpty(current.body).join('\n'), expected: current.expected });
  };
  for (const line of lines) {
    const start = /^@example (ok|not-ok)\s*$/.exec(line);
    if (start) {
      finish();
      current = { kind: start[1] as 'ok' | 'not-ok', body: [], expected: [] };
    } else if (line.startsWith('@')) {
      finish();
      current = undefined;
    } else if (current) {
      const body = line.replace(/^ {2}/, '');
      const carets = /^(\s*)(\^+) ([a-z-]+)\s*$/.exec(body);
      if (carets) {
        const lineNumber = current.body.length - 1;
        const start = carets[1]!.length;
        current.expected.push(`${lineNumber}:${start}-${start + carets[2]!.length} ${carets[3]}`);
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
    it(`${code} documents at least one not-ok example`, () => {
      assert.ok(examples.some((example) => example.kind === 'not-ok' && example.expected.some((e) => e.endsWith(` ${code}`))));
    });
    examples.forEach((example, index) => {
      it(`${code}: example ${index + 1} (${example.kind})`, async () => {
        const { diagnostics } = await analyzeFixture({ text: example.text, path: '/ws/example.md' });
        const codes = new Set([code, ...example.expected.map((e) => e.split(' ')[1])]);
        const actual = diagnostics
          .filter((d) => codes.has(d.code))
          .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.start.line === d.range.end.line ? d.range.end.character : d.range.start.character + 1} ${d.code}`);
        assert.deepEqual(actual.sort(), [...example.expected].sort(), `${example.text}\n\n${diagnostics.map((d) => d.message).join('\n')}`);
      });
    });
  }
});
