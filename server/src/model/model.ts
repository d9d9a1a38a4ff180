import type { ListItem, MarkerAttributes } from '../language/attributes.js';
import type { MarkerKind } from '../language/markerKinds.js';
import type { SkippedPart } from '../parse/parseMarkdown.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { MappedText } from '../text/mappedText.js';
import type { Span } from '../types.js';

export type MarkerForm = 'inline' | 'leaf' | 'block';

export interface Marker {
  /** Position in `DocumentModel.markers`, which is in document order. */
  readonly index: number;
  readonly kind: MarkerKind;
  readonly form: MarkerForm;
  readonly attributes: MarkerAttributes;
  /** `:claim[`, `::claim[` or the whole `:::claim{…}` fence line: where diagnostics go. */
  readonly opening: Span;
  /** From the first colon to the end of the attribute block or closing fence. */
  readonly span: Span;
  /** The `{…}` block, when there is one. */
  readonly attributeBlock: Span | undefined;
  /** Where the id is written in the attribute block. */
  readonly idSpan: Span | undefined;
  /** Each id or key of `for=`, `against=` and `src=`, where it is written. */
  readonly listItems: readonly ListItem[];
  /** The label's inside, or the lines between a container's fences. */
  readonly content: Span;
  /** The content as plain text, whitespace collapsed. */
  readonly text: string;
  /**
   * Claims and hypotheses only: the text read for likelihood terms and confidence phrases, its own
   * content's and then each referenced footnote's (`model/markerProse.ts`).
   */
  readonly prose?: readonly MappedText[];
  readonly isEmpty: boolean;
  /** The attribute block did not parse; `attributes` holds what could still be read from it. */
  readonly attributesRefused: boolean;
  readonly parent: Marker | undefined;
}

/** A directive whose name nearly spells a marker name (`:cliam[…]`). */
export interface NearMiss {
  readonly name: string;
  readonly intended: MarkerKind;
  /** Its id, so that references to the misspelt marker are not reported a second time. */
  readonly id: string | undefined;
  /** The colons and the name: what a quick fix replaces. */
  readonly nameSpan: Span;
  readonly opening: Span;
}

export type CitationForm = 'bracketed' | 'in-text';

/** One `@key` of a Pandoc citation as written, in brackets (`[see @a, p. 4; -@b]`) or in the text (`@a`). */
export interface WrittenCitation {
  readonly key: string;
  readonly form: CitationForm;
  /** `@key` itself (with a leading `-` when the author is suppressed). */
  readonly span: Span;
  readonly keySpan: Span;
  readonly prefix: string;
  readonly locator: string;
  readonly suppressAuthor: boolean;
  /** The whole item: prefix, key and locator (`see @a, p. 4`), where a hover belongs. */
  readonly itemSpan: Span;
  /** The whole citation: its brackets and every item of it (`[see @a, p. 4; -@b]`), or the in-text item. */
  readonly citationSpan: Span;
}

/** A citation and the markers whose own content holds it (none outside markers, several via a shared footnote). */
export interface CitationSite extends WrittenCitation {
  readonly owners: readonly Marker[];
}

/** An inline link, autolink or reference link at its use. */
export interface LinkSite {
  /** The target as written (a reference link's target comes from its definition). */
  readonly url: string;
  readonly span: Span;
  readonly owners: readonly Marker[];
}

export interface SilencingComment {
  readonly span: Span;
  readonly directive: 'disable-next-line' | 'disable' | 'enable';
  /** The codes named; empty means every code. */
  readonly codes: readonly { readonly name: string; readonly span: Span }[];
}

export interface FrontMatterBlock {
  /** The YAML between the fences. */
  readonly yaml: string;
  /** Offset of the YAML's first character in the document. */
  readonly yamlStart: number;
  /** From the opening `---` to the end of the closing one. */
  readonly span: Span;
}

/** Everything the document says, read once from its syntax tree. */
export interface DocumentModel {
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatterBlock | undefined;
  readonly markers: readonly Marker[];
  readonly nearMisses: readonly NearMiss[];
  readonly citations: readonly CitationSite[];
  readonly links: readonly LinkSite[];
  readonly silencing: readonly SilencingComment[];
  /** Parts nested too deeply to be read (or that the parser failed on): nothing in them is checked. */
  readonly skipped: readonly SkippedPart[];
}
