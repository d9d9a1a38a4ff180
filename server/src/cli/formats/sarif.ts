import { isAbsolute, sep } from 'node:path';
import type * as Sarif from 'sarif';
import type { PackageInfo } from '../../node/packageInfo.js';
import { RULES } from '../../rules/index.js';
import type { Settings } from '../../settings.js';
import type { Severity, SeveritySetting } from '../../types.js';
import type { FileReport } from '../report.js';

const LEVELS: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A SARIF 2.1.0 log with one rule per code, for code-scanning services. File locations are
 * relative to `%SRCROOT%`, the current directory; columns count UTF-16 code units, as LSP does.
 */
export function formatSarif(reports: readonly FileReport[], settings: Pick<Settings, 'severity'>, cwdUri: string, { version, documentation }: PackageInfo): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Tradecraft',
            version,
            informationUri: documentation.file,
            rules: RULES.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.summary },
              helpUri: documentation.forCode(rule.code),
              defaultConfiguration: configurationFor(settings.severity[rule.code] ?? rule.defaultSeverity),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.diagnostics.map((d): Sarif.Result => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code)!,
            level: LEVELS[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(report),
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifactLocation(report: FileReport): Sarif.ArtifactLocation {
  return isAbsolute(report.path) ? { uri: report.fileUri } : { uri: encodeURI(report.path.split(sep).join('/')), uriBaseId: '%SRCROOT%' };
}

function configurationFor(severity: SeveritySetting): Sarif.ReportingConfiguration {
  return severity === 'off' ? { enabled: false } : { level: LEVELS[severity] };
}
