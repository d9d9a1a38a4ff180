import type { Analysis } from '../analysis/analysis.js';
import { VALUE_ATTRIBUTES, valueSpanIn } from '../language/attributes.js';
import { kindRow, MARKER_KINDS, type MarkerKind } from '../language/markerKinds.js';
import { closestTerm, isOnScale } from '../language/standards.js';
import type { Marker } from '../model/model.js';
import { closestName, mostAlike } from '../text/closestName.js';
import { capitalize } from '../text/textHelpers.js';
import type { Span, TextEdit } from '../types.js';
import { sourceStubEdit } from './sourceStub.js';

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor.rewrite';
  /** Edits to the document itself. */
  readonly edits: readonly TextEdit[];
  /** The diagnostic code a quick fix answers. */
  readonly fixes?: 'unknown-marker' | 'unknown-source' | 'bad-attribute' | 'off-scale-likelihood';
  readonly isPreferred?: boolean;
}

/**
 * Quick fixes for the problems in `span`, computed from the newest analysis (so never stale):
 * correct a near-miss marker name; change an unknown key to a close one, or add a stub source;
 * replace a value its marker's kind does not allow by the allowed one most like it; change an
 * off-scale likelihood word to the scale's term closest in meaning.
 */
export function getQuickFixes(analysis: Analysis, span: Span): CodeAction[] {
  const { lines } = analysis.syntax.model;
  const overlaps = (other: Span) => other.start <= span.end && span.start <= other.end;
  const actions: CodeAction[] = [];
  for (const miss of analysis.syntax.model.nearMisses.filter((candidate) => overlaps(candidate.opening))) {
    const colons = analysis.syntax.model.text.slice(miss.nameSpan.start, miss.nameSpan.end).replace(/[^:].*$/, '');
    actions.push({
      title: `Change "${miss.name}" to "${miss.intended}"`,
      kind: 'quickfix',
      fixes: 'unknown-marker',
      isPreferred: true,
      edits: [{ range: lines.rangeOf(miss.nameSpan), newText: `${colons}${miss.intended}` }],
    });
  }
  const keys = analysis.sources.keys;
  for (const citation of analysis.citations.filter((candidate) => candidate.status === 'unknown' && overlaps(candidate.span))) {
    const closest = closestName(citation.key, keys);
    if (closest) {
      actions.push({ title: `Change to "${closest}"`, kind: 'quickfix', fixes: 'unknown-source', isPreferred: true, edits: [{ range: lines.rangeOf(citation.keySpan), newText: closest }] });
    }
    const stub = sourceStubEdit(analysis, citation.key);
    if (stub) actions.push({ title: `Add source "${citation.key}" to the front matter`, kind: 'quickfix', fixes: 'unknown-source', edits: [stub] });
  }
  for (const marker of analysis.syntax.model.markers.filter((candidate) => overlaps(candidate.opening))) actions.push(...valueFixes(analysis, marker));
  return [...actions, ...likelihoodFixes(analysis, overlaps)];
}

/** Words and the white space between them, nothing else: emphasis or a line prefix inside would be lost. */
const PLAIN_WORDS = /^[\p{L}\p{M}\p{N}]+(?:\s+[\p{L}\p{M}\p{N}]+)*$/u;

function likelihoodFixes(analysis: Analysis, overlaps: (other: Span) => boolean): CodeAction[] {
  const { standard } = analysis;
  const { text, lines } = analysis.syntax.model;
  if (!standard) return [];
  return analysis.likelihoodUses.filter((use) => overlaps(use.span) && !isOnScale(use.term, standard)).flatMap((use): CodeAction[] => {
    const written = text.slice(use.span.start, use.span.end);
    const closest = closestTerm(use.term, standard);
    if (!closest || !PLAIN_WORDS.test(written)) return [];
    const newText = /^\p{Lu}/u.test(written) ? capitalize(closest) : closest;
    return [{ title: `Change "${written}" to "${newText}"`, kind: 'quickfix', fixes: 'off-scale-likelihood', isPreferred: true, edits: [{ range: lines.rangeOf(use.span), newText }] }];
  });
}

/** `confidence=medium` → `moderate`, `status=favourite` → `favored`: each value its kind does not allow, replaced. */
function valueFixes(analysis: Analysis, marker: Marker): CodeAction[] {
  const { text, lines } = analysis.syntax.model;
  const block = marker.attributeBlock;
  if (!block || marker.isEmpty) return [];
  return VALUE_ATTRIBUTES.flatMap((name) => {
    const value = marker.attributes[name];
    const allowed = kindRow(marker.kind).values[name];
    const span = valueSpanIn(text.slice(block.start, block.end), block.start, name);
    const replacement = value !== undefined && allowed && !allowed.includes(value) ? mostAlike(value, allowed) : undefined;
    if (!replacement || !span) return [];
    return [{ title: `Change ${name}="${value}" to "${replacement}"`, kind: 'quickfix' as const, fixes: 'bad-attribute' as const, isPreferred: true, edits: [{ range: lines.rangeOf(span), newText: replacement }] }];
  });
}

/**
 * Wrap the selection in a marker of each kind with a fresh id: inline within a
 * paragraph, as a block (`:::`) when the selection spans whole lines of several paragraphs.
 */
export function getWrapRefactorings(analysis: Analysis, selection: Span): CodeAction[] {
  const { text, lines } = analysis.syntax.model;
  const selected = text.slice(selection.start, selection.end);
  if (selected.trim() === '') return [];
  const asBlock = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(selected) || isWholeLines(text, selection);
  return MARKER_KINDS.map((kind) => {
    const id = freshId(analysis, kindRow(kind).idPrefix);
    const newText = asBlock ? blockMarker(kind, id, selected, text) : `:${kind}[${selected}]{#${id}}`;
    return { title: `Wrap in ${kind} {#${id}}`, kind: 'refactor.rewrite' as const, edits: [{ range: lines.rangeOf(selection), newText }] };
  });
}

function isWholeLines(text: string, selection: Span): boolean {
  const startsLine = selection.start === 0 || /[\r\n]/.test(text[selection.start - 1]!);
  const endsLine = selection.end === text.length || /[\r\n]/.test(text[selection.end]!) || /[\r\n]$/.test(text.slice(selection.start, selection.end));
  return startsLine && endsLine && /[\r\n]./.test(text.slice(selection.start, selection.end).trimEnd());
}

function blockMarker(kind: MarkerKind, id: string, selected: string, text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const innerFences = [...selected.matchAll(/^[ \t>]*(:{3,})/gm)].map((match) => match[1]!.length);
  const fence = ':'.repeat(Math.max(3, ...innerFences.map((length) => length + 1)));
  const trailing = /(\r\n|\n|\r)$/.exec(selected)?.[0] ?? '';
  return `${fence}${kind}{#${id}}${eol}${selected.slice(0, selected.length - trailing.length)}${eol}${fence}${trailing}`;
}

/** The first `c1`, `c2` … that no marker, misspelt ones included, has yet. */
function freshId(analysis: Analysis, prefix: string): string {
  const taken = new Set([...analysis.markersById.keys(), ...analysis.syntax.model.nearMisses.map((miss) => miss.id)]);
  for (let n = 1; ; n++) {
    if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
  }
}
