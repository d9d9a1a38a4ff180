import { URI, Utils } from 'vscode-uri';

/**
 * What a link's target is worth as a source:
 * - `placeholder`: empty, `#` or `TODO`, written to be filled in later;
 * - `web`: an `http:`, `https:` or `doi:` URL, a source;
 * - `file`: a file of the workspace that exists, a source;
 * - `missing-file`: a relative path inside the workspace to nothing;
 * - `other`: an in-page anchor, `mailto:`, another scheme, a folder, or a path leaving the workspace
 *   (as written, or through a symbolic link: the service asks the host where a file really is).
 */
export type LinkKind = 'placeholder' | 'web' | 'file' | 'missing-file' | 'other';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const SOURCE_SCHEMES = new Set(['http', 'https', 'doi']);

/** The kind of a target, when it can be told without looking at the file system. */
export function classifyByText(url: string): LinkKind | undefined {
  const target = url.trim();
  if (target === '' || target === '#' || target.toUpperCase() === 'TODO') return 'placeholder';
  if (target.startsWith('//')) return 'web';
  const scheme = SCHEME.exec(target)?.[1];
  if (scheme) return SOURCE_SCHEMES.has(scheme.toLowerCase()) ? 'web' : 'other';
  if (target.startsWith('#')) return 'other';
  return undefined;
}

/** The workspace file a relative link names, or undefined when it names none or leaves the workspace. */
export function linkedFile(url: string, document: URI, workspaceFolder: URI): URI | undefined {
  if (classifyByText(url) !== undefined) return undefined;
  const path = safeDecode(url.trim().replace(/[?#].*$/, ''));
  if (path === '') return undefined;
  const target = resolveFromDocument(path, document, workspaceFolder);
  return isInside(target, workspaceFolder) ? target : undefined;
}

/** A path a document names: relative to the document's folder, or a path of the file system. */
export function resolveFromDocument(path: string, document: URI, workspaceFolder: URI): URI {
  return path.startsWith('/') ? workspaceFolder.with({ path }) : Utils.joinPath(Utils.dirname(document), path);
}

export function isInside(uri: URI, folder: URI): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
