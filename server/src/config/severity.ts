import { closestName } from '../text/closestName.js';
import { CODES, SEVERITIES, isCode, type Code, type SeveritySetting } from '../types.js';

/** What a code's severity may be set to, wherever it is set. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

export type SeverityReading =
  | { readonly code: Code; readonly level: SeveritySetting }
  | { readonly problem: string; readonly about: 'code' | 'level' };

/**
 * Reads one severity override (`code: level` in `.tradecraft.yaml`, `--severity code=level`,
 * `tradecraft.severity.<code>`): the one reader of them all, so that each says the same.
 */
export function readSeverityEntry(code: string, level: unknown): SeverityReading {
  if (!isCode(code)) return { about: 'code', problem: `"${code}" is not a Tradecraft code. ${suggestion(code, CODES, 'The codes are')}` };
  if (typeof level === 'string' && isSeveritySetting(level)) return { code, level };
  return { about: 'level', problem: `"${String(level)}" is not a severity for ${code}. ${suggestion(String(level), SEVERITY_SETTINGS, 'Use one of')}` };
}

function isSeveritySetting(value: string): value is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** "Did you mean …?" for a near miss, else the whole list. */
function suggestion(wrong: string, allowed: readonly string[], listIntro: string): string {
  const closest = closestName(wrong, allowed);
  return closest ? `Did you mean "${closest}"?` : `${listIntro}: ${allowed.join(', ')}.`;
}
