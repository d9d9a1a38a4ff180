/**
 * How a client would read the Markdown of a hover: parsed with remark (CommonMark and GFM), the
 * links, images, definitions and raw HTML it holds, and any of them that could do harm.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

/** Every node of the tree, depth first. */
export function nodesOf(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? tree.children.flatMap((child) => nodesOf(child as Nodes)) : [])];
}

/**
 * What in `markdown` a client would render as something to click or as HTML, other than a link to
 * an http(s) URL or to a file of `workspace` (a `file:` URI path prefix): each as `type url`.
 */
export function unsafeConstructs(markdown: string, workspace = '/ws/'): string[] {
  const allowed = (url: string) => /^https?:\/\//i.test(url) || url.startsWith(`file://${workspace}`);
  return nodesOf(parseMarkdown(markdown)).flatMap((node) => {
    switch (node.type) {
      case 'link': return allowed(node.url) ? [] : [`link ${node.url}`];
      case 'html': return [`html ${node.value}`];
      case 'image':
      case 'definition': return [`${node.type} ${node.url}`];
      case 'imageReference':
      case 'linkReference': return [`${node.type} ${node.identifier}`];
      default: return [];
    }
  });
}
