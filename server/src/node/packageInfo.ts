import { existsSync, readFileSync } from 'node:fs';
import { documentationLinks, type DocumentationLinks } from '../service.js';

/** What the command line and the server say of themselves, read from the package they run from. */
export interface PackageInfo {
  readonly version: string;
  /** Each code's section of the `docs/diagnostics.md` shipped in the package. */
  readonly documentation: DocumentationLinks;
}

/** The nearest folder from `folder` (a `file:` URL ending in `/`) up that holds a `package.json`. */
export function packageRootAbove(folder: URL): URL {
  for (let at = folder; ; ) {
    if (existsSync(new URL('package.json', at))) return at;
    const parent = new URL('../', at);
    if (parent.href === at.href) throw new Error(`no package.json above ${folder.href}`);
    at = parent;
  }
}

/** The package whose folder is `root` (a `file:` URL ending in `/`): the extension's, or the checkout's. */
export function readPackageInfo(root: URL): PackageInfo {
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
  const documentation = new URL('docs/diagnostics.md', root);
  return { version: manifest.version, documentation: documentationLinks(documentation.href, readFileSync(documentation, 'utf8')) };
}
