import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { markdownItMarkers, type MarkerPreviewOptions } from '../../server/src/preview/markdownItMarkers.js';
import { lines } from '../support/check.js';

/** As VS Code's preview renders: raw HTML allowed, with our plugin. */
function render(text: string, options: MarkerPreviewOptions = {}, html = true): string {
  return new MarkdownIt({ html }).use(markdownItMarkers, options).render(text);
}

function plain(text: string): string {
  return new MarkdownIt({ html: true }).render(text);
}

describe('the Markdown preview of markers', () => {
  it('renders an inline marker as its text, Markdown in it rendered, with a tag of its kind and id', () => {
    assert.equal(
      render('Kyiv :claim[moved **closer** to Minsk]{#c1 confidence=high} in February.'),
      '<p>Kyiv <span class="tc-marker tc-claim">moved <strong>closer</strong> to Minsk<span class="tc-tag">claim · c1</span></span> in February.</p>\n',
    );
  });

  it('renders markers nested in a marker, and a marker with no attributes', () => {
    assert.equal(
      render(':claim[A :evidence[fact]{#e1 for=c1} here]{#c1}'),
      '<p><span class="tc-marker tc-claim">A <span class="tc-marker tc-evidence">fact<span class="tc-tag">evidence · e1</span></span> here<span class="tc-tag">claim · c1</span></span></p>\n',
    );
    assert.equal(render(':evidence[bare]'), '<p><span class="tc-marker tc-evidence">bare<span class="tc-tag">evidence</span></span></p>\n');
  });

  it('renders a container marker as a callout with its kind, id and status, its content as Markdown', () => {
    assert.equal(
      render(lines(':::hypothesis{#h1 status=favored}', 'Kyiv *hedges* against Moscow.', '', '- one', '- two', ':::', '', 'After.')),
      [
        '<div class="tc-callout tc-hypothesis"><div class="tc-callout-title">Hypothesis h1 · favored</div>',
        '<p>Kyiv <em>hedges</em> against Moscow.</p>',
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
        '</div>',
        '<p>After.</p>',
        '',
      ].join('\n'),
    );
  });

  it('closes a container at a fence of at least as many colons, nested marker fences included', () => {
    const html = render(lines('::::hypothesis{#h1}', ':::evidence{#e1 for=h1}', 'Inner.', ':::', 'Still in h1.', '::::', 'Outside.'));
    assert.match(html, /^<div class="tc-callout tc-hypothesis">.*<div class="tc-callout tc-evidence">.*<p>Inner\.<\/p>\n<\/div>\n<p>Still in h1\.<\/p>\n<\/div>\n<p>Outside\.<\/p>\n$/s);
  });

  it('renders a leaf marker as a callout of its label', () => {
    assert.equal(
      render('::evidence[Trade fell by a *third*.]{#e2 for=h1}'),
      '<div class="tc-callout tc-evidence"><div class="tc-callout-title">Evidence e2</div>\n<p>Trade fell by a <em>third</em>.</p>\n</div>\n',
    );
  });

  it('leaves directives that are not markers, near misses, times and code as markdown-it renders them', () => {
    for (const text of [
      lines(':::note', 'An aside.', ':::'),
      'See :name[x]{#a} and :claims[x]{#b}.',
      'We met at 10:30 and at 9:claim[x].',
      'Code: `:claim[x]{#c1}` and `[@key]`.',
      lines('```', ':claim[x]{#c1}', ':::hypothesis{#h1}', '```'),
      lines('    :claim[indented code]{#c1}'),
      ':claim[unclosed label{#c1}',
    ]) {
      assert.equal(render(text), plain(text), text);
    }
  });

  it('escapes what the document writes in attributes, and renders HTML in text only as the preview would anyway', () => {
    const html = render(':::claim{#c1 status="<img src=x onerror=alert(1)>" confidence="\\"><script>"}\nText.\n:::', {}, false);
    assert.doesNotMatch(html, /<img|<script/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const text = ':claim[<b>bold</b> <script>x</script>]{#c1}';
    assert.doesNotMatch(render(text, {}, false), /<b>|<script>/);
    assert.equal(render(text, {}, true).includes('<b>bold</b>'), plain(text).includes('<b>bold</b>'));
  });

  it('renders a bracketed citation as (key, locator), the key linked to its source when the URL is known and safe', () => {
    const sourceUrl = (key: string) => ({ a: 'https://example.org/a?x=1&y="2"', evil: 'javascript:alert(1)' })[key];
    assert.equal(
      render('As [see @a, p. 4; -@b] and [@evil] say.', { sourceUrl }),
      '<p>As <span class="tc-citation">(see <a href="https://example.org/a?x=1&amp;y=%222%22">a</a>, p. 4; b)</span> and <span class="tc-citation">(evil)</span> say.</p>\n',
    );
  });

  it('leaves links, footnote labels and brackets without a key alone', () => {
    for (const text of ['[@a](https://example.org)', '[text] and [x]', 'mail me@example.org', '![@a](i.png)']) {
      assert.equal(render(text, { sourceUrl: () => 'https://example.org' }), plain(text), text);
    }
  });

  it('flags an unsupported claim, asked with its line and id as it renders', () => {
    const asked = new Set<string>();
    const unsupportedClaims = () => (claim: { line: number; id: string | undefined }) => {
      asked.add(`${claim.line}:${claim.id}`);
      return claim.id === 'c2' || claim.id === 'c3';
    };
    const html = render(lines('# Title', '', 'First :claim[held]{#c1} then', 'second :claim[alone]{#c2}.', '', ':::claim{#c3}', 'Block.', ':::', '', ':evidence[not a claim]{#e1}'), { unsupportedClaims });
    assert.deepEqual([...asked], ['2:c1', '3:c2', '5:c3']);
    assert.match(html, /<span class="tc-marker tc-claim">held<span class="tc-tag">claim · c1<\/span>/);
    assert.match(html, /<span class="tc-marker tc-claim tc-unsupported">alone<span class="tc-tag">claim · c2 · unsupported<\/span>/);
    assert.match(html, /<div class="tc-callout tc-claim tc-unsupported"><div class="tc-callout-title">Claim c3 · unsupported<\/div>/);
  });

  it('flags claims by the render, so that tokens parsed once render with what is known each time', () => {
    const known = { now: false };
    const md = new MarkdownIt().use(markdownItMarkers, { unsupportedClaims: () => () => known.now });
    const tokens = md.parse(':claim[x]{#c1}', {});
    assert.doesNotMatch(md.renderer.render(tokens, md.options, {}), /tc-unsupported/);
    known.now = true;
    assert.match(md.renderer.render(tokens, md.options, {}), /tc-unsupported/);
  });

  it('renders the bundled example with no marker syntax left and every marker tagged', () => {
    const text = readFileSync(new URL('../../../examples/policy-shift-toward-belarus.md', import.meta.url), 'utf8');
    const prose = text.replace(/```[\s\S]*?```|`[^`\n]*`/g, '');
    const html = render(text).replace(/<code>[\s\S]*?<\/code>/g, '');
    assert.doesNotMatch(html, /:(claim|evidence|hypothesis)\[|:::(claim|evidence|hypothesis)/);
    const ids = [...prose.matchAll(/(?<![:\w]):{1,3}(?:claim|evidence|hypothesis)(?:\[[^\]\n]*\])?\{#([\w-]+)/g)].map((match) => match[1]!);
    assert.ok(ids.length >= 5, `the example has markers (${ids.length})`);
    for (const id of ids) assert.match(html, new RegExp(`(?:· |>[A-Z][a-z]+ )${id}(?=[< ])`), id);
  });
});
