import { isMap, isSeq, parseDocument } from 'yaml';
import type { Analysis } from '../analysis/analysis.js';
import { labelEnd } from '../language/scanning.js';
import type { DocumentModel } from '../model/model.js';
import type { Span } from '../types.js';
import { cslItem, type CslItem } from './cslItems.js';
import { markerParts, type MarkerParts } from './markerParts.js';
import { pandocAttributes } from './pandocAttributes.js';
import { applySpanEdits, type SpanEdit } from './spanEdits.js';

export interface PandocExportOptions {
  /**
   * The CSL-JSON file the sources of the front matter go to, as the front matter names it; without
   * one they go into the front matter's `references:`.
   */
  readonly referencesFile?: string | undefined;
}

export interface PandocExport {
  readonly text: string;
  /** The sources of the front matter's `sources:`, for `referencesFile` (and in `references:` without it). */
  readonly references: readonly CslItem[];
}

/**
 * The document in Pandoc's own syntax: inline and leaf markers as bracketed spans, block markers
 * as fenced divs, each with its id, its kind as class and every other attribute; what Tradecraft
 * reads as no citation escaped so that Pandoc reads none either; its sources where citeproc finds
 * them. Everything else is the text as written.
 */
export function exportForPandoc(analysis: Analysis, options: PandocExportOptions): PandocExport {
  const { model } = analysis.syntax;
  const references = analysis.syntax.frontMatter.sources.map(cslItem);
  const edits = [
    ...frontMatterEdits(model, references, bibliographyPaths(analysis), options),
    ...model.markers.flatMap((marker) => markerEdits(model.text, markerParts(model.text, marker))),
    ...citationEscapes(analysis),
  ];
  return { text: applySpanEdits(model.text, edits), references };
}

function markerEdits(text: string, parts: MarkerParts): SpanEdit[] {
  const { marker, opening, closing } = parts;
  const attributes = pandocAttributes(marker.kind, marker.attributeBlock && text.slice(marker.attributeBlock.start, marker.attributeBlock.end));
  if (marker.form !== 'block') return [{ span: opening, text: '[' }, { span: closing, text: `]${attributes}` }];
  const fence = ':'.repeat(parts.colons);
  const blankLine = parts.linePrefix.replace(/\s+$/, '');
  const before = /^[\s>]*$/.test(parts.linePrefix) && !previousLineIsBlank(text, opening.start - parts.linePrefix.length) ? `\n${parts.linePrefix}` : '';
  const label = parts.label ? `\n${parts.linePrefix}${parts.label}\n${blankLine}` : '';
  const unclosed = closing.start === closing.end;
  return [
    { span: opening, text: `${before}${fence} ${attributes}${label}` },
    { span: closing, text: unclosed ? `\n${parts.linePrefix}${fence}` : fence },
  ];
}

/** Whether the line before the one starting at `lineStart` holds nothing but a quote's `>` (or is none): a fenced div needs one before it. */
function previousLineIsBlank(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return /^[\s>]*$/.test(text.slice(previousStart, lineStart));
}

/**
 * An in-text `@word` that Tradecraft takes for a handle (it names no source), an `@` in a link's
 * text (a Quarto cross-reference is left as written: Quarto reads it), and, in a document that does not use the language (where no key is checked), a citation
 * that names no source, escaped: Pandoc would read each as a citation and find none.
 */
function citationEscapes(analysis: Analysis): SpanEdit[] {
  const { text, citations, links } = analysis.syntax.model;
  const checked = analysis.syntax.usesLanguage;
  const read = analysis.citations.filter((citation) => checked || citation.status !== 'unknown').map((citation) => citation.keySpan);
  const cited = new Set([...read, ...analysis.crossReferences].map((span) => span.start));
  const escapeAt = (at: number): SpanEdit => ({ span: { start: at, end: at }, text: '\\' });
  const uncited = citations.filter((citation) => !cited.has(citation.keySpan.start) && text[citation.keySpan.start - 1] === '@');
  const inLinkTexts = links.flatMap((link) => atSignsInLinkText(text, link.span));
  return [...uncited.map((citation) => escapeAt(citation.keySpan.start - 1)), ...inLinkTexts.map(escapeAt)];
}

function atSignsInLinkText(text: string, link: Span): number[] {
  if (text[link.start] !== '[') return [];
  const end = labelEnd(text, link.start, link.end) ?? link.end;
  const inside = text.slice(link.start, end);
  return [...inside.matchAll(/(?<![\p{L}\p{N}_\\])@(?=[\p{L}\p{N}_])/gu)].map((match) => link.start + match.index);
}

/**
 * The bibliography files the document was checked against (its own and the settings'), by their
 * absolute paths, so that Pandoc finds them from any folder; those that could not be read at all
 * are left out, since Pandoc stops at a file it cannot open.
 */
function bibliographyPaths(analysis: Analysis): string[] {
  return analysis.context.bibliographies.filter((file) => !file.outsideWorkspace && (file.items.length > 0 || !file.problem)).map((file) => file.uri.fsPath);
}

/** The front matter with the bibliography files named as Pandoc finds them and the sources where citeproc reads them. */
function frontMatterEdits(model: DocumentModel, references: readonly CslItem[], paths: readonly string[], options: PandocExportOptions): SpanEdit[] {
  const bibliography = [...(options.referencesFile && references.length > 0 ? [options.referencesFile] : []), ...paths];
  const inline = options.referencesFile ? [] : references;
  const block = model.frontMatter;
  const document = parseDocument(block?.yaml ?? '');
  // A front matter that is not a map is left as it is: the check has said what is wrong with it.
  if (document.errors.length > 0 || (document.contents !== null && !isMap(document.contents))) return [];
  if (bibliography.length === 0 && inline.length === 0 && !document.has('bibliography')) return [];
  if (bibliography.length > 0) document.set('bibliography', bibliography);
  else document.delete('bibliography');
  if (inline.length > 0) {
    const written = document.get('references');
    document.set('references', [...inline, ...(isSeq(written) ? written.items : [])]);
  }
  const yaml = `---\n${document.toString({ lineWidth: 0 })}---`;
  return [block ? { span: block.span, text: yaml } : { span: { start: 0, end: 0 }, text: `${yaml}\n\n` }];
}
