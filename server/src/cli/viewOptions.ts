import { parseArgs } from 'node:util';
import { STANDARD_CHOICES, type StandardChoice } from '../language/standards.js';
import { oneOf, readCommandLine, SHARED_OPTIONS } from './checkOptions.js';

/** The technique views, each a command of its own and a task of the document loop. */
export const VIEWS = ['assumptions', 'indicators', 'sources'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_FORMATS = ['text', 'markdown', 'json'] as const;
export type ViewFormat = (typeof VIEW_FORMATS)[number];

export interface ViewOptions {
  readonly view: ViewName;
  readonly format: ViewFormat;
  readonly bibliography: readonly string[];
  readonly workspace: string | undefined;
  readonly standards: StandardChoice;
  readonly paths: readonly string[];
  readonly help: boolean;
}

export function parseViewOptions(view: ViewName, args: readonly string[]): ViewOptions {
  const { values, positionals } = readCommandLine(view, () => parseArgs({ args: [...args], allowPositionals: true, strict: true, options: SHARED_OPTIONS }));
  return {
    view,
    format: oneOf(values.format, VIEW_FORMATS, '--format'),
    bibliography: values.bibliography,
    workspace: values.workspace,
    standards: oneOf(values.standards, STANDARD_CHOICES, '--standards'),
    paths: positionals.length > 0 ? positionals : ['.'],
    help: values.help,
  };
}
