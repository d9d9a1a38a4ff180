/**
 * A repository as analysts keep one, for the folder scans of the command line and the workspace
 * index: Markdown, Quarto and R Markdown documents beside installed packages, git's own folder,
 * files its `.gitignore` files ignore (at the root and nested, with a negation; one a FIFO) and
 * symbolic links out of it. Every file holds a claim whose id is its path, so a scan's result can be read off.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TAKEN = ['analysis.md', 'brief.markdown', 'chapter.qmd', 'chapters/one.qmd', 'notes/keep.md', 'report.Rmd', 'scratch.md', 'sub/top-only.md'];

const LEFT_OUT = [
  // Not one of the four extensions as written.
  'lower.rmd', 'notes.txt',
  // Ignored by the root `.gitignore`: a folder, a pattern anywhere, one anchored at the root.
  'build/out.md', 'x.draft.md', 'chapters/y.draft.md', 'top-only.md',
  // Ignored by the nested `.gitignore` files, relative to their own folder.
  'chapters/scratch.md', 'notes/a.md',
  'node_modules/pkg/README.md', '.git/notes.md',
];

const GITIGNORES: Record<string, string> = {
  '.gitignore': 'build/\n*.draft.md\n/top-only.md\n',
  'notes/.gitignore': '*.md\n!keep.md\n',
  'chapters/.gitignore': '/scratch.md\n',
  // Above the repository: never read, or it would ignore everything.
  '../.gitignore': '*\n',
};

/** The files a scan of the whole repository takes, relative to it, in the scan's order. */
export const SCANNED = TAKEN;

/** Writes the repository at `root/repo` (a folder outside it at `root/outside`); returns its path. */
export function writeRepository(root: string): string {
  const repo = join(root, 'repo');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const path of [...TAKEN, ...LEFT_OUT]) write(join(repo, path), `:claim[Trade fell]{#${idOf(path)}}\n`);
  for (const [path, text] of Object.entries(GITIGNORES)) write(join(repo, path), text);
  write(join(repo, '.git/HEAD'), 'ref: refs/heads/main\n');
  write(join(root, 'outside/secret.md'), `:claim[Not of the repository]{#${idOf('outside/secret.md')}}\n`);
  symlinkSync('../outside/secret.md', join(repo, 'leak.md'));
  symlinkSync('../outside', join(repo, 'linked'));
  // Never read: a FIFO would block the scan until a writer came.
  execFileSync('mkfifo', [join(repo, 'sub/.gitignore')]);
  return repo;
}

/** The id of the claim in the file at `path`: `c-` and the path's letters (`c-chapters-one-qmd`). */
export function idOf(path: string): string {
  return `c-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
