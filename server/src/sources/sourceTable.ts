import type { SourceEntry } from './sourceEntry.js';

/** Source keys and their entries; the first definition of a key wins, as the spec orders them. */
export class SourceTable {
  private readonly byKey = new Map<string, SourceEntry>();

  constructor(entries: Iterable<SourceEntry>) {
    for (const entry of entries) if (!this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
  }

  get(key: string): SourceEntry | undefined {
    return this.byKey.get(key);
  }

  get entries(): IterableIterator<SourceEntry> {
    return this.byKey.values();
  }
}
