import { parseArgs, type ParseArgsConfig } from 'node:util';
import { STANDARD_CHOICES, type StandardChoice } from '../language/standards.js';
import { CODES, SEVERITIES, isCode, type Code, type Severity, type SeveritySetting } from '../types.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly format: Format;
  readonly severityMin: Severity;
  readonly bibliography: readonly string[];
  readonly severity: Partial<Record<Code, SeveritySetting>>;
  readonly workspace: string | undefined;
  readonly standards: StandardChoice;
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
    bibliography: values.bibliography!,
    severity: Object.fromEntries(values.severity!.map(readSeverityOverride)),
    workspace: values.workspace,
    standards: oneOf(values.standards!, STANDARD_CHOICES, '--standards'),
    paths: positionals.length > 0 ? positionals : ['.'],
    help: values.help!,
  };
}

/** The options every command that reads documents takes. */
export const SHARED_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  bibliography: { type: 'string', short: 'b', multiple: true, default: [] },
  workspace: { type: 'string', short: 'w' },
  standards: { type: 'string', default: 'none' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

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
  const [code, level] = text.split('=');
  if (!code || !isCode(code)) {
    throw new UsageError(`--severity ${text}: "${code}" is not a Tradecraft code. The codes are: ${CODES.join(', ')}.`);
  }
  return [code, oneOf(level ?? '', [...SEVERITIES, 'off'] as const, `--severity ${code}`)];
}
