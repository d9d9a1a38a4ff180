import type { default as MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { findCitations } from '../citations/findCitations.js';
import { parseAttributesLeniently, type RawAttributes } from '../language/attributes.js';
import { isMarkerKind, type MarkerKind } from '../language/markerKinds.js';
import { attributeBlockEnd, attributeBlockStart, labelEnd } from '../language/scanning.js';
import type { WrittenCitation } from '../model/model.js';

/** What the preview knows of the document beyond its text: both are asked with the render's `env`. */
export interface MarkerPreviewOptions {
  /** For one render: whether the claim written on `line` (from 0) with `id` stands on nothing. */
  readonly unsupportedClaims?: (env: unknown) => ((claim: { readonly line: number; readonly id: string | undefined }) => boolean) | undefined;
  /** The URL of the source a key names, when one is known. */
  readonly sourceUrl?: (key: string, env: unknown) => string | undefined;
}

/**
 * The id of the claim whose opening (`:claim[` or a fence line) starts at `offset` of `text`, as
 * a diagnostic of it locates it: what the preview is asked with. Its label may run over lines.
 */
export function claimIdAt(text: string, offset: number): string | undefined {
  const opening = /^:{1,3}claim/.exec(text.slice(offset, offset + 8));
  if (!opening) return undefined;
  const brace = attributeBlockStart(text, offset + opening[0].length, text.length);
  return brace === undefined ? undefined : parseAttributesLeniently(text.slice(brace, attributeBlockEnd(text, brace))).id;
}

/** A marker's kind and attributes, on its opening token. */
interface MarkerMeta {
  readonly kind: MarkerKind;
  readonly attributes: RawAttributes;
  /** Where an inline marker starts in its inline token's content (for its line). */
  readonly at: number;
  /** The document line it opens on (from 0), once the document is parsed. */
  line: number;
}

const INLINE_OPENING = /:([A-Za-z][A-Za-z0-9_-]*)\[/y;
const FENCE_OPENING = /^(:{2,})([A-Za-z][A-Za-z0-9_-]*)/;

/**
 * Renders the markers of the annotation language in markdown-it (VS Code's Markdown preview):
 * an inline marker as its text with a discreet tag of its kind and id, a leaf or container
 * marker as a framed callout with its kind, id and status, an unsupported claim flagged, and a
 * bracketed citation as `(key, locator)` with the key linked to its source. Directives that are
 * not markers, near misses and prose such as `10:30` are left to markdown-it. Text from the
 * document is escaped like any other text; attributes are shown, never put into HTML unescaped.
 */
export function markdownItMarkers(md: MarkdownIt, options: MarkerPreviewOptions = {}): void {
  md.inline.ruler.before('link', 'tradecraft_marker', inlineMarker);
  md.inline.ruler.before('link', 'tradecraft_citation', citation);
  md.block.ruler.before('fence', 'tradecraft_container', containerMarker, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'tradecraft_leaf', leafMarker, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.after('inline', 'tradecraft_lines', assignLines);
  const { escapeHtml } = md.utils;
  // The preview parses a document once per version and renders it again as often as it likes, with
  // an `env` that names the document: a claim is flagged as it renders, with what is known then.
  const unsupportedIn = new WeakMap<object, ((claim: { line: number; id: string | undefined }) => boolean) | undefined>();
  const isUnsupported = (meta: MarkerMeta, env: unknown): boolean => {
    if (meta.kind !== 'claim' || !options.unsupportedClaims || typeof env !== 'object' || env === null) return false;
    if (!unsupportedIn.has(env)) unsupportedIn.set(env, options.unsupportedClaims(env));
    return unsupportedIn.get(env)?.({ line: meta.line, id: meta.attributes['id'] }) ?? false;
  };

  md.renderer.rules['tradecraft_marker_open'] = (tokens, index, _options, env) => `<span class="${classes(tokens[index]!.meta, isUnsupported(tokens[index]!.meta, env), 'tc-marker')}">`;
  md.renderer.rules['tradecraft_marker_close'] = (tokens, index, _options, env) => `${tag(tokens[index]!.meta, isUnsupported(tokens[index]!.meta, env), escapeHtml)}</span>`;
  md.renderer.rules['tradecraft_callout_open'] = (tokens, index, _options, env) => {
    const meta: MarkerMeta = tokens[index]!.meta;
    const unsupported = isUnsupported(meta, env);
    return `<div class="${classes(meta, unsupported, 'tc-callout')}"><div class="tc-callout-title">${escapeHtml(calloutTitle(meta, unsupported))}</div>\n`;
  };
  md.renderer.rules['tradecraft_callout_close'] = () => '</div>\n';
  md.renderer.rules['tradecraft_citation'] = (tokens, index, _options, env) => {
    const items: readonly WrittenCitation[] = tokens[index]!.meta;
    return `<span class="tc-citation">(${items.map((item) => renderItem(md, item, options.sourceUrl?.(item.key, env), escapeHtml)).join('; ')})</span>`;
  };
}

function classes(meta: MarkerMeta, unsupported: boolean, base: string): string {
  return `${base} tc-${meta.kind}${unsupported ? ' tc-unsupported' : ''}`;
}

function tag(meta: MarkerMeta, unsupported: boolean, escapeHtml: (text: string) => string): string {
  const words = [meta.kind, meta.attributes['id'], unsupported ? 'unsupported' : undefined].filter((word) => word !== undefined);
  return `<span class="tc-tag">${escapeHtml(words.join(' · '))}</span>`;
}

function calloutTitle(meta: MarkerMeta, unsupported: boolean): string {
  const { id, status, confidence } = meta.attributes;
  const kind = meta.kind[0]!.toUpperCase() + meta.kind.slice(1);
  return [[kind, id].filter(Boolean).join(' '), status, confidence && `${confidence} confidence`, unsupported ? 'unsupported' : undefined].filter(Boolean).join(' · ');
}

/** The attributes after a label or name that ends at `at`, and where they end. */
function attributesAt(src: string, at: number, limit: number): { attributes: RawAttributes; end: number } {
  if (src[at] !== '{') return { attributes: {}, end: at };
  const end = attributeBlockEnd(src, at, limit);
  return src[end - 1] === '}' ? { attributes: parseAttributesLeniently(src.slice(at, end)), end } : { attributes: {}, end: at };
}

/** `:kind[label]{attributes}`, the label parsed as inline Markdown. */
function inlineMarker(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x3a || (pos > 0 && /[:\w]/.test(src[pos - 1]!))) return false;
  INLINE_OPENING.lastIndex = pos;
  const opening = INLINE_OPENING.exec(src);
  if (!opening || !isMarkerKind(opening[1]!)) return false;
  const labelStart = pos + opening[0].length - 1;
  const close = labelEnd(src, labelStart, state.posMax);
  if (close === undefined) return false;
  const { attributes, end } = attributesAt(src, close, state.posMax);
  if (!silent) {
    const meta: MarkerMeta = { kind: opening[1], attributes, at: pos, line: 0 };
    const max = state.posMax;
    state.push('tradecraft_marker_open', 'span', 1).meta = meta;
    state.pos = labelStart + 1;
    state.posMax = close - 1;
    state.md.inline.tokenize(state);
    state.push('tradecraft_marker_close', 'span', -1).meta = meta;
    state.posMax = max;
  }
  state.pos = end;
  return true;
}

/** A bracketed citation, as the core reads one (`[see @a, p. 4; -@b]`); a link's text is left to markdown-it. */
function citation(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || (pos > 0 && /[\\!\]]/.test(src[pos - 1]!))) return false;
  const close = src.indexOf(']', pos);
  if (close === -1 || close >= state.posMax || src.lastIndexOf('[', close) !== pos || /[([]/.test(src[close + 1] ?? '')) return false;
  const written = src.slice(pos, close + 1);
  const items = findCitations(written, []).filter((found) => found.form === 'bracketed' && found.citationSpan.start === 0 && found.citationSpan.end === written.length);
  if (items.length === 0) return false;
  if (!silent) {
    state.push('tradecraft_citation', '', 0).meta = items;
  }
  state.pos = close + 1;
  return true;
}

/** `see key, p. 4`, the key linked to `url` when markdown-it accepts it as a link. */
function renderItem(md: MarkdownIt, item: WrittenCitation, url: string | undefined, escapeHtml: (text: string) => string): string {
  const key = url && md.validateLink(url) ? `<a href="${escapeHtml(md.normalizeLink(url))}">${escapeHtml(item.key)}</a>` : escapeHtml(item.key);
  return [item.prefix && escapeHtml(item.prefix), item.locator ? `${key}, ${escapeHtml(item.locator)}` : key].filter(Boolean).join(' ');
}

/** The line of `state` from `line` on, and whether it opens a marker fence: colons, kind, label, attributes. */
function fenceAt(state: StateBlock, line: number): { colons: number; kind: string; label: string; attributes: RawAttributes; rest: string } | undefined {
  const start = state.bMarks[line]! + state.tShift[line]!;
  const end = state.eMarks[line]!;
  if (state.sCount[line]! - state.blkIndent >= 4 || state.src.charCodeAt(start) !== 0x3a) return undefined;
  const text = state.src.slice(start, end);
  const opening = FENCE_OPENING.exec(text);
  if (!opening) return undefined;
  let at = opening[0].length;
  let label = '';
  if (text[at] === '[') {
    const close = labelEnd(text, at, text.length);
    if (close === undefined) return undefined;
    label = text.slice(at + 1, close - 1);
    at = close;
  }
  const { attributes, end: afterAttributes } = attributesAt(text, at, text.length);
  return { colons: opening[1]!.length, kind: opening[2]!, label, attributes, rest: text.slice(afterAttributes).trim() };
}

/** `::kind[label]{attributes}` on a line of its own. */
function leafMarker(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const fence = fenceAt(state, startLine);
  if (!fence || fence.colons !== 2 || !isMarkerKind(fence.kind) || fence.rest !== '') return false;
  if (silent) return true;
  const meta: MarkerMeta = { kind: fence.kind, attributes: fence.attributes, at: 0, line: 0 };
  const open = state.push('tradecraft_callout_open', 'div', 1);
  open.meta = meta;
  open.map = [startLine, startLine + 1];
  const paragraph = state.push('paragraph_open', 'p', 1);
  paragraph.map = [startLine, startLine + 1];
  const inline = state.push('inline', '', 0);
  inline.content = fence.label;
  inline.map = [startLine, startLine + 1];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.push('tradecraft_callout_close', 'div', -1).meta = meta;
  state.line = startLine + 1;
  return true;
}

/** `:::kind[label]{attributes}` … `:::`, its content parsed as Markdown; a marker fence nested in it opens a level. */
function containerMarker(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const fence = fenceAt(state, startLine);
  if (!fence || fence.colons < 3 || !isMarkerKind(fence.kind) || fence.rest !== '') return false;
  if (silent) return true;
  const closing = closingLine(state, startLine, endLine, fence.colons);
  const meta: MarkerMeta = { kind: fence.kind, attributes: fence.attributes, at: 0, line: 0 };
  const open = state.push('tradecraft_callout_open', 'div', 1);
  open.meta = meta;
  open.map = [startLine, closing];
  if (fence.label) {
    state.push('paragraph_open', 'p', 1).map = [startLine, startLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = fence.label;
    inline.map = [startLine, startLine + 1];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'tradecraft' as typeof state.parentType;
  state.lineMax = closing;
  state.md.block.tokenize(state, startLine + 1, closing);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.push('tradecraft_callout_close', 'div', -1).meta = meta;
  state.line = Math.min(closing + 1, endLine);
  return true;
}

/** The line that closes a container opened with `colons` colons (or the end): a line of at least as many, counting nested openings. */
function closingLine(state: StateBlock, startLine: number, endLine: number, colons: number): number {
  let depth = 0;
  for (let line = startLine + 1; line < endLine; line++) {
    if (state.sCount[line]! < state.blkIndent) return line;
    const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!).trimEnd();
    const bare = /^:{3,}$/.exec(text);
    if (bare && depth === 0 && bare[0].length >= colons) return line;
    if (bare) depth--;
    else if (/^:{3,}[A-Za-z]/.test(text)) depth++;
  }
  return endLine;
}

/** Gives each marker the line it opens on, now that each inline marker's is known from its block's. */
function assignLines(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'tradecraft_callout_open' && token.map) (token.meta as MarkerMeta).line = token.map[0];
    if (token.type !== 'inline' || !token.map || !token.children) continue;
    for (const child of allChildren(token.children)) {
      if (child.type === 'tradecraft_marker_open') (child.meta as MarkerMeta).line = token.map[0] + lineBreaksBefore(token.content, (child.meta as MarkerMeta).at);
    }
  }
}

function* allChildren(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* allChildren(token.children);
  }
}

function lineBreaksBefore(text: string, at: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
