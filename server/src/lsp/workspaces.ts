import picomatch from 'picomatch';
import { URI, Utils } from 'vscode-uri';
import { MAX_DOCUMENT_BYTES, type Host } from '../host.js';
import type { DocumentOwner } from '../documentStore.js';
import {
  CONFIG_FILE_NAME,
  createService,
  EMPTY_CONFIG,
  isInside,
  layerFileSelection,
  layerSettings,
  projectLayer,
  readProjectConfig,
  type BibliographyFileRead,
  type ConfigProblem,
  type ConfigReading,
  type TradecraftService,
} from '../service.js';
import { readClientSettings, type ServerSettings } from './clientSettings.js';

/** Asks the client for the `tradecraft` section of a folder; undefined when the client cannot say. */
export type ConfigurationSource = (folder: URI) => Promise<unknown>;

/** Where an open document belongs, with the settings of its folder that the server reads. */
export interface FolderOwner extends DocumentOwner {
  readonly settings: ServerSettings;
}

interface FolderState {
  readonly settings: ServerSettings;
  readonly service: TradecraftService;
  readonly isIncluded: (path: string) => boolean;
}

/**
 * The workspace folders, their settings and one core service per folder. A document belongs to
 * the innermost folder that holds it; a file opened on its own, to its own folder.
 */
export class Workspaces {
  private folders: URI[] = [];
  private readonly states = new Map<string, Promise<FolderState>>();

  constructor(
    private readonly host: Host,
    private readonly configuration: ConfigurationSource,
    private readonly warn: (message: string) => void,
    /** Told of each folder's settings when they are read, to watch the files they name. */
    private readonly onSettings: (folder: URI, settings: ServerSettings) => void = () => {},
    /** Told of each bibliography file a folder's service reads. */
    private readonly onBibliographyRead: (file: URI, read: BibliographyFileRead) => void = () => {},
    /** Told of the problems of each folder's `.tradecraft.yaml` (none when it has none or there is none). */
    private readonly onProjectConfig: (file: URI, problems: readonly ConfigProblem[]) => void = () => {},
  ) {}

  setFolders(folders: readonly URI[]): void {
    this.folders = [...folders].sort((a, b) => b.path.length - a.path.length);
    this.states.clear();
  }

  get allFolders(): readonly URI[] {
    return this.folders;
  }

  folderOf(document: URI): URI {
    return this.folders.find((folder) => isInside(document, folder)) ?? (document.scheme === 'file' ? Utils.dirname(document) : this.folders[0] ?? document);
  }

  /** Settings changed: every folder reads them again and gets a fresh service. */
  reset(): void {
    this.states.clear();
  }

  /** A file changed: forget what any service read of it. Whether any had read it. */
  async forgetFile(uri: URI): Promise<boolean> {
    let known = false;
    for (const state of this.states.values()) known = (await state).service.forgetFile(uri) || known;
    return known;
  }

  async stateOf(folder: URI): Promise<FolderState> {
    const key = folder.toString();
    let state = this.states.get(key);
    if (!state) {
      state = this.createState(folder);
      this.states.set(key, state);
      // A failure (the client did not answer for its settings) is not kept: the next request asks again.
      state.catch(() => this.states.get(key) === state && this.states.delete(key));
    }
    return state;
  }

  /** The folder, service and settings of a document; `tradecraft.include`/`exclude` say whether it is checked. */
  async ownerOf(document: URI): Promise<FolderOwner> {
    const folder = this.folderOf(document);
    const { settings, service, isIncluded } = await this.stateOf(folder);
    // Documents outside every folder are checked.
    const checked = document.scheme !== 'file' || !isInside(document, folder) || isIncluded(document.path.slice(folder.path.replace(/\/$/, '').length + 1));
    return { workspaceFolder: folder, service, settings, checked };
  }

  private async createState(folder: URI): Promise<FolderState> {
    const settings = await this.withProjectConfig(readClientSettings(await this.configuration(folder), folder, this.warn), folder);
    this.onSettings(folder, settings);
    const included = picomatch([...settings.include], { dot: true });
    const excluded = settings.exclude.length > 0 ? picomatch([...settings.exclude], { dot: true }) : () => false;
    return {
      settings,
      service: createService({ host: this.host, settings: settings.core, onBibliographyRead: this.onBibliographyRead }),
      isIncluded: (path) => included(path) && !excluded(path),
    };
  }

  /** The folder's `.tradecraft.yaml` (an unsaved buffer of it too) laid over the editor's settings. */
  private async withProjectConfig(settings: ServerSettings, folder: URI): Promise<ServerSettings> {
    const file = Utils.joinPath(folder, CONFIG_FILE_NAME);
    const { config, problems } = await this.readProjectFile(file);
    this.onProjectConfig(file, problems);
    return { ...settings, ...layerFileSelection(settings, config), core: layerSettings(settings.core, projectLayer(config, file, settings.workspaceTrusted)) };
  }

  private async readProjectFile(file: URI): Promise<ConfigReading> {
    const read = await this.host.readFile(file, MAX_DOCUMENT_BYTES);
    if (read.kind === 'text') return readProjectConfig(read.text);
    const start = { line: 0, character: 0 };
    const problems = read.kind === 'unreadable' ? [{ range: { start, end: start }, message: `${CONFIG_FILE_NAME} could not be read (${read.reason}); until it can, none of its settings apply.` }] : [];
    return { config: EMPTY_CONFIG, problems };
  }
}

/** Whether `uri` is the `.tradecraft.yaml` of one of `folders`. */
export function isProjectConfigOf(uri: URI, folders: readonly URI[]): boolean {
  return folders.some((folder) => Utils.joinPath(folder, CONFIG_FILE_NAME).toString() === uri.toString());
}
