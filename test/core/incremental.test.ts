import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { readDocument, readDocumentInSteps, type DocumentSyntax } from '../../server/src/analysis/documentSyntax.js';
import { blockEnds } from '../../server/src/parse/blocks.js';
import { IncrementalParser } from '../../server/src/parse/incrementalParser.js';
import { parseMarkdown, type ParsedMarkdown } from '../../server/src/parse/parseMarkdown.js';
import { runToEnd } from '../../server/src/parse/steps.js';
import { EDIT_FRAGMENTS, HOSTILE_LINES, generateAnalysis, hostileDocuments, random } from '../support/generate.js';

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
    skipped: model.skipped,
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

/** The tree (positions included) and the refused attribute blocks, as one comparable string. */
function parsed(result: ParsedMarkdown): string {
  return JSON.stringify({ tree: result.tree, refused: [...result.refusedAttributeBlocks] });
}

/** Asserts that `parser` parses `text` as a full parse does, tree and model. */
function assertParsesWhole(text: string, parser = new IncrementalParser()): void {
  const incremental = parsed(parser.parse(text));
  const full = parsed(parseMarkdown(text));
  if (incremental !== full) assert.deepEqual(JSON.parse(incremental), JSON.parse(full), JSON.stringify(text).slice(0, 500));
}

/** Where the splitter, reading the whole document with nothing open, proposes that blocks start. */
function splitBlocks(text: string): number[] {
  return [0, ...[...blockEnds(text, 0)].filter((end) => end < text.length)];
}

/** Where the closing fence of a document's front matter ends. */
function closingFenceEnd(text: string): number {
  return text.indexOf('\n---\n', 4) + 4;
}

describe('incremental parsing', () => {
  it('splits at blank lines outside front matter, fences, containers and HTML blocks, never before an indented line', () => {
    const text = ['---', 'a: 1', '', '---', '', 'p1', '', '```', '', 'code', '```', '', ':::claim{#c}', '', 'x', ':::', '', '<!--', '', '-->', '', '- item', '', '  more', '', 'p2'].join('\n');
    const starts = splitBlocks(text).map((start) => text.slice(start).split('\n')[0]);
    assert.deepEqual(starts, ['---', 'p1', '```', ':::claim{#c}', '<!--', '- item', 'p2']);
  });

  it('refuses a split that a fence closed with its list item misleads the splitter into', () => {
    // The list item ends at `b`, closing its fence; the second fence opens and runs to the end.
    const text = '- item\n  ```\n  a\n\nb\n  ```\nc\n\n:::claim{#x}\nhello\n:::\n';
    assert.deepEqual(splitBlocks(text), [0, text.indexOf(':::claim')], 'the splitter reads the second fence as closing the first');
    assertParsesWhole(text);
    assert.deepEqual(summary(readDocument(text, new IncrementalParser())), summary(readDocument(text)));
  });

  it('equals a full parse on documents that once parsed differently block by block', () => {
    const documents = [
      // An HTML block that a blank line ends holds a fence line: the fence after it opens, not closes.
      '<details>\n```\n\npara\n\n```\n\n:claim[x]{#a}\n',
      // A comment that closes on its opening line (`<!-->`) lets the fence after it open.
      '<!-->\n```\n-->\n\n:claim[x]{#a}\n',
      // A container's closing fence closes the fence open inside it.
      ':::claim{#c}\n```\n:::\n\n```\n:::\n\n:claim[y]{#b}\n',
      // A container named with a digit is a container.
      ':::1abc\n```\n:::\n\n```\n\n:claim[y]{#b}\n',
      // `...` does not close front matter, a later `---` does.
      '---\na: 1\n...\n\n:claim[x]{#a}\n\n---\n',
      // micromark skips a byte-order mark before front matter.
      '\ufeff---\na: 1\n\n:claim[x]{#a}\n\n---\n',
      // A list item after a blank line continues the list.
      '- a\n\n- b :claim[x]{#a}\n',
      // A definition elsewhere is seen by a last block that a fence leaves open.
      'p [x]\n\n[x]: /u\n\n```\n[x]\n',
      // What a list item leaves open ends otherwise before a new container (here a footnote).
      '1. <pre>\n\n[^n]: a note [@s3]\n',
      '- ```\n\n* * *\n',
      // An indented line after front matter does not start a block (stubs before it would take it in).
      '---\n---\n    ```\n[^n]: a note\n',
      // An unclosed front matter opening: micromark starts no list or quote in the whole document.
      '---\n\n- item\n\n> quote\n',
      // There, a footnote definition is text, and the probe before it must define no link.
      '---\n[^n]: a note\n\n[^n]: a note\n',
      // After an indented code block, an empty item or one not numbered 1 starts no list, even after a blank line.
      '    ]]>\n\n1. ',
      '    code\n\n2. x\n',
      // A byte-order mark is skipped only at the start of the document.
      '\n\ufeff---\na: 1\n',
      // A definition in a container is seen by top-level text after it and by text in any container, not by top-level text before it.
      'A [^n].\n\n:::note\n[^n]: Inside.\n:::\n\nB [^n].\n',
      ':::aside\nC [^n] [x].\n:::\n\nD [x].\n\n:::note\n[^n]: Inside.\n\n[x]: /u\n:::\n\nB [^n] [x].\n\n> Q [x]\n',
      '- A [x].\n\n:::note\n- [x]: /u\n:::\n\n:::note\nE [x] [^m]\n:::\n\n[^m]: top\n',
      // Deeper, in a container inside a container, the document is parsed whole.
      'A [x].\n\n::::outer\n:::inner\n[x]: /u\n:::\n::::\n\nB [x].\n',
      // A first parse guesses the definitions from lines that look like one: in a fence they are none …
      'A [x] [^n].\n\n```\n[x]: /u\n[^n]: no\n```\n\nB [x] [^n].\n',
      // … and in a block quote or a list item they are, unguessed.
      'A [x] [^n].\n\n> [x]: /u\n\n- [^n]: a note\n\nB [x] [^n].\n',
    ];
    for (const text of documents) {
      assertParsesWhole(text);
      assert.deepEqual(summary(readDocument(text, new IncrementalParser())), summary(readDocument(text)), JSON.stringify(text));
    }
  });

  it('equals a full parse on documents of hostile lines (property)', () => {
    fc.assert(fc.property(hostileDocuments(30), (text) => assertParsesWhole(text)), { numRuns: 500, seed: 11 });
  });

  it('equals a full parse when blocks are joined up to a least length (property)', () => {
    fc.assert(fc.property(hostileDocuments(30), fc.nat(400), (text, minimumBlock) => assertParsesWhole(text, new IncrementalParser(minimumBlock))), { numRuns: 300, seed: 13 });
  });

  it('equals a full parse after edits that insert and delete hostile lines (property)', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...HOSTILE_LINES));
    fc.assert(
      fc.property(hostileDocuments(20), fc.array(edit, { maxLength: 8 }), (start, edits) => {
        const parser = new IncrementalParser();
        let lines = start.split(/(?<=\n)/);
        assertParsesWhole(lines.join(''), parser);
        for (const [at, removed, inserted] of edits) {
          const index = at % (lines.length + 1);
          lines = [...lines.slice(0, index), inserted, ...lines.slice(index + removed)];
          assertParsesWhole(lines.join(''), parser);
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('splits a document whose front matter lost its closing fence, and equals a full parse across the edit', () => {
    const text = generateAnalysis(50_000, 3);
    const closing = closingFenceEnd(text);
    const unclosed = text.slice(0, closing - 2) + text.slice(closing - 1);
    const parser = new IncrementalParser();
    assertParsesWhole(text, parser);
    assertParsesWhole(unclosed, parser);
    assertParsesWhole(text, parser);
    assert.ok(splitBlocks(unclosed).length > 100, 'an unclosed front matter is no front matter: the document still splits');
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

  it('keeps what it read of the blocks an edit did not touch, and reads the edited one again', () => {
    const parser = new IncrementalParser();
    const text = generateAnalysis(30_000, 3);
    const before = readDocument(text, parser).model;
    const middle = before.markers.find((marker) => marker.index >= before.markers.length >> 1 && !marker.parent)!;
    const edited = `${text.slice(0, middle.content.start)}Word ${text.slice(middle.content.start)}`;
    const after = readDocument(edited, parser).model;
    const earlierBlocks = before.markers.filter((marker) => marker.span.end < text.lastIndexOf('\n\n', middle.span.start));
    assert.ok(earlierBlocks.length > 10);
    assert.ok(earlierBlocks.every((marker) => after.markers[marker.index] === marker), 'the markers of the blocks before the edit are the same objects');
    assert.notEqual(after.markers[middle.index], middle);
    assert.match(after.markers[middle.index]!.text, /^Word /);
    const last = after.markers[after.markers.length - 1]!;
    assert.equal(last.span.start, before.markers[before.markers.length - 1]!.span.start + 'Word '.length, 'the markers after it moved with the text');
  });
});
