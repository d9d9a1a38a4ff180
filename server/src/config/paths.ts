import { URI, Utils } from 'vscode-uri';

/**
 * A path a user wrote in a setting, a flag or `.tradecraft.yaml`: absolute, `~/…` in `home`, or
 * relative to `base` (the workspace folder, the current folder, the configuration file's folder).
 * The one resolver of them all.
 */
export function resolveUserPath(path: string, base: URI, home: string | undefined): URI {
  if (home !== undefined && (path === '~' || path.startsWith('~/'))) return URI.file(`${home}${path.slice(1)}`);
  return isAbsolutePath(path) ? URI.file(path) : Utils.joinPath(base, path);
}

/** `/…`, `\\server\…` or `C:\…`, `C:/…`: what `node:path` calls absolute on either system. */
function isAbsolutePath(path: string): boolean {
  return /^(?:[/\\]|[A-Za-z]:[/\\])/.test(path);
}
