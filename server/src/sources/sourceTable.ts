import type { BibliographyItem } from './bibliographyFile.js';
import type { SourceEntry } from './sourceEntry.js';

/**
 * Source keys and their entries; the first definition of a key wins, as the spec orders them.
 * The entries of the bibliography files, which a keystroke does not change, are a table of their
 * own, kept while the same files are loaded: a library of 20,000 entries is not copied again for
 * every version of a document.
 */
/** A bibliography file's entries as loaded. */
interface LoadedItems {
  readonly uri: { toString(): string };
  readonly items: readonly BibliographyItem[];
}

export class SourceTable {
  private readonly byKey = new Map<string, SourceEntry>();
  private keyList: readonly string[] | undefined;

  /** `ofDocument`: the front matter's sources and references, before the files' entries. */
  constructor(ofDocument: Iterable<SourceEntry>, private readonly ofFiles?: SourceTable) {
    for (const entry of ofDocument) if (!this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
  }

  static of(ofDocument: Iterable<SourceEntry>, bibliographies: readonly LoadedItems[]): SourceTable {
    return new SourceTable(ofDocument, filesTable(bibliographies));
  }

  get(key: string): SourceEntry | undefined {
    return this.byKey.get(key) ?? this.ofFiles?.get(key);
  }

  get entries(): IterableIterator<SourceEntry> {
    return this.allEntries();
  }

  /**
   * Every key, the document's first. One list per table, and the files' own list when the
   * document defines none, so that what is built from it ("did you mean") is found again on the
   * next keystroke instead of being made from 20,000 keys anew.
   */
  get keys(): readonly string[] {
    return (this.keyList ??= this.listKeys());
  }

  private listKeys(): readonly string[] {
    const fileKeys = this.ofFiles?.keys ?? [];
    if (this.byKey.size === 0) return fileKeys;
    return [...this.byKey.keys(), ...fileKeys.filter((key) => !this.byKey.has(key))];
  }

  private *allEntries(): IterableIterator<SourceEntry> {
    yield* this.byKey.values();
    if (!this.ofFiles) return;
    for (const entry of this.ofFiles.entries) if (!this.byKey.has(entry.key)) yield entry;
  }
}

/** The table of the files last loaded together, with the item lists it was made of. */
let lastFiles: { readonly items: readonly (readonly unknown[])[]; readonly table: SourceTable } | undefined;

function filesTable(bibliographies: readonly LoadedItems[]): SourceTable {
  const items = bibliographies.map((bibliography) => bibliography.items);
  if (lastFiles && lastFiles.items.length === items.length && lastFiles.items.every((list, i) => list === items[i])) return lastFiles.table;
  const table = new SourceTable(bibliographies.flatMap((bibliography) =>
    bibliography.items.map(({ keyRange, ...item }): SourceEntry => ({ ...item, origin: { kind: 'file', uri: bibliography.uri.toString(), keyRange } })),
  ));
  lastFiles = { items, table };
  return table;
}
