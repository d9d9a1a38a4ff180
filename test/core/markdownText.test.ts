/**
 * The helpers that turn text into the Markdown of hovers, checked for any input by parsing what
 * they write as a client would: text shows as written, code as code, and only http(s) becomes a link.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { PhrasingContent } from 'mdast';
import { escapeMarkdown, inlineCode, linkOrText } from '../../server/src/features/markdownText.js';
import { nodesOf, parseMarkdown, unsafeConstructs } from '../support/markdownOracle.js';

/** Characters that mean something to Markdown somewhere, and some that mean something to a terminal or to Unicode. */
const SPECIAL = [...'\\`*_~[]()<>!&#|@:.-+=0123456789 \t\n\r', '\0', '\u202e', '\ud800', 'a', 'www.', 'http://', 'x@y.co', 'mailto:', '&#x3A;', '&amp;', '```', '    '];
const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

/** The text Markdown shows for `s` written as a paragraph: one line, ends trimmed, NUL replaced. */
function asShown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '').replace(/\0/g, '\ufffd');
}

function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? textOf(node.children) : '')).join('');
}

/** The inline content of a paragraph that is the whole document, or undefined if it is something else. */
function onlyParagraph(markdown: string): PhrasingContent[] | undefined {
  const { children } = parseMarkdown(markdown);
  return children.length === 1 && children[0]!.type === 'paragraph' ? children[0]!.children : undefined;
}

const RUNS = { numRuns: 200 };

describe('escapeMarkdown', () => {
  it('shows any text as written, at the start of a line, after a line of a paragraph and within a line', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const escaped = escapeMarkdown(text);
      const expected = asShown(text);
      for (const [shown, markdown] of [['', escaped], ['x ', `x ${escaped}`], ['x', `x  \n${escaped}`]] as const) {
        if (expected === '' && shown === '') continue;
        const inline = onlyParagraph(markdown);
        assert.ok(inline, `not one paragraph: ${JSON.stringify(markdown)}`);
        assert.equal(textOf(inline).replace(/\u2060/g, ''), (shown + expected).replace(/[ \t]+$/, ''), JSON.stringify(markdown));
        assert.ok(inline.every((node) => node.type === 'text' || node.type === 'break' || (node.type === 'link' && /^https?:/.test(node.url))), JSON.stringify(markdown));
      }
    }), RUNS);
  });

  it('writes an e-mail address so that it does not become a mailto: link', () => {
    assert.deepEqual(unsafeConstructs(escapeMarkdown('write to someone@example.org or xmpp:a@b.org')), []);
  });
});

describe('inlineCode', () => {
  it('shows any text as one code span, whatever backtick runs it holds', () => {
    fc.assert(fc.property(hostileText.filter((text) => asShown(text) !== ''), (text) => {
      const markdown = `see ${inlineCode(text)} here`;
      const inline = onlyParagraph(markdown);
      assert.ok(inline, `not one paragraph: ${JSON.stringify(markdown)}`);
      const code = inline.filter((node) => node.type === 'inlineCode');
      assert.equal(code.length, 1, JSON.stringify(markdown));
      assert.equal(code[0]!.value, text.replace(/\r\n?|\n/g, ' ').replace(/\0/g, '\ufffd'), JSON.stringify(markdown));
    }), RUNS);
  });
});

describe('linkOrText', () => {
  it('links only http, https and doi targets, to where they point, and shows the rest as code', () => {
    const schemes = fc.constantFrom('https://example.org/', 'http://x.org/', 'doi:10.1000/', 'command:', 'javascript:', 'vscode:', 'data:', 'file:///', ' https://x.org/', '');
    fc.assert(fc.property(schemes, hostileText, (scheme, rest) => {
      const target = scheme + rest;
      const markdown = linkOrText(target);
      assert.deepEqual(unsafeConstructs(markdown), [], JSON.stringify(markdown));
      const links = nodesOf(parseMarkdown(markdown)).filter((node) => node.type === 'link');
      const openable = /^\s*(https?:\/\/|doi:)/.test(target);
      assert.equal(links.length, openable ? 1 : 0, JSON.stringify(markdown));
      if (openable && /^[\x21-\x7e]*$/.test(rest) && !/[%&()<>\\`"[\]{}|^]/.test(rest)) {
        assert.equal(links[0]!.type === 'link' && links[0]!.url, target.trim().replace(/^doi:/, 'https://doi.org/'), JSON.stringify(markdown));
      }
    }), RUNS);
  });
});

describe('the helpers on long input', () => {
  it('take time in proportion to the text: 200,000 characters of runs that regular expressions can make quadratic', () => {
    const long = 200_000;
    const texts = [' ', '\t', '`', '`a', '@', 'a@', '%', '\r\n', '&#', '1.', 'www.', ':/'].map((unit) => `x${unit.repeat(long / unit.length)}x`);
    const started = performance.now();
    for (const text of texts) {
      escapeMarkdown(text);
      inlineCode(text);
      linkOrText(`https://example.org/${text}`);
    }
    assert.ok(performance.now() - started < 3000, `${Math.round(performance.now() - started)} ms`);
  });
});
