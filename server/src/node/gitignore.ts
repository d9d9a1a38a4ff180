import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * The `.gitignore` files that bear on a path, nearest first: each one's patterns are read relative
 * to its own folder, and the nearest one that says anything of a path (ignored, or taken back
 * with `!`) decides, as git does.
 */
export interface IgnoreRules {
  /** The folder whose `.gitignore` this is, absolute. */
  readonly folder: string;
  readonly rules: Ignore;
  readonly parent: IgnoreRules | undefined;
}

/** Whether a path (absolute; a folder's ends with `/`) is ignored by the rules in force. */
export function isIgnored(rules: IgnoreRules | undefined, path: string, isFolder: boolean): boolean {
  for (let at = rules; at; at = at.parent) {
    const verdict = at.rules.test(relative(at.folder, path).split(sep).join('/') + (isFolder ? '/' : ''));
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The rules in force inside `folder`: those in force around it, and its own `.gitignore` if it has one. */
export async function rulesInside(folder: string, around: IgnoreRules | undefined): Promise<IgnoreRules | undefined> {
  const text = await readFile(join(folder, '.gitignore'), 'utf8').catch(() => undefined);
  return text === undefined ? around : { folder, rules: ignore().add(text), parent: around };
}

/**
 * The rules in force at a folder from the `.gitignore` files of the folders above it, up to the
 * root of the git repository that holds it; none when it lies in no repository.
 */
export async function rulesAbove(folder: string): Promise<IgnoreRules | undefined> {
  const above: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    if (await stat(join(at, '.git')).then(() => true, () => false)) break;
    if (dirname(at) === at) return undefined;
    above.unshift(dirname(at));
  }
  let rules: IgnoreRules | undefined;
  for (const at of above) rules = await rulesInside(at, rules);
  return rules;
}
