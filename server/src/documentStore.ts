import { URI } from 'vscode-uri';
import type { Analysis } from './analysis/analysis.js';
import type { DocumentSyntax } from './analysis/documentSyntax.js';
import { sameFindings } from './analysis/sameFindings.js';
import { IncrementalParser } from './parse/incrementalParser.js';
import type { TradecraftService } from './service.js';
import { formatOf } from './sources/bibliographyFile.js';
import { LineIndex } from './text/lineIndex.js';
import { applyTextChanges, type TextChange } from './text/textChanges.js';
import { TextShift } from './text/textShift.js';
import type { Diagnostic, Span } from './types.js';

/** How long an analysis may hold the event loop before it lets edits and requests be read. */
const TIME_SLICE_MS = 10;

/** An analysis given up because the document's text changed (or it closed) before it was done. */
export class Superseded extends Error {
  constructor(uri: string) {
    super(`${uri} changed before its analysis was done`);
  }
}

/** Where an open document belongs: the folder whose files it may name, and that folder's service. */
export interface DocumentOwner {
  readonly workspaceFolder: URI;
  readonly service: TradecraftService;
  /** Whether the folder's settings let the document be checked (it gets no diagnostics otherwise). */
  readonly checked: boolean;
}

/** A document as the editor holds it now. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

export interface DocumentStoreOptions<Owner extends DocumentOwner> {
  /** Where a document belongs: asked once per document, and again after `reassign` or a failure. */
  readonly ownerOf: (uri: URI) => Promise<Owner>;
  /** Lets edits and requests be read: awaited by an analysis that used up its time slice. */
  readonly yieldControl: () => Promise<void>;
  readonly warn: (message: string) => void;
}

interface Entry<Owner> {
  document: OpenDocument;
  /** Keeps the document's blocks between versions; made at the first analysis. */
  parser?: IncrementalParser;
  owner?: Promise<Owner>;
  /** The analysis of one text of the document, shared by diagnostics and every request. */
  analysis?: AnalysisOfText;
  /** The newest analysis that finished, of whichever text. */
  settled?: Analysis;
  /** A text whose analysis failed: requests on it get the error, never an older result. */
  failedText?: string;
  /** The syntax of a text read to see whether its diagnostics could be kept, for its analysis. */
  syntax?: { readonly text: string; readonly syntax: DocumentSyntax };
  /** What `settled` can answer for the current text, once a request asked: worked out once per text. */
  standIn?: { readonly text: string; readonly settled: Analysis; readonly answer: SettledAnalysis | undefined };
}

/** A finished analysis of an older text, and how offsets move between that text and the current one. */
export interface SettledAnalysis {
  readonly analysis: Analysis;
  readonly shift: TextShift;
  /** The line index of the current text. */
  readonly lines: LineIndex;
}

interface AnalysisOfText {
  readonly text: string;
  readonly result: Promise<Analysis>;
  /** The result, once there is one. */
  done?: Analysis;
}

/**
 * What the editor has open: each document's text and version, the parser that keeps its blocks,
 * its newest analysis and where it belongs. A request is answered from the document's text as it
 * is now; an analysis of a text that an edit replaced is given up at its next pause (between
 * blocks), so that nothing waits for the whole of it. Bibliography buffers are held (a host reads
 * them as the files they stand for) but never analysed.
 */
export class DocumentStore<Owner extends DocumentOwner = DocumentOwner> {
  private readonly entries = new Map<string, Entry<Owner>>();
  /** Counts `reassign`s: an analysis begun before one read the old settings and files, and settles nothing. */
  private generation = 0;
  private readonly diagnosticsByAnalysis = new WeakMap<Analysis, readonly Diagnostic[]>();

  constructor(private readonly options: DocumentStoreOptions<Owner>) {}

  opened(uri: string, version: number, text: string): void {
    this.entries.set(uri, { document: { uri, version, text } });
  }

  /**
   * LSP says versions increase; a change that breaks this is still applied (its text is what the
   * user sees) and is checked like any other, with a warning: versions are told apart by their
   * text, never by their number. Whether the document is open (a change to another is ignored).
   */
  changed(uri: string, version: number, changes: readonly TextChange[]): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    const { document } = entry;
    if (version <= document.version) this.options.warn(`${uri}: the change of version ${version} is not newer than ${document.version}; it is applied and checked all the same`);
    // The index of the text analysed last saves building one when that text is the one changed.
    const text = applyTextChanges(document.text, changes, entry.analysis?.done?.syntax.model.lines);
    entry.document = { uri, version, text };
    return true;
  }

  /** Whether the document was open. */
  closed(uri: string): boolean {
    return this.entries.delete(uri);
  }

  /** The text of any open buffer, bibliographies included. */
  textOf(uri: string): string | undefined {
    return this.entries.get(uri)?.document.text;
  }

  /** An open document that Tradecraft checks (not a bibliography buffer). */
  get(uri: string): OpenDocument | undefined {
    return isBibliographyBuffer(uri) ? undefined : this.entries.get(uri)?.document;
  }

  all(): OpenDocument[] {
    return [...this.entries.values()].map((entry) => entry.document).filter((document) => !isBibliographyBuffer(document.uri));
  }

  /** Where an open document belongs; rejects with `Superseded` for a document not open. */
  ownerOf(uri: string): Promise<Owner> {
    const entry = this.entries.get(uri);
    if (!entry) return Promise.reject(new Superseded(uri));
    if (!entry.owner) {
      const owner = (async () => this.options.ownerOf(URI.parse(uri)))();
      entry.owner = owner;
      // A failure (the client did not answer for its settings) is not kept: the next request asks again.
      owner.catch(() => entry.owner === owner && delete entry.owner);
    }
    return entry.owner;
  }

  /** The analysis of the document's current text; rejects with `Superseded` if the text changes first. */
  analysisOf(uri: string): Promise<Analysis> {
    const entry = this.entries.get(uri);
    if (!entry || isBibliographyBuffer(uri)) return Promise.reject(new Superseded(uri));
    const { text } = entry.document;
    if (entry.analysis?.text === text) return entry.analysis.result;
    // An edit undone (or made and taken back before its analysis finished) needs no analysis.
    if (entry.settled?.syntax.model.text === text) {
      entry.analysis = { text, result: Promise.resolve(entry.settled), done: entry.settled };
      return entry.analysis.result;
    }
    const analysis: AnalysisOfText = { text, result: this.analyze(entry, text) };
    entry.analysis = analysis;
    const generation = this.generation;
    analysis.result.then(
      (done) => {
        analysis.done = done;
        if (generation === this.generation) entry.settled = done;
      },
      (error: unknown) => {
        if (!(error instanceof Superseded)) entry.failedText = text;
        if (entry.analysis === analysis) delete entry.analysis;
      },
    );
    return analysis.result;
  }

  /**
   * Until the current text's analysis is done, the newest finished one, to answer at once a
   * request at a place the edits since did not touch; undefined when the current text's analysis
   * is done (ask `analysisOf`) or there is none to stand in for it.
   */
  settledAnalysisOf(uri: string): SettledAnalysis | undefined {
    const entry = this.entries.get(uri);
    const settled = entry?.settled;
    if (!entry || !settled || isBibliographyBuffer(uri)) return undefined;
    const { text } = entry.document;
    if (settled.syntax.model.text === text || entry.failedText === text || (entry.analysis?.text === text && entry.analysis.done)) return undefined;
    if (entry.standIn?.text !== text || entry.standIn.settled !== settled) entry.standIn = { text, settled, answer: standInFor(settled, text) };
    return entry.standIn.answer;
  }

  /**
   * The diagnostics of the document's current text and the document they are for (none when the
   * settings leave it out, and then it is not analysed); rejects as `analysisOf` does. While the
   * edits since the newest finished analysis cannot have changed what the rules find (see
   * `keptDiagnosticsOf`), they are that analysis's diagnostics, moved where the text moved, and
   * `kept` says so: a caller confirms them, once the typing stops, with `fresh`.
   */
  async diagnosticsOf(uri: string, { fresh = false } = {}): Promise<{ document: OpenDocument; diagnostics: readonly Diagnostic[]; kept: boolean }> {
    const owner = await this.ownerOf(uri);
    const document = this.get(uri);
    if (!document) throw new Superseded(uri);
    if (!owner.checked) return { document, diagnostics: [], kept: false };
    const kept = fresh ? undefined : await this.keptDiagnosticsOf(uri, owner);
    if (kept) return { document, diagnostics: kept, kept: true };
    const analysis = await this.analysisOf(uri);
    return { document, diagnostics: this.diagnosticsFor(owner, analysis), kept: false };
  }

  /**
   * The newest finished analysis's diagnostics moved to the current text, when the edits since
   * change none: edits of prose words, seen in the texts, or edits after which the document says
   * what it said but where (`sameFindings`), seen by parsing it (the analysis proper, the larger
   * part of the work, is spared). The syntax read is kept for the analysis, if one follows.
   */
  private async keptDiagnosticsOf(uri: string, owner: Owner): Promise<readonly Diagnostic[] | undefined> {
    const standIn = this.settledAnalysisOf(uri);
    if (standIn && keepsDiagnostics(standIn)) return movedDiagnostics(this.diagnosticsFor(owner, standIn.analysis), standIn);
    const entry = this.entries.get(uri);
    const settled = entry?.settled;
    const { text } = entry?.document ?? {};
    if (!entry || !settled || settled.standard !== undefined || text === undefined || settled.syntax.model.text === text || entry.analysis?.text === text) return undefined;
    const syntax = await this.syntaxOf(entry, owner, text);
    // The stand-in, when there is one, already compared the two texts.
    const shift = standIn?.shift ?? TextShift.between(settled.syntax.model.text, text);
    if (!sameFindings(settled.syntax, syntax, shift)) return undefined;
    return movedDiagnostics(this.diagnosticsFor(owner, settled), { analysis: settled, shift, lines: syntax.model.lines });
  }

  private async syntaxOf(entry: Entry<Owner>, owner: Owner, text: string): Promise<DocumentSyntax> {
    const { uri } = entry.document;
    entry.parser ??= new IncrementalParser();
    const syntax = await owner.service.readSyntax({ uri: URI.parse(uri), text, workspaceFolder: owner.workspaceFolder, parser: entry.parser, pause: this.pauseWhileCurrent(uri, text) });
    entry.syntax = { text, syntax };
    return syntax;
  }

  /** The diagnostics of an analysis, computed once: the kept ones of many keystrokes are moved from them. */
  private diagnosticsFor(owner: Owner, analysis: Analysis): readonly Diagnostic[] {
    let diagnostics = this.diagnosticsByAnalysis.get(analysis);
    if (!diagnostics) this.diagnosticsByAnalysis.set(analysis, (diagnostics = owner.service.computeDiagnostics(analysis)));
    return diagnostics;
  }

  /** Settings, folders or files changed: every document is analysed again, its owner asked again. */
  reassign(): void {
    this.generation++;
    for (const entry of this.entries.values()) {
      delete entry.owner;
      delete entry.analysis;
      delete entry.settled;
      // Read under the old settings, which say whether the judgments' prose is read.
      delete entry.syntax;
    }
  }

  private async analyze(entry: Entry<Owner>, text: string): Promise<Analysis> {
    const { uri: uriText } = entry.document;
    const { service, workspaceFolder } = await this.ownerOf(uriText);
    const uri = URI.parse(uriText);
    entry.parser ??= new IncrementalParser();
    const syntax = entry.syntax?.text === text ? entry.syntax.syntax : undefined;
    return service.analyze({ uri, text, workspaceFolder, parser: entry.parser, pause: this.pauseWhileCurrent(uriText, text), syntax });
  }

  /** Yields at the first pause and once a time slice is used up, and gives up once the text is no longer the document's. */
  private pauseWhileCurrent(uri: string, text: string): () => Promise<void> {
    // The first pause yields at once: a request sent with the edit (a hover) is read before the analysis holds the thread.
    let sliceStart = -Infinity;
    return async () => {
      if (Date.now() - sliceStart >= TIME_SLICE_MS) {
        await this.options.yieldControl();
        sliceStart = Date.now();
      }
      if (this.entries.get(uri)?.document.text !== text) throw new Superseded(uri);
    };
  }
}

function standInFor(settled: Analysis, text: string): SettledAnalysis | undefined {
  const shift = TextShift.between(settled.syntax.model.text, text);
  const { from, to } = shift.changed;
  return onlyProseChanged(settled, text, shift) ? { analysis: settled, shift, lines: settled.syntax.model.lines.afterEdit(text, from, to) } : undefined;
}

/**
 * Whether the diagnostics of the older text hold for the current one, moved: only prose changed
 * (`onlyProseChanged`, which the stand-in already passed), outside an HTML comment (a silencing
 * comment's codes are words) and where no standard reads prose (a judgment's prose takes in the
 * footnotes it references, which lie outside it).
 */
function keepsDiagnostics({ analysis, shift }: SettledAnalysis): boolean {
  return analysis.standard === undefined && !insideComment(analysis.syntax.model.text, shift.changed.from.start);
}

/** Whether `at` may lie inside an HTML comment: a `<!--` before it that no `-->` closes before it. */
function insideComment(text: string, at: number): boolean {
  const opening = text.lastIndexOf('<!--', at - 1);
  return opening >= 0 && text.lastIndexOf('-->', at - 3) < opening;
}

/**
 * The diagnostics moved where the text moved: one that ends where the changed stretch starts
 * stays, one that starts where it ends moves with the text after it. Undefined when one reaches
 * into the stretch, or is empty and touches it, since where it would go is not known.
 */
function movedDiagnostics(diagnostics: readonly Diagnostic[], { analysis, shift, lines }: SettledAnalysis): Diagnostic[] | undefined {
  const before = analysis.syntax.model.lines;
  const { from: changed } = shift.changed;
  const moved: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const start = before.offsetAt(diagnostic.range.start);
    const end = before.offsetAt(diagnostic.range.end);
    const isBefore = end <= changed.start;
    const isAfter = start >= changed.end;
    if (isBefore === isAfter) return undefined;
    moved.push(isBefore ? diagnostic : { ...diagnostic, range: lines.rangeOf({ start: shift.forward(start)!, end: shift.forward(end)! }) });
  }
  return moved;
}

/** Characters of the language's syntax and of Markdown's that may hold it. */
const SYNTAX = /[[\](){}<>:@#=*_~`!^|\\&;]|www\./i;

/**
 * Whether an edit changed only words of prose outside every marker and the front matter: then
 * the older text's analysis says all the newer one would, but where the text moved. The words
 * the edit joins to the text beside it count too (`:cl` + `i` makes a near miss of a marker
 * name), and so does the line when they begin it (`Word ` before `- item` ends a list).
 */
function onlyProseChanged(settled: Analysis, text: string, shift: TextShift): boolean {
  const { model } = settled.syntax;
  const { from, to } = shift.changed;
  const before = editedWords(model.text, from, text, to);
  const after = editedWords(text, to, model.text, from);
  const words = model.text.slice(before.start, before.end) + text.slice(after.start, after.end);
  // A line break may change the blocks.
  if (/[\r\n]/.test(words) || SYNTAX.test(words)) return false;
  if (mayBeDefinition(model.lines, from.start)) return false;
  const lineStart = lineStartBefore(model.text, before.start);
  if (lineStart !== undefined && !sameKindOfLine(model.text, text, lineStart)) return false;
  // An insertion just before a marker leaves it be (the words say what it joins to), one just after may not (`::claim[…]` + ` text`).
  const changesMarker = (span: Span) => span.start < from.end && from.start <= span.end;
  const touches = (span: Span) => span.start <= from.end && from.start <= span.end;
  return !model.markers.some((marker) => changesMarker(marker.span)) && !(model.frontMatter && touches(model.frontMatter.span));
}

/**
 * Whether the line at `at`, or the one before it, may hold a link reference definition, whose
 * destination may be a word (`[notes]: notes.md`, or the destination on the next line).
 */
function mayBeDefinition(lines: LineIndex, at: number): boolean {
  const { line } = lines.positionAt(at);
  return lines.text.slice(lines.lineSpan(Math.max(0, line - 1)).start, lines.lineSpan(line).end).includes(']:');
}

/**
 * The stretch an edit changed in one text, widened over the words it is joined to: a neighbour
 * word is part of it when no white space parts them in this text or in the other.
 */
function editedWords(of: string, span: Span, other: string, otherSpan: Span): Span {
  let { start, end } = span;
  if (isWord(of[start - 1]) && (isWord(of[start]) || isWord(other[otherSpan.start]))) while (isWord(of[start - 1])) start--;
  if (isWord(of[end]) && (isWord(of[end - 1]) || isWord(other[otherSpan.end - 1]))) while (isWord(of[end])) end++;
  return { start, end };
}

const isWord = (character: string | undefined) => character !== undefined && !/\s/.test(character);

/** Where the line holding `at` starts, when only spaces and tabs stand between that and `at`. */
function lineStartBefore(of: string, at: number): number | undefined {
  let start = at;
  while (of[start - 1] === ' ' || of[start - 1] === '\t') start--;
  return start === 0 || of[start - 1] === '\n' || of[start - 1] === '\r' ? start : undefined;
}

/**
 * Whether the line starting at `lineStart` is a line of text in both texts, indented alike: a
 * letter or a text marker's `:name` after the indentation starts no block of Markdown's or the
 * language's, so the line's kind is what its indentation and the lines around it make it.
 */
function sameKindOfLine(of: string, other: string, lineStart: number): boolean {
  const opening = (text: string) => {
    let first = lineStart;
    while (text[first] === ' ' || text[first] === '\t') first++;
    return { indentation: text.slice(lineStart, first), opensText: /^:?\p{L}/u.test(text.slice(first, first + 2)) };
  };
  const [was, is] = [opening(of), opening(other)];
  return was.opensText && is.opensText && was.indentation === is.indentation;
}

/** A bibliography file open in the editor: read through the host, never checked as Markdown. */
export function isBibliographyBuffer(uri: string): boolean {
  return formatOf(uri) !== undefined;
}
