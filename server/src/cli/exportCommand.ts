import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportDocument } from '../export/exportDocument.js';
import { EXPORT_TARGETS, type ExportTarget } from '../protocol.js';
import { STANDARD_CHOICES } from '../language/standards.js';
import { createService } from '../service.js';
import type { Diagnostic } from '../types.js';
import type { Console } from './check.js';
import { oneOf, readCommandLine, readRunFlags, SHARED_OPTIONS, UsageError, type RunFlags } from './checkOptions.js';
import { coreSettings, withAnalysis } from './document.js';
import { prepareRun } from './documentLoop.js';
import { formatText } from './formats/text.js';
import { nodeHost } from '../node/nodeHost.js';

export interface ExportOptions extends RunFlags {
  readonly to: ExportTarget;
  /** The file to write; stdout without one. */
  readonly output: string | undefined;
  readonly force: boolean;
  readonly citeLinks: boolean;
  readonly file: string;
  readonly help: boolean;
}

const { format: _format, ...SHARED } = SHARED_OPTIONS;
const EXPORT_OPTIONS = {
  ...SHARED,
  to: { type: 'string', short: 't', default: 'pandoc' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
  'cite-links': { type: 'boolean', default: false },
} as const;

export function parseExportOptions(args: readonly string[]): ExportOptions {
  const { values, positionals } = readCommandLine('export', () => parseArgs({ args: [...args], allowPositionals: true, strict: true, options: EXPORT_OPTIONS }));
  const to = oneOf(values.to, EXPORT_TARGETS, '--to');
  if (!values.help && positionals.length !== 1) throw new UsageError(`export takes one Markdown file${positionals.length > 1 ? `, not ${positionals.length}` : ''}. Run "tradecraft export --help" for the options.`);
  if (values['cite-links'] && to !== 'markdown') throw new UsageError('--cite-links is an option of --to markdown only.');
  return {
    to,
    output: values.output,
    force: values.force,
    citeLinks: values['cite-links'],
    ...readRunFlags(values),
    file: positionals[0] ?? '',
    help: values.help,
  };
}

/**
 * `tradecraft export FILE`: the document for Pandoc or as plain Markdown, on stdout or in `-o
 * OUT`. Exit 0 when written; 1 when the document has error-level diagnostics (told on stderr;
 * `--force` exports all the same); 2 for a file that cannot be read or an output that exists.
 */
export async function runExport(options: ExportOptions, cwd: string, console: Console): Promise<number> {
  const file = resolve(cwd, options.file);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${options.file} is a folder: export takes one Markdown file.`);
  const output = options.output === undefined ? undefined : resolve(cwd, options.output);
  const referencesFile = output && options.to === 'pandoc' ? join(dirname(output), `${basename(output, extname(output))}.references.json`) : undefined;
  for (const path of [output, referencesFile]) {
    if (path && existsSync(path) && !options.force) throw new UsageError(`${path} exists: give --force to overwrite it, or another -o.`);
  }
  const { run, files, missing } = await prepareRun({ ...options, severity: {}, paths: [options.file] }, cwd, console);
  if (missing.length > 0 || files.length !== 1) return 2;
  const service = createService({ host: nodeHost, settings: coreSettings(run) });
  const outcome = await withAnalysis(files[0]!, run, service, (analysis) => ({ analysis, diagnostics: service.computeDiagnostics(analysis) }));
  for (const message of outcome.messages) console.err(message);
  if (!outcome.result) return 2;
  const { analysis, diagnostics } = outcome.result;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0 && !options.force) {
    console.err(`${formatText([{ path: outcome.path, fileUri: outcome.fileUri, diagnostics: errors }])}tradecraft: ${outcome.path} has ${errorCount(errors)}: fix ${errors.length === 1 ? 'it' : 'them'}, or give --force to export it all the same.\n`);
    return 1;
  }
  const exported = exportDocument(analysis, { to: options.to, referencesFile, citeLinks: options.citeLinks });
  if (!output) {
    console.out(exported.text);
    return 0;
  }
  try {
    writeFileSync(output, exported.text);
    if (referencesFile && exported.references.length > 0) writeFileSync(referencesFile, `${JSON.stringify(exported.references, null, 2)}\n`);
  } catch (error) {
    console.err(`tradecraft: cannot write ${(error as NodeJS.ErrnoException).path ?? output}: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}

function errorCount(errors: readonly Diagnostic[]): string {
  return errors.length === 1 ? 'an error' : `${errors.length} errors`;
}

export const EXPORT_HELP = `Usage: tradecraft export [options] FILE

Writes the analysis for publishing, without its annotation syntax getting in the way.

  --to pandoc     (the default) Pandoc's own syntax, which pandoc and Quarto read natively:
                  markers as bracketed spans and fenced divs with their id, kind as class and
                  attributes; the front matter's sources where citeproc finds them (in
                  references:, or with -o in OUT's name with .references.json) and the
                  bibliography files by their absolute paths:
                    tradecraft export brief.md | pandoc --citeproc -s -o brief.html
  --to markdown   plain CommonMark for any site: each marker replaced by its text
  --to html       one standalone HTML page: the prose, citations linked to a reference list,
                  and the argument shown on demand (light, dark and print styles)
  --cite-links    with --to markdown: citations as links to their sources' URLs or DOIs

Options:
  -o, --output OUT           write OUT (and, for pandoc, OUT's .references.json) instead of stdout
      --force                export despite error-level diagnostics, and overwrite OUT
  -b, --bibliography FILE    a bibliography file the document may cite (repeatable)
  -w, --workspace DIR        the folder whose files the document may name (default: .)
      --standards NAME       the analytic standard: ${STANDARD_CHOICES.join(', ')} (default: none)
  -c, --config FILE          the project configuration (default: the nearest .tradecraft.yaml)
      --no-config            read no .tradecraft.yaml
  -h, --help                 this help

Exit status: 0 written, 1 the document has error-level diagnostics (on stderr), 2 bad arguments
or a file that cannot be read or would be overwritten.
`;
