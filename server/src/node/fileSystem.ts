import type { Dirent, Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { formatLimit, type FileRead } from '../host.js';
import { isIgnored, withGitignore, type IgnoreRules } from './gitignore.js';

/**
 * Reads a regular file of at most `maxBytes` bytes. A FIFO would block a thread of libuv's small
 * pool until a writer comes (four of them stop every other read of the process), a device such as
 * `/dev/zero` never ends: both are refused from `stat`, before they are opened. The opened handle
 * is checked again, non-blocking, in case the path was swapped in between.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<FileRead> {
  const refusal = refusalOf(await stat(path), maxBytes);
  if (refusal) return refusal;
  // O_NONBLOCK is not defined on Windows, which has no FIFOs in its file system.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    const opened = refusalOf(info, maxBytes);
    if (opened) return opened;
    const bytes = await readAtMost(handle, maxBytes + 1, info.size + 1);
    return bytes.length > maxBytes ? tooLarge(maxBytes) : { kind: 'text', ...decodeUtf8(bytes) };
  } finally {
    await handle.close();
  }
}

function refusalOf(info: Stats, maxBytes: number): FileRead | undefined {
  if (!info.isFile()) return { kind: 'unreadable', reason: notRegular(info) };
  return info.size > maxBytes ? tooLarge(maxBytes) : undefined;
}

function tooLarge(maxBytes: number): FileRead {
  return { kind: 'unreadable', reason: `it is larger than the limit of ${formatLimit(maxBytes)}` };
}

/** Why an entry that is not a regular file is not read: "it is a FIFO, not a regular file". */
export function notRegular(entry: Stats | Dirent): string {
  if (entry.isDirectory()) return 'it is a folder';
  const what = entry.isFIFO() ? 'a FIFO' : entry.isSocket() ? 'a socket' : entry.isCharacterDevice() || entry.isBlockDevice() ? 'a device' : 'not a file';
  return `it is ${what}, not a regular file`;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads up to `limit` bytes, however the file grows while it is read: first as many as `stat`
 * promised and one more, so that a file that did not grow takes one read; then by chunks.
 */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = Math.min(expected, limit);
  while (total < limit) {
    const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(size), 0, size, null);
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    // A regular file reads short only at its end.
    if (bytesRead < size) break;
    size = Math.min(CHUNK_BYTES, limit - total);
  }
  return Buffer.concat(chunks, total);
}

/** Decodes UTF-8 as editors do: a byte-order mark is skipped, invalid bytes become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { text: string; replacedInvalidBytes: boolean } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), replacedInvalidBytes: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), replacedInvalidBytes: true };
  }
}

/** As Linux's MAXSYMLINKS: a chain of links longer than this is a loop. */
const MAX_LINKS = 40;

/**
 * The path with every symbolic link resolved. `realpath` fails on a path to nothing; then the
 * parent is resolved and a dangling link followed by hand, so that where it would lead is known.
 */
export async function realPathOf(path: string, links = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path || links > MAX_LINKS) return path;
    const realParent = await realPathOf(parent, links);
    const target = await readlink(path).catch(() => undefined);
    return target === undefined ? join(realParent, basename(path)) : realPathOf(resolve(realParent, target), links + 1);
  }
}

export function isWithin(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}

export interface FolderListing {
  /** Absolute paths of the matching regular files, sorted, each real file once. */
  readonly files: readonly string[];
  /** Matching entries that are not regular files (FIFOs, sockets, devices), with why. */
  readonly skipped: readonly Skipped[];
}

interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/** Folders a scan never enters: a repository's own store and installed packages, never analyses. */
const NEVER_SCANNED = new Set(['.git', 'node_modules']);

/**
 * The files below `folder` that match `include` and no `exclude` (globs relative to it), and that no
 * `.gitignore` ignores (the folder's, its subfolders', and those above it up to the repository's
 * root); `.git` and `node_modules` are never entered. The walk never follows a link to a folder: a folder inside is walked under its own name anyway, and one
 * outside (`/`, the parent) is not the workspace's, so no link can lead it out or round in a loop.
 * A link to a regular file is followed when the file really lies inside and is not listed already.
 */
export async function listFolder(folder: string, include: readonly string[], exclude: readonly string[]): Promise<FolderListing> {
  const found = await walk(folder, include, exclude);
  const linked = await followFileLinks(folder, found.files, found.links);
  return { files: [...found.files, ...linked.files].map((path) => join(folder, path)).sort(), skipped: [...found.skipped, ...linked.skipped] };
}

interface Found {
  /** Paths relative to the folder, with `/`. */
  readonly files: string[];
  readonly links: string[];
  readonly skipped: Skipped[];
}

async function walk(folder: string, include: readonly string[], exclude: readonly string[]): Promise<Found> {
  const options = { dot: false, posix: true };
  const included = picomatch([...include], options);
  const excluded = exclude.length > 0 ? picomatch([...exclude], options) : () => false;
  // With `dot: false` a glob enters a hidden folder (.git) only when it names one.
  const entersHidden = include.some((pattern) => /(^|\/)\.[^./]/.test(pattern));
  const found: Found = { files: [], links: [], skipped: [] };
  const pending: { path: string; around: IgnoreRules | undefined }[] = [{ path: '', around: await gitignoresAbove(folder) }];
  while (pending.length > 0) {
    const { path: parent, around } = pending.pop()!;
    const rules = await gitignoreInside(join(folder, parent), around);
    for (const entry of await readdir(join(folder, parent), { withFileTypes: true }).catch(() => [])) {
      const path = parent === '' ? entry.name : `${parent}/${entry.name}`;
      if (isIgnored(rules, join(folder, path), entry.isDirectory())) continue;
      if (entry.isDirectory()) {
        if (!excluded(path) && !NEVER_SCANNED.has(entry.name) && (entersHidden || !entry.name.startsWith('.'))) pending.push({ path, around: rules });
      } else if (included(path) && !excluded(path)) {
        if (entry.isFile()) found.files.push(path);
        else if (entry.isSymbolicLink()) found.links.push(path);
        else found.skipped.push({ path: join(folder, path), reason: notRegular(entry) });
      }
    }
  }
  return found;
}

/** A `.gitignore` is read as any file is: only a regular one, up to a limit (a FIFO would block the walk). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

async function gitignoreInside(folder: string, around: IgnoreRules | undefined): Promise<IgnoreRules | undefined> {
  const read = await readRegularFile(join(folder, '.gitignore'), MAX_GITIGNORE_BYTES).catch(() => undefined);
  return withGitignore(around, folder, read?.kind === 'text' ? read.text : undefined);
}

/**
 * The rules in force at a folder from the `.gitignore` files of the folders above it, up to the
 * root of the git repository that holds it (the nearest folder with a `.git`); none outside one.
 */
async function gitignoresAbove(folder: string): Promise<IgnoreRules | undefined> {
  const above: string[] = [];
  for (let at = folder; !(await stat(join(at, '.git')).then(() => true, () => false)); at = dirname(at)) {
    if (dirname(at) === at) return undefined;
    above.unshift(dirname(at));
  }
  let rules: IgnoreRules | undefined;
  for (const at of above) rules = await gitignoreInside(at, rules);
  return rules;
}

async function followFileLinks(folder: string, files: readonly string[], links: readonly string[]): Promise<Pick<Found, 'files' | 'skipped'>> {
  const realFolder = await realPathOf(folder);
  // No link to a folder was followed, so a file found really lies at the real folder's path and its own.
  const listed = new Set(files.map((path) => join(realFolder, path)));
  const followed: Pick<Found, 'files' | 'skipped'> = { files: [], skipped: [] };
  for (const link of [...links].sort()) {
    const target = await realPathOf(join(folder, link));
    if (!isWithin(target, realFolder) || listed.has(target)) continue;
    const info = await stat(target).catch(() => undefined);
    if (info?.isFile()) {
      listed.add(target);
      followed.files.push(link);
    } else if (info && !info.isDirectory()) followed.skipped.push({ path: join(folder, link), reason: notRegular(info) });
  }
  return followed;
}
