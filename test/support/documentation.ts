import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPackageInfo, type PackageInfo } from '../../server/src/node/packageInfo.js';

/** The checkout's own package: its version and the links into its `docs/diagnostics.md`. */
export const CHECKOUT: PackageInfo = readPackageInfo(new URL('../../../', import.meta.url));

/** Asserts that a documentation link opens a file whose line it names is the heading of the code's section. */
export function assertDocumentsCode(href: string, code: string): void {
  const match = /^(file:[^#]+)#L(\d+)$/.exec(href);
  assert.ok(match, `${href} is a file: link with a #L<line> fragment`);
  const line = readFileSync(fileURLToPath(match[1]!), 'utf8').split('\n')[Number(match[2]) - 1];
  assert.equal(line, `#### \`${code}\``, `${href} opens on the section of ${code}`);
}
