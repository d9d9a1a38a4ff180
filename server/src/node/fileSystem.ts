import type { Dirent, Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatLimit, type FileRead } from '../host.js';

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
    const opened = refusalOf(await handle.stat(), maxBytes);
    if (opened) return opened;
    const bytes = await readAtMost(handle, maxBytes + 1);
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

/** Reads up to `limit` bytes, however the file grows while it is read. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const size = Math.min(CHUNK_BYTES, limit - total);
    const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(size), 0, size, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
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
