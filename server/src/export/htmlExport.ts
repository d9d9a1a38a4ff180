import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Analysis } from '../analysis/analysis.js';
import { findCitations, type FoundCitation } from '../citations/findCitations.js';
import { isMarkerKind } from '../language/markerKinds.js';
import type { SourceEntry } from '../sources/sourceEntry.js';
import { webLinkOf } from '../views/sourceLinks.js';
import { HTML_PAGE_STYLE } from './htmlPageStyle.js';

type Directive = Extract<Nodes, { type: 'textDirective' | 'leafDirective' | 'containerDirective' }>;

/** What a page may hold: GitHub's schema, with the markers' classes and data, and no id prefix (the page runs no script to clobber). */
const SCHEMA = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'cite'],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https'] },
  attributes: { ...defaultSchema.attributes, span: ['className', 'dataTcLabel', 'id'], div: ['className', 'dataTcLabel', 'id'], li: ['id'], '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'] },
};

/**
 * The analysis as one standalone, readable HTML page: the prose, each citation linked to a
 * reference list built from its sources, and the argument (claims, evidence, hypotheses … with
 * their ids and what they support) shown on demand, off at first. Sanitized: nothing from the
 * document runs, and only `http:`, `https:` and `doi:` become links.
 */
export function exportAsHtml(analysis: Analysis): string {
  const { text } = analysis.syntax.model;
  const cited: SourceEntry[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(() => (tree: Root) => transformMarkdown(tree, text, analysis, cited))
    .use(remarkRehype)
    .use(() => (tree: HastRoot) => {
      tree.children.push(referenceList(cited));
    })
    .use(rehypeSanitize, SCHEMA)
    .use(rehypeStringify);
  const body = String(processor.processSync(text));
  return page(titleOf(analysis), body);
}

function transformMarkdown(tree: Root, text: string, analysis: Analysis, cited: SourceEntry[]): void {
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    node.children = node.children.flatMap((child): RootContent[] => {
      if (child.type === 'yaml') return [];
      if (isDirective(child) && !isMarkerKind(child.name)) return [asWritten(child, text)];
      if (isDirective(child)) markAsMarker(child);
      if (child.type === 'text') return withCitations(child, analysis, cited);
      if (child.type === 'link' && /^doi:/i.test(child.url)) child.url = `https://doi.org/${child.url.replace(/^doi:\s*/i, '')}`;
      visit(child);
      return [child];
    }) as typeof node.children;
  };
  visit(tree);
}

function isDirective(node: Nodes): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/** A directive that is not a marker, as it is written (`:hour[10]`): prose to any reader. */
function asWritten(node: Directive, text: string): Text {
  const { start, end } = node.position ?? {};
  return { type: 'text', value: start?.offset !== undefined && end?.offset !== undefined ? text.slice(start.offset, end.offset) : '' };
}

function markAsMarker(node: Directive): void {
  const attributes = node.attributes ?? {};
  const label = [node.name, attributes['id'], attributes['status'], attributes['confidence'] && `${attributes['confidence']} confidence`, ...['for', 'against'].filter((name) => attributes[name]).map((name) => `${name} ${attributes[name]}`)]
    .filter(Boolean)
    .join(' · ');
  node.data = {
    hName: node.type === 'textDirective' ? 'span' : 'div',
    hProperties: { className: ['tc-marker', `tc-${node.name}`], ...(attributes['id'] ? { id: attributes['id'] } : {}), dataTcLabel: label },
  };
  // A container's label (`:::claim[Label]`) is its first paragraph.
  if (node.type === 'containerDirective') for (const child of node.children) if (child.data && 'directiveLabel' in child.data) delete child.data.directiveLabel;
}

/** A text node with its citations as links to the reference list: `(see [key](#ref-key), p. 4)`. */
function withCitations(node: Text, analysis: Analysis, cited: SourceEntry[]): PhrasingContent[] {
  const found = findCitations(node.value, []).filter((citation) => analysis.sources.get(citation.key));
  if (found.length === 0) return [node];
  const parts: PhrasingContent[] = [];
  let copied = 0;
  for (const group of groupByCitation(found)) {
    const { start, end } = group[0]!.citationSpan;
    parts.push({ type: 'text', value: node.value.slice(copied, start) });
    const bracketed = group[0]!.form === 'bracketed';
    if (bracketed) parts.push({ type: 'text', value: '(' });
    group.forEach((citation, i) => {
      if (i > 0) parts.push({ type: 'text', value: '; ' });
      const source = analysis.sources.get(citation.key)!;
      if (!cited.includes(source)) cited.push(source);
      if (citation.prefix) parts.push({ type: 'text', value: `${citation.prefix} ` });
      parts.push({ type: 'link', url: `#ref-${citation.key}`, children: [{ type: 'text', value: inTextName(source) }] });
      if (citation.locator) parts.push({ type: 'text', value: `, ${citation.locator}` });
    });
    if (bracketed) parts.push({ type: 'text', value: ')' });
    copied = end;
  }
  parts.push({ type: 'text', value: node.value.slice(copied) });
  return parts.filter((part) => part.type !== 'text' || part.value !== '');
}

function groupByCitation(found: readonly FoundCitation[]): FoundCitation[][] {
  const groups = new Map<number, FoundCitation[]>();
  for (const citation of found) groups.set(citation.citationSpan.start, [...(groups.get(citation.citationSpan.start) ?? []), citation]);
  return [...groups.values()].sort((a, b) => a[0]!.citationSpan.start - b[0]!.citationSpan.start);
}

/**
 * How a citation names its source in the text, author and year as readers know them:
 * `Preiherman 2026` (of `Preiherman, Yauheni` or `Yauheni Preiherman`), `Doe and Roe`, `Doe et al.`;
 * an organisation (`Office of the President of Ukraine`) or a publisher as written; else the key.
 */
function inTextName(source: SourceEntry): string {
  const names = source.author?.split('; ') ?? [];
  const family = (name: string) => (name.includes(', ') ? name.slice(0, name.indexOf(', ')) : /^\S+ \S+$/.test(name) ? name.split(' ')[1]! : name);
  const who = names.length > 2 ? `${family(names[0]!)} et al.` : names.length > 0 ? names.map(family).join(' and ') : (source.publisher ?? source.key);
  const year = /\d{4}/.exec(source.date ?? '')?.[0];
  return year ? `${who} ${year}` : who;
}

function referenceList(cited: readonly SourceEntry[]): Element {
  const item = (source: SourceEntry): ElementContent => {
    const link = webLinkOf(source);
    const parts: ElementContent[] = [];
    const words = (value: string) => parts.push({ type: 'text', value });
    if (source.author) words(`${source.author.replaceAll('; ', ', ')}. `);
    if (source.date) words(`${source.date}. `);
    const title = source.title ?? source.key;
    parts.push({ type: 'element', tagName: 'cite', properties: {}, children: [{ type: 'text', value: title }] });
    words(/[.?!]$/.test(title) ? ' ' : '. ');
    if (source.publisher) words(`${source.publisher}. `);
    if (link) parts.push({ type: 'element', tagName: 'a', properties: { href: link }, children: [{ type: 'text', value: link }] });
    if (source.accessed) words(` Accessed ${source.accessed}.`);
    return { type: 'element', tagName: 'li', properties: { id: `ref-${source.key}` }, children: parts };
  };
  return {
    type: 'element',
    tagName: 'section',
    properties: {},
    children: cited.length === 0 ? [] : [
      { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'References' }] },
      { type: 'element', tagName: 'ol', properties: {}, children: cited.map(item) },
    ],
  };
}

function titleOf(analysis: Analysis): string {
  const yaml = analysis.syntax.model.frontMatter?.yaml;
  try {
    const title = yaml ? (parseYaml(yaml) as { title?: unknown } | null)?.title : undefined;
    if (typeof title === 'string' && title.trim()) return title.trim();
  } catch {
    // A front matter that does not parse has no title; the check says what is wrong with it.
  }
  return analysis.context.uri.path.split('/').at(-1) ?? 'Analysis';
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tradecraft">
<title>${escapeHtml(title)}</title>
<style>${HTML_PAGE_STYLE}</style>
</head>
<body>
<input type="checkbox" id="tc-show-argument" class="tc-toggle">
<label for="tc-show-argument" class="tc-toggle-label">Show the argument: claims, evidence, hypotheses and what they support</label>
<main>
${body}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
