import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import { Utils, type URI } from 'vscode-uri';

/**
 * Asks the client to watch the bibliography files the settings name, wherever they are (a Zotero
 * export in the home folder lies outside every workspace folder), so that an export re-checks the
 * documents. Needs a client that watches relative patterns (LSP 3.17).
 */
export class SettingsFileWatcher {
  enabled = false;
  private readonly files = new Map<string, URI[]>();
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly logError: (error: unknown) => void,
  ) {}

  watch(folder: URI, files: readonly URI[]): void {
    this.files.set(folder.toString(), [...files]);
    this.register();
  }

  clear(): void {
    this.files.clear();
    this.register();
  }

  private register(): void {
    if (!this.enabled) return;
    const unique = new Map([...this.files.values()].flat().map((file) => [file.toString(), file]));
    const watchers = [...unique.values()].map((file) => ({ globPattern: { baseUri: Utils.dirname(file).toString(), pattern: Utils.basename(file) } }));
    const previous = this.registration;
    this.registration = previous.then(async (old) => {
      old?.dispose();
      return watchers.length > 0 ? this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined;
    }).catch((error: unknown) => {
      this.logError(error);
      return undefined;
    });
  }
}
