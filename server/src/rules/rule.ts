import type { Analysis } from '../analysis/analysis.js';
import type { Code, SeveritySetting, Span } from '../types.js';

/** A finding before it gets its code and severity: where, and what to say. */
export interface RuleFinding {
  readonly span: Span;
  readonly message: string;
}

/**
 * One diagnostic code. A rule reads the analysis and yields findings; it owns no severity beyond
 * its default (applied in `analysis/diagnostics.ts`) and imports no other rule.
 */
export interface Rule {
  readonly code: Code;
  /** `off` makes an opt-in rule: it reports only once a setting gives it a severity. */
  readonly defaultSeverity: SeveritySetting;
  /** One sentence for listings (SARIF rules, `--help`). */
  readonly summary: string;
  check(analysis: Analysis): Iterable<RuleFinding>;
}
