import { RULES } from '../rules/index.js';
import type { Diagnostic, Severity, SeveritySetting } from '../types.js';
import type { Settings } from '../settings.js';
import type { Analysis } from './analysis.js';
import { Silencer } from './silencer.js';

/**
 * Runs every rule over an analysis and turns findings into diagnostics: the one place where
 * severities are applied and silencing comments are honoured. A document that does not use the
 * annotation language gets none.
 */
export function computeDiagnostics(analysis: Analysis, settings: Pick<Settings, 'severity'>): Diagnostic[] {
  const { model, usesLanguage } = analysis.syntax;
  if (!usesLanguage) return [];
  const silencer = new Silencer(model.silencing, model.lines);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity: SeveritySetting = settings.severity[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(analysis)) {
      const range = model.lines.rangeOf(finding.span);
      if (silencer.isSilenced(rule.code, range.start.line)) continue;
      diagnostics.push({ code: rule.code, severity: severity as Severity, range, message: finding.message });
    }
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || CODE_RANK.get(a.code)! - CODE_RANK.get(b.code)!,
  );
}

/** Where each code comes among diagnostics at one position: in the order of `localeCompare`, ranked once. */
const CODE_RANK = new Map(RULES.map((rule) => rule.code).sort((a, b) => a.localeCompare(b)).map((code, rank) => [code, rank]));
