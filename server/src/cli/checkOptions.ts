import { parseArgs, type ParseArgsConfig } from 'node:util';
import { STANDARD_CHOICES, type StandardChoice } from '../language/standards.js';
import { readSeverityEntry } from '../config/severity.js';
import { SEVERITIES, type Code, type Severity, type SeveritySetting } from '../types.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The flags every command that reads documents takes about the run: what is checked against what. */
export interface RunFlags {
  readonly bibliography: readonly string[];
  readonly workspace: string | undefined;
  /** Undefined unless `--standards` is given: then the project file's applies, else none. */
  readonly standards: StandardChoice | undefined;
  /** `--config FILE`; without it the nearest `.tradecraft.yaml` is read. */
  readonly config: string | undefined;
  /** `--no-config`: no project file is read. */
  readonly noConfig: boolean;
}

export interface CheckOptions extends RunFlags {
  readonly format: Format;
  readonly severityMin: Severity;
  readonly severity: Partial<Record<Code, SeveritySetting>>;
  readonly paths: readonly string[];
  readonly help: boolean;
}

/** A mistake in the command line, told to the user with how to fix it. */
export class UsageError extends Error {}

export function parseCheckOptions(args: readonly string[]): CheckOptions {
  const { values, positionals } = readCommandLine('check', () =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        ...SHARED_OPTIONS,
        'severity-min': { type: 'string', default: 'hint' },
        severity: { type: 'string', multiple: true, default: [] },
      },
    }),
  );
  return {
    format: oneOf(values.format!, FORMATS, '--format'),
    severityMin: oneOf(values['severity-min']!, SEVERITIES, '--severity-min'),
    ...readRunFlags(values),
    severity: Object.fromEntries(values.severity!.map(readSeverityOverride)),
    paths: positionals.length > 0 ? positionals : ['.'],
    help: values.help!,
  };
}

/** The options every command that reads documents takes. */
export const SHARED_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  bibliography: { type: 'string', short: 'b', multiple: true, default: [] },
  workspace: { type: 'string', short: 'w' },
  standards: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

/** The run's flags, out of what `parseArgs` read of `SHARED_OPTIONS`. */
export function readRunFlags(values: { bibliography?: string[]; workspace?: string | undefined; standards?: string | undefined; config?: string | undefined; 'no-config'?: boolean }): RunFlags {
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config say opposite things: give one of them.');
  return {
    bibliography: values.bibliography ?? [],
    workspace: values.workspace,
    standards: values.standards === undefined ? undefined : oneOf(values.standards, STANDARD_CHOICES, '--standards'),
    config: values.config,
    noConfig: values['no-config'] ?? false,
  };
}

/** Runs `parse` (a `parseArgs`), its mistakes told as usage errors that point to the command's help. */
export function readCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}. Run "tradecraft ${command} --help" for the options.`);
  }
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`"${value}" is not allowed for ${flag}: use one of ${allowed.join(', ')}.`);
}

function readSeverityOverride(text: string): [Code, SeveritySetting] {
  const [code = '', level = ''] = text.split('=');
  const reading = readSeverityEntry(code, level);
  if ('problem' in reading) throw new UsageError(`--severity ${text}: ${reading.problem}`);
  return [reading.code, reading.level];
}
