import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MATRIX_ORDERS, type MatrixOrder } from '../views/matrix.js';
import { oneOf, readCommandLine, readRunFlags, SHARED_OPTIONS, UsageError, type RunFlags } from './checkOptions.js';

/** The views of a document, each a command of its own and a task of the document loop. */
export const VIEWS = ['assumptions', 'indicators', 'sources', 'matrix', 'map'] as const;
export type ViewName = (typeof VIEWS)[number];

const TABLE_FORMATS = ['text', 'markdown', 'json'] as const;

/** The formats of each view, its default first. */
export const VIEW_FORMATS = {
  assumptions: TABLE_FORMATS,
  indicators: TABLE_FORMATS,
  sources: TABLE_FORMATS,
  matrix: [...TABLE_FORMATS, 'html'],
  map: ['mermaid', 'dot'],
} as const satisfies Readonly<Record<ViewName, readonly string[]>>;
export type ViewFormat = (typeof VIEW_FORMATS)[ViewName][number];

export interface ViewOptions extends RunFlags {
  readonly view: ViewName;
  readonly format: ViewFormat;
  /** The matrix's rows: most discriminating first, or as written. */
  readonly order: MatrixOrder;
  readonly paths: readonly string[];
  readonly help: boolean;
}

/** The views' options: the format's default is the view's own; `--order` is the matrix's only. */
const VIEW_OPTIONS = { ...SHARED_OPTIONS, format: { type: 'string', short: 'f' }, order: { type: 'string' } } satisfies NonNullable<ParseArgsConfig['options']>;

export function parseViewOptions(view: ViewName, args: readonly string[]): ViewOptions {
  const formats: readonly ViewFormat[] = VIEW_FORMATS[view];
  const { values, positionals } = readCommandLine(view, () => parseArgs({ args: [...args], allowPositionals: true, strict: true, options: VIEW_OPTIONS }));
  if (values.order !== undefined && view !== 'matrix') throw new UsageError(`--order is an option of matrix only. Run "tradecraft ${view} --help" for the options.`);
  return {
    view,
    format: oneOf(values.format ?? formats[0]!, formats, '--format'),
    order: oneOf(values.order ?? MATRIX_ORDERS[0], MATRIX_ORDERS, '--order'),
    ...readRunFlags(values),
    paths: positionals.length > 0 ? positionals : ['.'],
    help: values.help,
  };
}
