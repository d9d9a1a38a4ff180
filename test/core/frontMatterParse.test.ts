import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../server/src/parse/parseMarkdown.js';

/** remark with the plugins Tradecraft parses with, front matter read by remark-frontmatter itself. */
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

const FRONT_MATTERS = [
  '---\ntitle: A\n---',
  '---\n---',
  '---  \n\n\nkey: value\n---\t',
  '---\r\ntitle: A\r\n---\r',
  '---\rtitle: A\r---',
  '---\nnul\0inside\n---',
  '---\n\tblock: |\n\t\t--- not a fence\n---   ',
];
const BODIES = ['', '\n', '\r\n', '\n# Heading\n\nA [link][a].\n\n[a]: https://example.org\n', '\n:::claim{#c1}\nText\n:::\n', '\n- a\n- b\n', '\nx\n---\ny', '\n\n    indented code'];

/** micromark skips a byte-order mark; Tradecraft counts positions in the text as given. */
function countingByteOrderMark(tree: ReturnType<typeof remark.parse>): unknown {
  const shift = (point: { line: number; column: number; offset?: number | undefined }) => {
    point.offset! += 1;
    if (point.line === 1) point.column += 1;
  };
  const visit = (node: { position?: { start: { line: number; column: number }; end: { line: number; column: number } }; children?: unknown[] }) => {
    if (node.position) [node.position.start, node.position.end].forEach(shift);
    node.children?.forEach((child) => visit(child as typeof node));
  };
  visit(tree);
  return tree;
}

describe('front matter, read without micromark', () => {
  it('gives the tree remark-frontmatter gives: the value, every position, the body after it', () => {
    for (const frontMatter of FRONT_MATTERS) {
      for (const body of BODIES) {
        const text = frontMatter + body;
        assert.deepEqual(parseMarkdown(text).tree, remark.parse(text), JSON.stringify(text));
        const marked = `\ufeff${text}`;
        assert.deepEqual(parseMarkdown(marked).tree, countingByteOrderMark(remark.parse(marked)), JSON.stringify(marked));
      }
    }
  });

  it('leaves an unclosed or indented opening to the parser, as a thematic break', () => {
    for (const text of ['---\ntitle: A\n', ' ---\ntitle: A\n---\n', '----\ntitle: A\n----\n']) assert.deepEqual(parseMarkdown(text).tree, remark.parse(text), JSON.stringify(text));
  });

  it('places what it finds in the body after the front matter: refused attribute blocks', () => {
    const text = '---\ntitle: A\n---\n\n::claim[Text]{#c1 for=}\n';
    const parsed = parseMarkdown(text);
    assert.deepEqual([...parsed.refusedAttributeBlocks], [[text.indexOf('{'), '{#c1 for=}']]);
  });
});
