import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The workspace of the project-configuration tests, the same for the command line and the server:
 * its `.tradecraft.yaml` turns `unused-source` off, raises `unsupported-claim` to error, names a
 * bibliography and excludes `drafts/`.
 */
export const PROJECT_FILES: Readonly<Record<string, string>> = {
  '.tradecraft.yaml': ['severity:', '  unused-source: off', '  unsupported-claim: error', 'bibliography: refs/shared.bib', 'exclude: drafts/**', ''].join('\n'),
  'refs/shared.bib': '@report{shared, title = {The shared report}, url = {https://example.org/shared}}\n',
  'brief.md': [
    '---',
    'sources:',
    '  spare: https://example.org/spare',
    '---',
    '',
    ':claim[Prices will rise]{#c1}',
    '',
    ':evidence[The shared report says so [@shared]]{#e1 for=c1}',
    '',
    ':claim[Nobody backs this]{#c2}',
    '',
  ].join('\n'),
  'drafts/wip.md': ':claim[A draft nobody backs]{#d1}\n',
};

/** What `brief.md` gives under the project file: `line:severity code`. */
export const BRIEF_UNDER_CONFIG = ['10:error unsupported-claim'];

export function writeProjectFixture(root: string, files: Readonly<Record<string, string>> = PROJECT_FILES): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
