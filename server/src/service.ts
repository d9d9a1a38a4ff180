import type { URI } from 'vscode-uri';
import { analyze, standardOf, type Analysis } from './analysis/analysis.js';
import { computeDiagnostics } from './analysis/diagnostics.js';
import type { DocumentContext, LoadedBibliography } from './analysis/documentContext.js';
import { readDocumentInSteps, type DocumentSyntax } from './analysis/documentSyntax.js';
import { getQuickFixes, getWrapRefactorings } from './features/codeActions.js';
import { getCompletions } from './features/completion.js';
import { getDefinition } from './features/definition.js';
import { getDocumentLinks } from './features/documentLinks.js';
import { getSupportLenses } from './features/supportLenses.js';
import { getHover } from './features/hover.js';
import { getReferences } from './features/references.js';
import { prepareRename, rename } from './features/rename.js';
import { getDocumentSymbols, getFoldingRanges } from './features/symbols.js';
import { indexedMarkers, matchWorkspaceSymbols, scanMarkers } from './features/workspaceSymbols.js';
import { MAX_BIBLIOGRAPHY_BYTES, type FileKind, type Host } from './host.js';
import { IncrementalParser } from './parse/incrementalParser.js';
import { runPausing, runToEnd } from './parse/steps.js';
import { isInside, linkedFile, resolveFromDocument } from './links/classifyLink.js';
import { formatOf, parseBibliography, type BibliographyItem } from './sources/bibliographyFile.js';
import type { BibliographyReference, FrontMatterData } from './sources/frontMatter.js';
import type { Settings } from './settings.js';
import type { Diagnostic } from './types.js';

export interface DocumentInput {
  readonly uri: URI;
  readonly text: string;
  /** The folder whose files the document may name (the CLI's workspace, the editor's folder). */
  readonly workspaceFolder: URI;
  /** The parser that read the document's previous version: only changed blocks are parsed again. */
  readonly parser?: IncrementalParser;
  /**
   * Awaited between pieces of the work (after each block parsed, before the analysis proper):
   * the server yields to other work there, and rejects to abandon the analysis of a version that
   * a newer one replaced. The rejection is passed on; the parser stays right for the next version.
   */
  readonly pause?: () => Promise<void>;
  /** The document's syntax, when `readSyntax` read it for this text already: it is not parsed again. */
  readonly syntax?: DocumentSyntax;
}

/** The one API of the core, for the command line and the language server alike. */
export interface TradecraftService {
  /** Parses the document, reads the files it names through the host, and analyses it. */
  analyze(document: DocumentInput): Promise<Analysis>;
  /** Parses the document alone: what it says by itself, before any file it names is read. */
  readSyntax(document: Omit<DocumentInput, 'syntax'>): Promise<DocumentSyntax>;
  computeDiagnostics(analysis: Analysis): Diagnostic[];
  /** Forgets what was read of a file (a bibliography changed); whether anything had been. */
  forgetFile(uri: URI): boolean;
}

/** What an editor asks of one analysis, each a synchronous function of it. */
export const editorFeatures = {
  hover: getHover,
  definition: getDefinition,
  references: getReferences,
  prepareRename,
  rename,
  completions: getCompletions,
  quickFixes: getQuickFixes,
  wrapRefactorings: getWrapRefactorings,
  documentSymbols: getDocumentSymbols,
  foldingRanges: getFoldingRanges,
  documentLinks: getDocumentLinks,
  supportLenses: getSupportLenses,
} as const;

/** The quick reading of files that are not open, for workspace symbols: a scan of marker openings and ids, not a parse. */
export const workspaceScan = { scanMarkers, indexedMarkers, matchWorkspaceSymbols } as const;

export { RenameError } from './features/rename.js';
export { defaultSeverityOf, documentationLinks, type DocumentationLinks } from './rules/index.js';
export { isInside } from './links/classifyLink.js';
export { documentSummary } from './views/summary.js';
export { sourceLinks } from './views/sourceLinks.js';
export { exportDocument } from './export/exportDocument.js';
export { openProblems } from './views/openProblems.js';
export { evidenceMatrix } from './views/evidenceMatrix.js';
export { readSeverityEntry } from './config/severity.js';
export { resolveUserPath } from './config/paths.js';
export { CONFIG_FILE_NAME, EMPTY_CONFIG, readProjectConfig, type ConfigProblem, type ConfigReading } from './config/projectConfig.js';
export { layerFileSelection, layerSettings, projectLayer } from './config/layers.js';

export interface ServiceOptions {
  readonly host: Host;
  readonly settings: Settings;
  /** Told of each bibliography file read (again after `forgetFile`): what the server's log says of it. */
  readonly onBibliographyRead?: (uri: URI, file: BibliographyFileRead) => void;
}

/** A bibliography file as read: its entries, and why it could not be read in full. */
export type BibliographyFileRead = Pick<LoadedBibliography, 'items' | 'problem'>;

export function createService({ host, settings, onBibliographyRead }: ServiceOptions): TradecraftService {
  const bibliographyFiles = new Map<string, Promise<BibliographyFileRead>>();

  function loadBibliographyFile(uri: URI): Promise<BibliographyFileRead> {
    const key = uri.toString();
    let loaded = bibliographyFiles.get(key);
    if (!loaded) {
      loaded = readBibliographyFile(host, uri);
      bibliographyFiles.set(key, loaded);
      if (onBibliographyRead) loaded.then((file) => onBibliographyRead(uri, file), () => undefined);
    }
    return loaded;
  }

  async function loadBibliography(name: string, uri: URI, reference: BibliographyReference | undefined): Promise<LoadedBibliography> {
    return { name, uri, reference, outsideWorkspace: false, ...(await loadBibliographyFile(uri)) };
  }

  async function loadContext(syntax: DocumentSyntax, document: DocumentInput): Promise<DocumentContext> {
    const { uri, workspaceFolder } = document;
    if (!syntax.usesLanguage) return { uri, workspaceFolder, bibliographies: [], fileKinds: new Map() };
    const isInsideWorkspace = insideTest(workspaceFolder);
    const loadInside = async (name: string, file: URI, reference: BibliographyReference | undefined) =>
      (await isInsideWorkspace(file)) ? loadBibliography(name, file, reference) : outsideWorkspace(name, file, reference);
    const named = syntax.frontMatter.bibliography.map((reference) => loadInside(reference.path, resolveFromDocument(reference.path, uri, workspaceFolder), reference));
    const fromUser = settings.bibliography.map((file) => loadBibliography(file.fsPath, file, undefined));
    const fromWorkspace = settings.workspaceBibliography.map((file) => loadInside(file.fsPath, file, undefined));
    const bibliographies = await Promise.all([...named, ...fromUser, ...fromWorkspace]);
    return { uri, workspaceFolder, bibliographies, fileKinds: await linkedFileKinds(syntax, document, isInsideWorkspace) };
  }

  async function linkedFileKinds(syntax: DocumentSyntax, document: DocumentInput, isInsideWorkspace: (file: URI) => Promise<boolean>): Promise<Map<string, FileKind>> {
    const files = new Map<string, URI>();
    for (const link of syntax.model.links) {
      const file = linkedFile(link.url, document.uri, document.workspaceFolder);
      if (file) files.set(file.toString(), file);
    }
    // A file that a symbolic link puts outside is left out, so its link is neither a source nor broken.
    const kinds = await Promise.all([...files].map(async ([key, file]) => ((await isInsideWorkspace(file)) ? [[key, await host.fileKind(file)] as const] : [])));
    return new Map(kinds.flat());
  }

  /** Whether a file lies inside the folder as named and once symbolic links are resolved. */
  function insideTest(folder: URI): (file: URI) => Promise<boolean> {
    let realFolder: Promise<URI> | undefined;
    return async (file) => isInside(file, folder) && isInside(await host.realPath(file), await (realFolder ??= host.realPath(folder)));
  }

  // Only the rules of a standard read the judgments' prose.
  const readsProse = (frontMatter: FrontMatterData) => standardOf(frontMatter, settings) !== undefined;

  async function readSyntax(document: Omit<DocumentInput, 'syntax'>): Promise<DocumentSyntax> {
    // Parsing by blocks equals a whole parse, and micromark slows down more than linearly with
    // length (5 MB: a minute and a half whole), so even a text read once goes block by block.
    const steps = readDocumentInSteps(document.text, document.parser ?? IncrementalParser.readingOnce(), readsProse);
    return document.pause ? runPausing(steps, document.pause) : runToEnd(steps);
  }

  return {
    readSyntax,
    async analyze(document) {
      const syntax = document.syntax ?? (await readSyntax(document));
      const context = await loadContext(syntax, document);
      await document.pause?.();
      return analyze(syntax, context, settings);
    },
    computeDiagnostics(analysis) {
      return computeDiagnostics(analysis, settings);
    },
    forgetFile(uri) {
      return bibliographyFiles.delete(uri.toString());
    },
  };
}

function outsideWorkspace(name: string, file: URI, reference: BibliographyReference | undefined): LoadedBibliography {
  return {
    name,
    uri: file,
    reference,
    outsideWorkspace: true,
    items: [],
    problem: { reason: 'it lies outside the workspace, and a document may only name files inside it (name it in the tradecraft.bibliography setting or with --bibliography instead)', line: undefined },
  };
}

async function readBibliographyFile(host: Host, uri: URI): Promise<BibliographyFileRead> {
  const format = formatOf(uri.path);
  if (!format) return failed('its format is unknown: use a .bib (BibTeX), .json (CSL-JSON) or .yaml file');
  const read = await host.readFile(uri, MAX_BIBLIOGRAPHY_BYTES);
  if (read.kind === 'missing') return failed('the file does not exist');
  if (read.kind === 'unreadable') return failed(`the file cannot be read (${read.reason})`);
  const parsed = parseBibliography(read.text, format);
  const items: readonly BibliographyItem[] = parsed.items;
  return { items, problem: parsed.error && { reason: `it does not parse: ${parsed.error.message}`, line: parsed.error.line, column: parsed.error.column } };
}

function failed(reason: string): BibliographyFileRead {
  return { items: [], problem: { reason, line: undefined } };
}
