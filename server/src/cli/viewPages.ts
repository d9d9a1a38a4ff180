import { fileURLToPath } from 'node:url';
import type { AssumptionsView } from '../views/assumptions.js';
import type { IndicatorRef, IndicatorsView } from '../views/indicators.js';
import type { MarkerRef } from '../views/markerRef.js';
import type { SourcesView } from '../views/sources.js';
import { firstWords } from '../text/textHelpers.js';
import { displayPath, type TaskResult } from './document.js';
import type { ViewName } from './viewOptions.js';

/** One cell of a view's table: a text, or a list of them (one a line in text, joined in Markdown). */
export type Cell = string | readonly string[];

export interface ViewTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A view of one document as the text and Markdown formats print it. */
export interface ViewPage {
  readonly path: string;
  /** `Key Assumptions Check`. */
  readonly title: string;
  /** What to say instead of the tables when the document has nothing for the view (`no assumptions`). */
  readonly nothing: string | undefined;
  readonly tables: readonly ViewTable[];
}

export interface ViewDocument<V extends ViewName> {
  readonly path: string;
  readonly view: TaskResult<V>;
}

/** The views laid out as titled tables (the matrix and the map have formats of their own). */
export type TableViewName = Exclude<ViewName, 'matrix' | 'map'>;

/** Lays out one document's view as tables; `cwd` shortens the paths of bibliography files. */
export function pageOf(name: TableViewName, document: ViewDocument<TableViewName>, cwd: string): ViewPage {
  switch (name) {
    case 'assumptions': return assumptionsPage(document.path, document.view as AssumptionsView);
    case 'indicators': return indicatorsPage(document.path, document.view as IndicatorsView);
    case 'sources': return sourcesPage(document.path, document.view as SourcesView, cwd);
  }
}

function assumptionsPage(path: string, view: AssumptionsView): ViewPage {
  return {
    path,
    title: 'Key Assumptions Check',
    nothing: view.assumptions.length === 0 ? 'no assumptions' : undefined,
    tables: [
      {
        title: 'Assumptions',
        columns: ['Assumption', 'Status', 'Line', 'Text', 'Rested on by'],
        rows: view.assumptions.map((row) => [idOf(row), row.status, String(row.line), row.text, row.restedOnBy.map(named)]),
      },
      {
        title: 'Key judgments that rest on an unsupported assumption',
        columns: ['Judgment', 'Line', 'Text', 'Unsupported assumptions'],
        rows: view.keyJudgmentsAtRisk.map(({ judgment, unsupported }) => [idOf(judgment), String(judgment.line), judgment.text, unsupported.map(named)]),
      },
    ],
  };
}

function indicatorsPage(path: string, view: IndicatorsView): ViewPage {
  const indicator = (ref: IndicatorRef) => `${idOf(ref)} (${ref.status}, line ${ref.line})`;
  return {
    path,
    title: 'Indicators',
    nothing: view.hypotheses.length === 0 ? 'no hypotheses' : undefined,
    tables: [
      {
        title: 'Hypotheses',
        columns: ['Hypothesis', 'Status', 'Line', 'Text', 'Indicators for', 'Indicators against'],
        rows: view.hypotheses.map((row) => [idOf(row), row.status, String(row.line), row.text, row.for.map(indicator), row.against.map(indicator)]),
      },
      {
        title: 'Indicators that do not tell the hypotheses apart',
        columns: ['Indicator', 'Status', 'Line', 'Text'],
        rows: view.nonDiagnostic.map((ref) => [idOf(ref), ref.status, String(ref.line), ref.text]),
      },
      {
        title: 'Indicators that name no hypothesis',
        columns: ['Indicator', 'Status', 'Line', 'Text', 'For', 'Against'],
        rows: view.unattached.map((row) => [idOf(row), row.status, String(row.line), row.text, row.for.map(named), row.against.map(named)]),
      },
    ],
  };
}

function sourcesPage(path: string, view: SourcesView, cwd: string): ViewPage {
  return {
    path,
    title: 'Quality of Information Check',
    nothing: view.sources.length === 0 ? 'no sources' : undefined,
    tables: [
      {
        title: 'Sources',
        columns: ['Source', 'Title', 'Grade', 'Retracted', 'Empty', 'Defined in', 'Cited by', 'Sole source of key judgments'],
        rows: view.sources.map((row) => [
          row.key,
          row.title ?? '',
          row.gradeInWords ?? 'ungraded',
          row.retracted ? (row.retractionReason ? `yes: ${row.retractionReason}` : 'yes') : 'no',
          row.empty ? 'yes' : 'no',
          row.definedIn.startsWith('file:') ? displayPath(fileURLToPath(row.definedIn), cwd) : row.definedIn,
          row.citedBy.map(named),
          row.soleSourceOf.map(named),
        ]),
      },
    ],
  };
}

function idOf(ref: MarkerRef): string {
  return ref.id ?? '(no id)';
}

/** `claim c-leave (line 31)`, or `claim "Most of the contingent…" (line 31)` without an id. */
function named(ref: MarkerRef): string {
  return `${ref.kind} ${ref.id ?? `"${firstWords(ref.text, 6)}"`} (line ${ref.line})`;
}
