import { classifyByText, linkedFile, type LinkKind } from '../links/classifyLink.js';
import type { DocumentContext } from './documentContext.js';
import type { DocumentSyntax } from './documentSyntax.js';
import type { FrontMatterData } from '../sources/frontMatter.js';
import { readLikelihoodUses, type LikelihoodUse } from './estimativeLanguage.js';
import { buildSupportGraph, firstMarkerById, type MarkerFacts, type SourceCounts } from '../graph/supportGraph.js';
import { isQuartoCrossReference, isQuartoDocument } from '../language/quarto.js';
import type { Standard } from '../language/standards.js';
import type { CitationForm, LinkSite, Marker } from '../model/model.js';
import { isEmptySource, type SourceEntry } from '../sources/sourceEntry.js';
import type { Settings } from '../settings.js';
import { SourceTable } from '../sources/sourceTable.js';
import type { Span } from '../types.js';

/**
 * - `resolved`: the key names a source;
 * - `unverifiable`: it names none, but sources cannot be resolved right now (broken front matter
 *   or bibliography), so it counts as working until that is fixed;
 * - `unknown`: it names no source.
 */
export type CitationStatus = 'resolved' | 'unverifiable' | 'unknown';

export interface ResolvedCitation {
  readonly key: string;
  readonly form: CitationForm | 'attribute';
  /** Where problems with it are reported: the `@key`, or the marker's opening for `src=`. */
  readonly span: Span;
  readonly keySpan: Span;
  /** The whole item (`see @a, p. 4`); the key itself for `src=`. */
  readonly itemSpan: Span;
  readonly locator: string;
  readonly owners: readonly Marker[];
  readonly source: SourceEntry | undefined;
  readonly status: CitationStatus;
}

export interface ClassifiedLink extends LinkSite {
  readonly kind: LinkKind;
}

/** What one marker cites itself: in its content, the footnotes it references and `src=`. */
export interface MarkerSources {
  readonly citations: readonly ResolvedCitation[];
  readonly links: readonly ClassifiedLink[];
}

/** Everything known about one version of a document: what every rule and feature reads. */
export interface Analysis {
  readonly syntax: DocumentSyntax;
  readonly context: DocumentContext;
  readonly sources: SourceTable;
  /** Keys cannot be resolved: the front matter or a bibliography file failed to load. */
  readonly sourcesUnavailable: boolean;
  readonly citations: readonly ResolvedCitation[];
  /**
   * The key spans of the Quarto cross-references (`[@fig-map]` in a `.qmd` document), which are
   * neither citations nor problems: Quarto reads them, so the export leaves them as written.
   */
  readonly crossReferences: readonly Span[];
  readonly links: readonly ClassifiedLink[];
  /** By marker index. */
  readonly facts: readonly MarkerFacts[];
  /** By marker index. */
  readonly markerSources: readonly MarkerSources[];
  readonly markersById: ReadonlyMap<string, Marker>;
  /**
   * The standard of analytic writing the document is held to: its front matter's `standards:`,
   * else the setting's; undefined for none. The standards rules report nothing without one.
   */
  readonly standard: Standard | undefined;
  /** The likelihood terms of claims and hypotheses, in document order; none without a standard. */
  readonly likelihoodUses: readonly LikelihoodUse[];
}

/** Joins a document's syntax with what its files said and the standard chosen. Pure and synchronous. */
export function analyze(syntax: DocumentSyntax, context: DocumentContext, settings: Pick<Settings, 'standards'>): Analysis {
  const { model, frontMatter } = syntax;
  const sources = SourceTable.of([...frontMatter.sources, ...frontMatter.references], context.bibliographies);
  const sourcesUnavailable = frontMatter.problems.some((problem) => problem.hidesSources) || context.bibliographies.some((bibliography) => bibliography.problem);
  const crossReferences = crossReferencesOf(syntax, context);
  const citations = resolveCitations(syntax, sources, sourcesUnavailable, new Set(crossReferences.map((span) => span.start)));
  const links = model.links.map((link): ClassifiedLink => ({ ...link, kind: classify(link.url, context) }));
  const nearMissIds = new Set(model.nearMisses.flatMap((miss) => (miss.id ? [miss.id] : [])));
  const markerSources = sourcesByMarker(model.markers, citations, links);
  const markersById = firstMarkerById(model.markers);
  const facts = buildSupportGraph(model.markers, countSources(model.markers, markerSources), nearMissIds, markersById);
  const standard = standardOf(frontMatter, settings);
  const likelihoodUses = standard ? readLikelihoodUses(model.markers) : [];
  return { syntax, context, sources, sourcesUnavailable, citations, crossReferences, links, facts, markerSources, markersById, standard, likelihoodUses };
}

/** The standard a document is held to: its front matter's `standards:`, else the setting's; undefined for none. */
export function standardOf(frontMatter: FrontMatterData, settings: Pick<Settings, 'standards'>): Standard | undefined {
  const chosen = frontMatter.standards ?? settings.standards;
  return chosen === 'none' ? undefined : chosen;
}

/** In a Quarto document, the citations written in the text whose key has a cross-reference prefix. */
function crossReferencesOf(syntax: DocumentSyntax, context: DocumentContext): Span[] {
  if (!isQuartoDocument(context.uri.path)) return [];
  return syntax.model.citations.filter((site) => isQuartoCrossReference(site.key)).map((site) => site.keySpan);
}

function resolveCitations(syntax: DocumentSyntax, sources: SourceTable, unavailable: boolean, crossReferenceStarts: ReadonlySet<number>): ResolvedCitation[] {
  const resolved: ResolvedCitation[] = [];
  const add = (citation: Omit<ResolvedCitation, 'source' | 'status'>) => {
    const source = sources.get(citation.key);
    const status: CitationStatus = source ? 'resolved' : unavailable ? 'unverifiable' : 'unknown';
    // An in-text `@word` that names no source is a handle or an address, not a citation.
    if (status === 'unknown' && citation.form === 'in-text') return;
    resolved.push({ key: citation.key, form: citation.form, span: citation.span, keySpan: citation.keySpan, itemSpan: citation.itemSpan, locator: citation.locator, owners: citation.owners, source, status });
  };
  for (const site of syntax.model.citations) if (!crossReferenceStarts.has(site.keySpan.start)) add(site);
  for (const marker of syntax.model.markers) if (marker.attributes.src) for (const citation of srcCitations(marker)) add(citation);
  return resolved;
}

function srcCitations(marker: Marker) {
  return (marker.attributes.src ?? []).filter(Boolean).map((key) => {
    const keySpan = marker.listItems.find((item) => item.attribute === 'src' && item.text === key)?.span ?? marker.opening;
    return { key, form: 'attribute' as const, span: marker.opening, keySpan, itemSpan: keySpan, locator: '', owners: [marker] };
  });
}

function classify(url: string, context: DocumentContext): LinkKind {
  const byText = classifyByText(url);
  if (byText) return byText;
  const file = linkedFile(url, context.uri, context.workspaceFolder);
  if (!file) return 'other';
  const kind = context.fileKinds.get(file.toString());
  return kind === 'file' ? 'file' : kind === 'missing' ? 'missing-file' : 'other';
}

/** What a marker that cites nothing cites: most markers, each of which would otherwise get two empty lists per keystroke. */
const NO_SOURCES: MarkerSources = Object.freeze({ citations: Object.freeze([]), links: Object.freeze([]) });

function sourcesByMarker(markers: readonly Marker[], citations: readonly ResolvedCitation[], links: readonly ClassifiedLink[]): MarkerSources[] {
  const byMarker: ({ citations: ResolvedCitation[]; links: ClassifiedLink[] } | undefined)[] = new Array(markers.length);
  const of = (owner: Marker) => (byMarker[owner.index] ??= { citations: [], links: [] });
  for (const citation of citations) for (const owner of citation.owners) of(owner).citations.push(citation);
  for (const link of links) for (const owner of link.owners) of(owner).links.push(link);
  return Array.from(byMarker, (sources) => sources ?? NO_SOURCES);
}

/**
 * A working source is a key that resolves to a source neither retracted nor empty (or that cannot
 * be checked), a web link or a file of the workspace.
 */
export function isWorking(site: ResolvedCitation | ClassifiedLink): boolean {
  if (!('status' in site)) return site.kind === 'web' || site.kind === 'file';
  return site.status === 'unverifiable' || (site.source !== undefined && !site.source.retraction && !isEmptySource(site.source));
}

const NO_SOURCE_COUNTS: SourceCounts = Object.freeze({ working: 0, broken: 0 });

function countSources(markers: readonly Marker[], markerSources: readonly MarkerSources[]): SourceCounts[] {
  return markers.map((marker) => {
    const { citations, links } = markerSources[marker.index]!;
    if (citations.length === 0 && links.length === 0 && marker.attributes.src === undefined) return NO_SOURCE_COUNTS;
    const working = citations.filter(isWorking).length + links.filter(isWorking).length;
    const brokenLinks = links.filter((link) => link.kind === 'placeholder' || link.kind === 'missing-file').length;
    const emptySrc = marker.attributes.src?.some((key) => key === '') ? 1 : 0;
    return { working, broken: citations.length - citations.filter(isWorking).length + brokenLinks + emptySrc };
  });
}
