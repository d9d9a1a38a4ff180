import type { Analysis } from '../analysis/analysis.js';
import type { Code, Severity, Span } from '../types.js';

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
  readonly defaultSeverity: Severity;
  /** One sentence for listings (SARIF rules, `--help`). */
  readonly summary: string;
  check(analysis: Analysis): Iterable<RuleFinding>;
}
