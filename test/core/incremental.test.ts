import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readDocument, type DocumentSyntax } from '../../server/src/analysis/documentSyntax.js';
import { splitBlocks } from '../../server/src/parse/blocks.js';
import { IncrementalParser } from '../../server/src/parse/incrementalParser.js';
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

/** Applies `count` random edits, checking after each that the incremental parse equals a full one. */
function checkEdits(start: string, count: number, seed: number): void {
  const next = random(seed);
  const parser = new IncrementalParser();
  let text = start;
  assert.deepEqual(summary(readDocument(text, parser)), summary(readDocument(text)));
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * (text.length + 1));
    const removed = next() < 0.4 ? Math.floor(next() * 40) : 0;
    const inserted = next() < 0.8 ? EDIT_FRAGMENTS[Math.floor(next() * EDIT_FRAGMENTS.length)]! : '';
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    const incremental = summary(readDocument(text, parser));
    const full = summary(readDocument(text));
    // Strings compare fast; the structural comparison runs only to show a difference.
    if (JSON.stringify(incremental) !== JSON.stringify(full)) {
      assert.deepEqual(incremental, full, `edit ${i + 1} (seed ${seed}) at ${at}: -${removed} +${JSON.stringify(inserted)}`);
    }
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

  it('equals a full parse after random edits of the bundled example', () => {
    checkEdits(readFileSync(join(ROOT, 'examples/policy-shift-toward-belarus.md'), 'utf8'), 200, 99);
  });

  it('equals a full parse after random edits of a generated 100 KB analysis', () => {
    checkEdits(generateAnalysis(100_000, 7), 50, 7);
  });
});
