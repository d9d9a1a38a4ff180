import type { URI } from 'vscode-uri';
import { analyze, type Analysis } from './analysis/analysis.js';
import { computeDiagnostics } from './analysis/diagnostics.js';
import type { DocumentContext, LoadedBibliography } from './analysis/documentContext.js';
import { readDocument, type DocumentSyntax } from './analysis/documentSyntax.js';
import type { FileKind, Host } from './host.js';
import { IncrementalParser } from './parse/incrementalParser.js';
import { isInside, linkedFile, resolveFromDocument } from './links/classifyLink.js';
import { formatOf, parseBibliography, type BibliographyItem } from './sources/bibliographyFile.js';
import type { BibliographyReference } from './sources/frontMatter.js';
import type { Settings } from './settings.js';
import type { Diagnostic } from './types.js';

export interface DocumentInput {
  readonly uri: URI;
  readonly text: string;
  /** The folder whose files the document may name (the CLI's workspace, the editor's folder). */
  readonly workspaceFolder: URI;
  /** The parser that read the document's previous version: only changed blocks are parsed again. */
  readonly parser?: IncrementalParser;
}

/** The one API of the core, for the command line and the language server alike. */
export interface TradecraftService {
  /** Parses the document, reads the files it names through the host, and analyses it. */
  analyze(document: DocumentInput): Promise<Analysis>;
  computeDiagnostics(analysis: Analysis): Diagnostic[];
  /** Forgets what was read of a file (a bibliography changed on disk). */
  forgetFile(uri: URI): void;
}

export interface ServiceOptions {
  readonly host: Host;
  readonly settings: Settings;
}

type LoadedFile = Pick<LoadedBibliography, 'items' | 'problem'>;

export function createService({ host, settings }: ServiceOptions): TradecraftService {
  const bibliographyFiles = new Map<string, Promise<LoadedFile>>();

  function loadBibliographyFile(uri: URI): Promise<LoadedFile> {
    const key = uri.toString();
    let loaded = bibliographyFiles.get(key);
    if (!loaded) {
      loaded = readBibliographyFile(host, uri);
      bibliographyFiles.set(key, loaded);
    }
    return loaded;
  }

  async function loadBibliography(name: string, uri: URI, reference: BibliographyReference | undefined): Promise<LoadedBibliography> {
    return { name, uri, reference, ...(await loadBibliographyFile(uri)) };
  }

  async function loadContext(syntax: DocumentSyntax, document: DocumentInput): Promise<DocumentContext> {
    const { uri, workspaceFolder } = document;
    if (!syntax.usesLanguage) return { uri, workspaceFolder, bibliographies: [], fileKinds: new Map() };
    const loadInside = (name: string, file: URI, reference: BibliographyReference | undefined) =>
      isInside(file, workspaceFolder) ? loadBibliography(name, file, reference) : Promise.resolve(outsideWorkspace(name, file, reference));
    const named = syntax.frontMatter.bibliography.map((reference) => loadInside(reference.path, resolveFromDocument(reference.path, uri, workspaceFolder), reference));
    const fromUser = settings.bibliography.map((file) => loadBibliography(file.fsPath, file, undefined));
    const fromWorkspace = settings.workspaceBibliography.map((file) => loadInside(file.fsPath, file, undefined));
    const bibliographies = await Promise.all([...named, ...fromUser, ...fromWorkspace]);
    return { uri, workspaceFolder, bibliographies, fileKinds: await linkedFileKinds(syntax, document) };
  }

  async function linkedFileKinds(syntax: DocumentSyntax, document: DocumentInput): Promise<Map<string, FileKind>> {
    const files = new Map<string, URI>();
    for (const link of syntax.model.links) {
      const file = linkedFile(link.url, document.uri, document.workspaceFolder);
      if (file) files.set(file.toString(), file);
    }
    const kinds = await Promise.all([...files].map(async ([key, file]) => [key, await host.fileKind(file)] as const));
    return new Map(kinds);
  }

  return {
    async analyze(document) {
      // Parsing by blocks equals a whole parse and is faster on large documents (micromark slows
      // down more than linearly with length), so even a first reading goes block by block.
      const syntax = readDocument(document.text, document.parser ?? new IncrementalParser());
      return analyze(syntax, await loadContext(syntax, document));
    },
    computeDiagnostics(analysis) {
      return computeDiagnostics(analysis, settings);
    },
    forgetFile(uri) {
      bibliographyFiles.delete(uri.toString());
    },
  };
}

function outsideWorkspace(name: string, file: URI, reference: BibliographyReference | undefined): LoadedBibliography {
  return {
    name,
    uri: file,
    reference,
    items: [],
    problem: { reason: 'it lies outside the workspace, and a document may only name files inside it (name it in the tradecraft.bibliography setting or with --bibliography instead)', line: undefined },
  };
}

async function readBibliographyFile(host: Host, uri: URI): Promise<LoadedFile> {
  const format = formatOf(uri.path);
  if (!format) return failed('its format is unknown: use a .bib (BibTeX), .json (CSL-JSON) or .yaml file');
  const read = await host.readFile(uri);
  if (read.kind === 'missing') return failed('the file does not exist');
  if (read.kind === 'unreadable') return failed(`the file cannot be read (${read.reason})`);
  const parsed = parseBibliography(read.text, format);
  const items: readonly BibliographyItem[] = parsed.items;
  return { items, problem: parsed.error && { reason: `it does not parse: ${parsed.error.message}`, line: parsed.error.line, column: parsed.error.column } };
}

function failed(reason: string): LoadedFile {
  return { items: [], problem: { reason, line: undefined } };
}
