/** The only module that knows both the core's types and the protocol's. */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  SymbolKind,
  type CodeAction as LspCodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Hover as LspHover,
  type Location as LspLocation,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageserver';
import type { CodeAction } from '../features/codeActions.js';
import type { CompletionEntry } from '../features/completion.js';
import type { Hover } from '../features/hover.js';
import type { MarkerSymbol } from '../features/symbols.js';
import type { SupportLens } from '../features/supportLenses.js';
import { SHOW_MARKERS_COMMAND } from '../protocol.js';
import type { OutlineKind } from '../language/markerKinds.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { ConfigProblem, DocumentationLinks } from '../service.js';
import type { Diagnostic, Location, Severity, WorkspaceEdit } from '../types.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SYMBOL_KIND: Readonly<Record<OutlineKind, SymbolKind>> = {
  class: SymbolKind.Class,
  file: SymbolKind.File,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  event: SymbolKind.Event,
};

export function toLspDiagnostic(diagnostic: Diagnostic, documentation: DocumentationLinks): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: documentation.forCode(diagnostic.code) },
    source: 'tradecraft',
    message: diagnostic.message,
  };
}

/**
 * A problem of `.tradecraft.yaml`, shown in the file itself. Its code is not one of the
 * documents' (no severity setting or silencing comment reaches a YAML file): an error, since a
 * setting the file meant to make is not in force.
 */
export function toConfigDiagnostic(problem: ConfigProblem): LspDiagnostic {
  return { range: problem.range, severity: DiagnosticSeverity.Error, code: CONFIG_PROBLEM_CODE, source: 'tradecraft', message: problem.message };
}

export const CONFIG_PROBLEM_CODE = 'bad-config';

export function toLspHover(hover: Hover, lines: LineIndex): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: lines.rangeOf(hover.span) };
}

export function toLspLocations(locations: readonly Location[]): LspLocation[] {
  return locations.map((location) => ({ uri: location.uri, range: location.range }));
}

export function toLspWorkspaceEdit(edit: WorkspaceEdit): LspWorkspaceEdit {
  return { changes: Object.fromEntries([...edit].map(([uri, edits]) => [uri, edits.map((e) => ({ range: e.range, newText: e.newText }))])) };
}

const COMPLETION_KIND: Readonly<Record<CompletionEntry['kind'], CompletionItemKind>> = {
  'marker-id': CompletionItemKind.Reference,
  'source-key': CompletionItemKind.Reference,
  'marker-name': CompletionItemKind.Keyword,
  'attribute-name': CompletionItemKind.Property,
  'attribute-value': CompletionItemKind.EnumMember,
};

/** Source keys are ranked by what has been typed, so that list is incomplete: the client asks again as the user types. */
export function toLspCompletionList(entries: readonly CompletionEntry[], lines: LineIndex): CompletionItem[] | CompletionList {
  const items = entries.map((entry) => toLspCompletion(entry, lines));
  return entries.some((entry) => entry.kind === 'source-key') ? { isIncomplete: true, items } : items;
}

function toLspCompletion(entry: CompletionEntry, lines: LineIndex): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    detail: entry.detail,
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    ...(entry.preselect ? { preselect: true } : {}),
    textEdit: { range: lines.rangeOf(entry.span), newText: entry.insertText ?? entry.label },
  };
}

/** `snippets`: the client takes snippet edits (LSP 3.18), so that a fix can place the cursor. */
export function toLspCodeAction(action: CodeAction, uri: string, diagnostics: readonly LspDiagnostic[], snippets: boolean): LspCodeAction {
  const withSnippet = snippets && action.edits.some((e) => e.snippet !== undefined);
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    edit: withSnippet
      ? { documentChanges: [{ textDocument: { uri, version: null }, edits: action.edits.map(toSnippetEdit) }] }
      : { changes: { [uri]: action.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
    ...(action.fixes ? { diagnostics: diagnostics.filter((d) => d.code === action.fixes) } : {}),
    ...(action.isPreferred ? { isPreferred: true } : {}),
  };
}

function toSnippetEdit(edit: CodeAction['edits'][number]): LspTextEdit | SnippetTextEdit {
  return edit.snippet === undefined ? { range: edit.range, newText: edit.newText } : { range: edit.range, snippet: { kind: 'snippet', value: edit.snippet } };
}

/** A lens that lists what weighs the marker when there is something to list; a label only otherwise. */
export function toLspCodeLens(lens: SupportLens, uri: string): CodeLens {
  const command = lens.weighers.length === 0
    ? { title: lens.title, command: '' }
    : { title: lens.title, command: SHOW_MARKERS_COMMAND, arguments: [uri, lens.range.start, lens.weighers] };
  return { range: lens.range, command };
}

export function toLspDocumentSymbol(symbol: MarkerSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.outline],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toLspDocumentSymbol),
  };
}
