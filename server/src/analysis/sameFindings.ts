import type { CitationSite, DocumentModel, LinkSite, Marker, NearMiss, SilencingComment } from '../model/model.js';
import type { TextShift } from '../text/textShift.js';
import type { DocumentSyntax } from './documentSyntax.js';

/**
 * Whether the rules find in `after` what they found in `before`, only where the text moved: the
 * texts differ in one stretch (`shift`) that no line break enters or leaves, and their models
 * hold the same markers, near misses, citations, links, silencing comments, skipped parts and
 * front matter, but where they lie. A marker's text may differ when it has an id, since messages
 * name such a marker by its id. Only for documents held to no standard: a standard's rules read
 * the judgments' prose.
 */
export function sameFindings(before: DocumentSyntax, after: DocumentSyntax, shift: TextShift): boolean {
  const [was, is] = [before.model, after.model];
  return (
    sameLines(was, is, shift) &&
    was.frontMatter?.yaml === is.frontMatter?.yaml &&
    before.usesLanguage === after.usesLanguage &&
    sameItems(was.markers, is.markers, sameMarker) &&
    sameItems(was.nearMisses, is.nearMisses, sameNearMiss) &&
    sameItems(was.citations, is.citations, (a, b) => sameCitation(a, b, was.text, is.text)) &&
    sameItems(was.links, is.links, sameLink) &&
    sameItems(was.silencing, is.silencing, sameSilencing) &&
    sameItems(was.skipped, is.skipped, (a, b) => a.cause === b.cause)
  );
}

/** Every line keeps its number: diagnostics name lines, and a silencing comment reaches the next. */
function sameLines(was: DocumentModel, is: DocumentModel, shift: TextShift): boolean {
  const { from, to } = shift.changed;
  const breaks = /[\r\n]/;
  return was.lines.lineCount === is.lines.lineCount && !breaks.test(was.text.slice(from.start, from.end)) && !breaks.test(is.text.slice(to.start, to.end));
}

function sameItems<T>(a: readonly T[], b: readonly T[], same: (a: T, b: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

function sameMarker(a: Marker, b: Marker): boolean {
  return (
    a.kind === b.kind &&
    a.form === b.form &&
    a.isEmpty === b.isEmpty &&
    a.attributesRefused === b.attributesRefused &&
    a.parent?.index === b.parent?.index &&
    sameRecord(a.attributes.raw, b.attributes.raw) &&
    (a.attributes.id !== undefined || a.text === b.text)
  );
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
}

function sameNearMiss(a: NearMiss, b: NearMiss): boolean {
  return a.name === b.name && a.intended === b.intended && a.id === b.id;
}

/** The key as written counts too: a message quotes it. */
function sameCitation(a: CitationSite, b: CitationSite, aText: string, bText: string): boolean {
  return (
    a.key === b.key &&
    a.form === b.form &&
    a.prefix === b.prefix &&
    a.locator === b.locator &&
    a.suppressAuthor === b.suppressAuthor &&
    sameOwners(a.owners, b.owners) &&
    aText.slice(a.span.start, a.span.end) === bText.slice(b.span.start, b.span.end)
  );
}

function sameLink(a: LinkSite, b: LinkSite): boolean {
  return a.url === b.url && sameOwners(a.owners, b.owners);
}

function sameOwners(a: readonly Marker[], b: readonly Marker[]): boolean {
  return sameItems(a, b, (x, y) => x.index === y.index);
}

function sameSilencing(a: SilencingComment, b: SilencingComment): boolean {
  return a.directive === b.directive && sameItems(a.codes, b.codes, (x, y) => x.name === y.name);
}
