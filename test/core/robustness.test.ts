import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeFixture } from '../support/check.js';
import { generateAnalysis } from '../support/generate.js';

/**
 * Whatever the text, analysis returns, every diagnostic lies inside the document, and the time
 * stays proportional to the size: a fixed allowance plus a per-KB one, many times what an
 * ordinary analysis of the same size takes on this machine under its present load (measured once,
 * below), which the quadratic blow-ups found so far (minutes on 200 KB) break.
 */
const ALLOWANCE_MS = 3_000;
const TIMES_AN_ORDINARY_KB = 10;
const AT_LEAST_PER_KB_MS = 40;

let perKbBound: Promise<number> | undefined;

/** The per-KB allowance: ten times what a generated analysis of 100 KB costs per KB just now. */
function perKbMs(): Promise<number> {
  perKbBound ??= (async () => {
    const ordinary = generateAnalysis(100_000, 5);
    const started = Date.now();
    await analyzeFixture({ text: ordinary });
    return Math.max(AT_LEAST_PER_KB_MS, (TIMES_AN_ORDINARY_KB * (Date.now() - started)) / (ordinary.length / 1000));
  })();
  return perKbBound;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');
const CASES = existsSync(CONFORMANCE)
  ? readdirSync(CONFORMANCE).filter((name) => name.endsWith('.md')).sort().map((name) => readFileSync(join(CONFORMANCE, name), 'utf8'))
  : [['---', 'sources:', '  s1: https://example.org', '---', ':claim[A claim [@s1]]{#c1}', ':::evidence{#e1 for=c1}', 'Text [a](TODO)', ':::'].join('\n')];

const SMALL_INSERTS = [
  ':', '::', ':::', ':::claim{#x}\n', '\n:::\n', '[', ']', '{', '}', '{#', '="', '```', '\n```\n', '~~~\n', '`', '``', '```````',
  '"', "'", '\0', '\uD800', '\uDC00', '\r', '\r\n', '\n\n', '\u200F', '\u202E', '\uFEFF', '<!--', '-->', '<details>\n', '> ', '- ', '1. ',
  '    ', '\t', '@', '[@', '*', '**', '_', '~~', '\\', '---\n', '[^1]', '[^1]: note\n', '[x]: #\n', '<', '&amp;',
];
const LONG = 200_000;
const LEVELS = 10_000;
const BIG_INSERTS = [
  'a'.repeat(LONG), '[a '.repeat(LONG / 3), 'a] '.repeat(LONG / 3), '*a '.repeat(LONG / 3), '@a '.repeat(LONG / 3), ':a'.repeat(LONG / 2),
  '> '.repeat(LEVELS), '- '.repeat(LEVELS), '*'.repeat(LEVELS), '['.repeat(LEVELS), ':claim['.repeat(LEVELS), ':::claim\n'.repeat(LEVELS),
  '{'.repeat(LEVELS), '`'.repeat(LEVELS),
];

async function assertAnalysedInTime(text: string): Promise<void> {
  const perKb = await perKbMs();
  const started = Date.now();
  const { diagnostics } = await analyzeFixture({ text });
  const elapsed = Date.now() - started;
  const bound = ALLOWANCE_MS + perKb * (text.length / 1000);
  assert.ok(elapsed <= bound, `${elapsed} ms for ${text.length} characters (bound ${bound.toFixed(0)} ms)`);
  const lineLengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  for (const { range, code } of diagnostics) {
    for (const end of [range.start, range.end]) {
      assert.ok(end.line >= 0 && end.line < lineLengths.length, `${code}: line ${end.line} outside ${lineLengths.length} lines`);
      assert.ok(end.character >= 0 && end.character <= lineLengths[end.line]!, `${code}: character ${end.character} outside line ${end.line}`);
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${code}: range ends before it starts`);
  }
}

/** Inserts each fragment at its position (a fraction of the length), from the last to the first. */
function mutate(text: string, inserts: readonly (readonly [number, string])[]): string {
  let result = text;
  for (const [where, fragment] of [...inserts].sort(([a], [b]) => b - a)) {
    const at = Math.floor(where * result.length);
    result = result.slice(0, at) + fragment + result.slice(at);
  }
  return result;
}

const position = fc.double({ min: 0, max: 1, noNaN: true });

describe('robustness of the analysis', () => {
  it('analyses any string', async () => {
    const anyCodeUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 });
    const markdownish = fc.array(fc.oneof(fc.constantFrom(...SMALL_INSERTS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(fc.oneof(anyCodeUnit, markdownish), assertAnalysedInTime), { numRuns: 150 });
  });

  it('analyses the conformance cases with characters and fragments inserted', async () => {
    const inserts = fc.array(fc.tuple(position, fc.constantFrom(...SMALL_INSERTS)), { minLength: 1, maxLength: 8 });
    await fc.assert(fc.asyncProperty(fc.constantFrom(...CASES), inserts, async (text, chosen) => assertAnalysedInTime(mutate(text, chosen))), { numRuns: 60 });
  });

  it('analyses the conformance cases with 200,000-character lines or 10,000 levels of nesting inserted', async () => {
    const insert = fc.tuple(position, fc.constantFrom(...BIG_INSERTS));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...CASES), insert, async (text, chosen) => assertAnalysedInTime(mutate(text, [chosen]))), { numRuns: 12 });
  });
});
