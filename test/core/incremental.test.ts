import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readDocument, readDocumentInSteps, type DocumentSyntax } from '../../server/src/analysis/documentSyntax.js';
import { splitBlocks } from '../../server/src/parse/blocks.js';
import { IncrementalParser } from '../../server/src/parse/incrementalParser.js';
import { runToEnd } from '../../server/src/parse/steps.js';
import { EDIT_FRAGMENTS, generateAnalysis, random } from '../support/generate.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');

/** Everything the model holds, as plain data, markers named by their index. */
function summary(syntax: DocumentSyntax): unknown {
  const { model, frontMatter, usesLanguage } = syntax;
  const index = (marker: { index: number } | undefined) => marker?.index;
  return {
    usesLanguage,
    frontMatter: model.frontMatter,
    frontMatterData: frontMatter,
    markers: model.markers.map((m) => ({ ...m, parent: index(m.parent) })),
    nearMisses: model.nearMisses,
    citations: model.citations.map((c) => ({ ...c, owners: c.owners.map(index) })),
    links: model.links.map((l) => ({ ...l, owners: l.owners.map(index) })),
    silencing: model.silencing,
  };
}

/** One random edit: a fragment that opens, closes or splits blocks inserted, some text removed. */
function randomEdit(text: string, next: () => number): { text: string; description: string } {
  const at = Math.floor(next() * (text.length + 1));
  const removed = next() < 0.4 ? Math.floor(next() * 40) : 0;
  const inserted = next() < 0.8 ? EDIT_FRAGMENTS[Math.floor(next() * EDIT_FRAGMENTS.length)]! : '';
  return { text: text.slice(0, at) + inserted + text.slice(at + removed), description: `at ${at}: -${removed} +${JSON.stringify(inserted)}` };
}

function assertSameAsFull(text: string, incremental: DocumentSyntax, message: string): void {
  const summarized = summary(incremental);
  const full = summary(readDocument(text));
  // Strings compare fast; the structural comparison runs only to show a difference.
  if (JSON.stringify(summarized) !== JSON.stringify(full)) assert.deepEqual(summarized, full, message);
}

/**
 * Before a version is parsed, a parse of another version is begun and left after a few blocks,
 * as the server abandons the analysis of a version a newer one replaced; or it finishes only
 * after the version's own parse, as when two analyses of one document overlap.
 */
function interfere(parser: IncrementalParser, text: string, next: () => number): () => void {
  const other = randomEdit(text, next).text;
  const steps = readDocumentInSteps(other, parser);
  for (let blocks = Math.floor(next() * 4); blocks > 0; blocks--) {
    if (steps.next().done) return () => {};
  }
  if (next() < 0.5) return () => {};
  return () => assertSameAsFull(other, runToEnd(steps), 'a parse that finished after a newer one');
}

/** Applies `count` random edits, checking after each that the incremental parse equals a full one. */
function checkEdits(start: string, count: number, seed: number, { abandonParses = false } = {}): void {
  const next = random(seed);
  const parser = new IncrementalParser();
  let text = start;
  assertSameAsFull(text, readDocument(text, parser), 'the first parse');
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(text, next);
    text = edit.text;
    const finishLate = abandonParses ? interfere(parser, text, next) : () => {};
    assertSameAsFull(text, readDocument(text, parser), `edit ${i + 1} (seed ${seed}) ${edit.description}`);
    finishLate();
  }
}

describe('incremental parsing', () => {
  it('splits at blank lines outside front matter, fences, containers and HTML blocks, never before an indented line', () => {
    const text = ['---', 'a: 1', '', '---', '', 'p1', '', '```', '', 'code', '```', '', ':::claim{#c}', '', 'x', ':::', '', '<!--', '', '-->', '', '- item', '', '  more', '', 'p2'].join('\n');
    const starts = splitBlocks(text).map((start) => text.slice(start).split('\n')[0]);
    assert.deepEqual(starts, ['---', 'p1', '```', ':::claim{#c}', '<!--', '- item', 'p2']);
  });

  it('does not split after a fence that opens indented, which may belong to a list item', () => {
    const text = '- item\n  ```\n  a\n\nb\n  ```\nc\n\n:::claim{#x}\nhello\n:::\n';
    assert.deepEqual(splitBlocks(text), [0]);
    assert.deepEqual(summary(readDocument(text, new IncrementalParser())), summary(readDocument(text)));
  });

  it('equals a full parse after random edits of the conformance cases', { skip: !existsSync(CONFORMANCE) && '../shared is not beside this checkout' }, () => {
    const cases = readdirSync(CONFORMANCE).filter((file) => file.endsWith('.md')).sort();
    cases.forEach((name, i) => checkEdits(readFileSync(join(CONFORMANCE, name), "utf8"), 120, i + 1));
  });

  it('equals a full parse after random edits of the conformance cases when parses are left unfinished or finish late', { skip: !existsSync(CONFORMANCE) && '../shared is not beside this checkout' }, () => {
    const cases = readdirSync(CONFORMANCE).filter((file) => file.endsWith('.md')).sort();
    cases.forEach((name, i) => checkEdits(readFileSync(join(CONFORMANCE, name), 'utf8'), 20, 100 + i, { abandonParses: true }));
  });

  it('equals a full parse after random edits of the bundled example', () => {
    checkEdits(readFileSync(join(ROOT, 'examples/policy-shift-toward-belarus.md'), 'utf8'), 200, 99);
  });

  it('equals a full parse after random edits of a generated 100 KB analysis', () => {
    checkEdits(generateAnalysis(100_000, 7), 50, 7);
  });
});
