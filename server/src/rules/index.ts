import type { Code, SeveritySetting } from '../types.js';
import { badAttribute } from './bad-attribute.js';
import { badBibliography } from './bad-bibliography.js';
import { badFrontMatter } from './bad-front-matter.js';
import { badSourceGrade } from './bad-source-grade.js';
import { brokenLink } from './broken-link.js';
import { circularSupport } from './circular-support.js';
import { confidenceWithLikelihood } from './confidence-with-likelihood.js';
import { duplicateId } from './duplicate-id.js';
import { emptyMarker } from './empty-marker.js';
import { emptySource } from './empty-source.js';
import { hypothesisWithoutIndicators } from './hypothesis-without-indicators.js';
import { mixedEstimativeScale } from './mixed-estimative-scale.js';
import { nonDiagnosticIndicator } from './non-diagnostic-indicator.js';
import { offScaleLikelihood } from './off-scale-likelihood.js';
import { placeholderLink } from './placeholder-link.js';
import { retractedSource } from './retracted-source.js';
import type { Rule } from './rule.js';
import { singleSourceJudgment } from './single-source-judgment.js';
import { skippedContent } from './skipped-content.js';
import { unknownMarker } from './unknown-marker.js';
import { unknownReference } from './unknown-reference.js';
import { unknownSource } from './unknown-source.js';
import { unsourcedEvidence } from './unsourced-evidence.js';
import { unsupportedAssumption } from './unsupported-assumption.js';
import { unsupportedClaim } from './unsupported-claim.js';
import { untestedHypothesis } from './untested-hypothesis.js';
import { unusedAssumption } from './unused-assumption.js';
import { unusedSource } from './unused-source.js';

/** Every rule, one per diagnostic code: the spec's, in the order of its tables (v1.2, then v1.3), then Tradecraft's own. */
export const RULES: readonly Rule[] = [
  unsupportedClaim,
  unsourcedEvidence,
  unknownSource,
  unknownReference,
  duplicateId,
  placeholderLink,
  untestedHypothesis,
  unknownMarker,
  emptyMarker,
  circularSupport,
  unusedSource,
  badAttribute,
  badFrontMatter,
  badBibliography,
  brokenLink,
  unsupportedAssumption,
  unusedAssumption,
  nonDiagnosticIndicator,
  retractedSource,
  emptySource,
  badSourceGrade,
  singleSourceJudgment,
  hypothesisWithoutIndicators,
  offScaleLikelihood,
  mixedEstimativeScale,
  confidenceWithLikelihood,
  skippedContent,
];

/** The severity of a code when the settings do not change it. */
export function defaultSeverityOf(code: Code): SeveritySetting {
  return RULES.find((rule) => rule.code === code)!.defaultSeverity;
}

/** Where the codes are documented: a diagnostic's `codeDescription`, SARIF's `helpUri`. */
export interface DocumentationLinks {
  /** The documentation of every code, `docs/diagnostics.md`. */
  readonly file: string;
  /** The link to the section of one code. */
  forCode(code: Code): string;
}

/** How a code's section begins in `docs/diagnostics.md`. */
const SECTION_HEADING = /^#### `([a-z-]+)`$/;

/**
 * The links into the documentation of the codes, given its URI and text by the server or the
 * command line (only they know where the package lies): `<uri>#L<line>` on the heading of the
 * code's section, a fragment VS Code's opener turns into a selection; the file itself for a code
 * it does not document.
 */
export function documentationLinks(file: string, text: string): DocumentationLinks {
  const headingLines = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const code = SECTION_HEADING.exec(line)?.[1];
    if (code !== undefined && !headingLines.has(code)) headingLines.set(code, index + 1);
  });
  return {
    file,
    forCode(code) {
      const line = headingLines.get(code);
      return line === undefined ? file : `${file}#L${line}`;
    },
  };
}
