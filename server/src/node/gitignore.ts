import { relative, sep } from 'node:path';
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

/** The rules in force inside `folder`: those in force around it, then its own `.gitignore` text if it has one. */
export function withGitignore(around: IgnoreRules | undefined, folder: string, text: string | undefined): IgnoreRules | undefined {
  return text === undefined ? around : { folder, rules: ignore().add(text), parent: around };
}

/** Whether a path (absolute) below the folders of the rules is ignored by them. */
export function isIgnored(rules: IgnoreRules | undefined, path: string, isFolder: boolean): boolean {
  for (let at = rules; at; at = at.parent) {
    const verdict = at.rules.test(relative(at.folder, path).split(sep).join('/') + (isFolder ? '/' : ''));
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
