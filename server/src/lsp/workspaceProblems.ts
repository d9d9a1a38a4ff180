import { createHash } from 'node:crypto';
import { URI } from 'vscode-uri';
import type { Analysis } from '../analysis/analysis.js';
import { Superseded, type DocumentStore } from '../documentStore.js';
import { MAX_DOCUMENT_BYTES, type Host } from '../host.js';
import type { OpenProblem, OpenProblems, OpenProblemsOfFile } from '../protocol.js';
import { openProblems } from '../service.js';
import type { WorkspaceIndex } from './workspaceIndex.js';
import type { FolderOwner, Workspaces } from './workspaces.js';

/** How long the background work holds the event loop before it lets everything else run. */
const TIME_SLICE_MS = 5;
/** The least time between two notifications while files are checked: the client asks again at each. */
const NOTIFY_EVERY_MS = 250;

/** What was found in one file that is not open, and for which text of it. */
interface CheckedFile {
  /** A digest of the text checked (not the text: a large workspace would be held twice); undefined for a file that could not be read. */
  readonly digest: string | undefined;
  readonly problems: readonly OpenProblem[];
  /** The files its analysis read or looked at (bibliographies, linked files): a change to one makes it stale. */
  readonly reads: ReadonlySet<string>;
  /** False once the file changed on disk: its text is read again, and analysed again if it differs. */
  fresh: boolean;
}

/**
 * Lets everything else waiting run: requests, edits, and the analysis of an open document, which
 * gets a slice (twice as long) between any two of the background's.
 */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The background work was given up: the settings or the folders changed. */
class Stopped extends Error {}

/**
 * The unsupported claims and untested hypotheses of every analysis of the workspace. Open
 * documents give those of their newest analysis; other files are analysed in the background,
 * one at a time and yielding often, only once the client has asked, and kept until they (or a
 * file they read) change. Whenever the answer may have changed, `notify` is called (at most every
 * `NOTIFY_EVERY_MS` while files are checked) for the client to ask again.
 */
export class WorkspaceProblems {
  private readonly checked = new Map<string, CheckedFile>();
  private queue: URI[] = [];
  private working = false;
  /** Whether the client asked: until then nothing is checked and nothing is told. */
  private asked = false;
  /** Bumped when everything is forgotten: background work begun before stops. */
  private generation = 0;
  /** Bumped at each file change: a check that saw one begin during it is done again. */
  private changes = 0;
  /** What the last answer said of each open document, to tell only of real changes. */
  private readonly answered = new Map<string, string>();
  private readonly documentTimers = new Map<string, NodeJS.Timeout>();
  private notifyTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly host: Host,
    private readonly workspaces: Workspaces,
    private readonly documents: Pick<DocumentStore<FolderOwner>, 'get' | 'all' | 'ownerOf' | 'analysisOf'>,
    private readonly index: Pick<WorkspaceIndex, 'listedFiles'>,
    private readonly notify: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** What is known now; files not checked yet are queued for the background, and counted in `checking`. */
  async list(): Promise<OpenProblems> {
    this.asked = true;
    const listed = await this.index.listedFiles();
    const open = this.documents.all().map((document) => document.uri);
    const uris = new Set([...listed.map((file) => file.toString()), ...open]);
    const files: OpenProblemsOfFile[] = [];
    for (const uri of open) files.push({ uri, problems: await this.problemsOfOpen(uri) });
    this.queue = listed.filter((file) => !this.documents.get(file.toString()) && !this.checked.get(file.toString())?.fresh);
    for (const [uri, file] of this.checked) {
      if (!uris.has(uri)) this.checked.delete(uri);
      else if (!this.documents.get(uri)) files.push({ uri, problems: file.problems });
    }
    const withProblems = files.filter((file) => file.problems.length > 0).sort((a, b) => a.uri.localeCompare(b.uri));
    // Counted before the work takes its first file off the queue (a file being checked is not fresh: it is queued again here).
    const answer = this.queue.length > 0 ? { files: withProblems, checking: { done: uris.size - this.queue.length, total: uris.size } } : { files: withProblems };
    this.startWork();
    return answer;
  }

  /** An open document was opened, edited or closed: the client is told once its problems change. */
  documentChanged(uri: string): void {
    if (!this.asked) return;
    clearTimeout(this.documentTimers.get(uri));
    if (!this.documents.get(uri)) {
      this.answered.delete(uri);
      this.scheduleNotify();
      return;
    }
    const schedule = async () => {
      const delay = (await this.documents.ownerOf(uri)).settings.diagnosticsDelay;
      this.documentTimers.set(uri, setTimeout(() => this.tellIfChanged(uri).catch(this.onError), delay));
    };
    // A document closed meanwhile, or settings that cannot be read: the next answer says what there is.
    schedule().catch(() => undefined);
  }

  /** A file changed on disk (or a bibliography buffer changed): it and the files that read it are checked again. */
  fileChanged(uri: URI): void {
    const key = uri.toString();
    this.changes++;
    const changed = this.checked.get(key);
    if (changed) changed.fresh = false;
    for (const [other, file] of this.checked) if (file.reads.has(key)) this.checked.delete(other);
    if (this.asked) this.scheduleNotify();
  }

  /** Settings or folders changed: everything is checked again. */
  clear(): void {
    this.generation++;
    this.checked.clear();
    this.queue = [];
    if (this.asked) this.scheduleNotify();
  }

  private async tellIfChanged(uri: string): Promise<void> {
    this.documentTimers.delete(uri);
    if (!this.documents.get(uri)) return;
    const before = this.answered.get(uri);
    if (JSON.stringify(await this.problemsOfOpen(uri)) !== before) this.scheduleNotify();
  }

  /** The problems of an open document's newest analysis (an edit during it asks again); none for one the settings leave unchecked. */
  private async problemsOfOpen(uri: string): Promise<readonly OpenProblem[]> {
    const problems = await this.orElse(uri, async (): Promise<readonly OpenProblem[]> => {
      while (this.documents.get(uri)) {
        try {
          const owner = await this.documents.ownerOf(uri);
          return owner.checked ? problemsOf(owner, await this.documents.analysisOf(uri)) : [];
        } catch (error) {
          if (!(error instanceof Superseded)) throw error;
        }
      }
      return [];
    }, []);
    this.answered.set(uri, JSON.stringify(problems));
    return problems;
  }

  private startWork(): void {
    if (this.working || this.queue.length === 0) return;
    this.working = true;
    this.work()
      .catch((error: unknown) => error instanceof Stopped || this.onError(error))
      .finally(() => {
        this.working = false;
        this.scheduleNotify();
        // Files queued after the last one was taken (a change during the work).
        this.startWork();
      });
  }

  /** Checks the queued files one at a time, yielding between them. */
  private async work(): Promise<void> {
    const generation = this.generation;
    let told = Date.now();
    for (let file = this.queue.shift(); file; file = this.queue.shift()) {
      await nextTurn();
      if (generation !== this.generation) throw new Stopped();
      const key = file.toString();
      if (this.documents.get(key) || this.checked.get(key)?.fresh) continue;
      await this.check(file, generation);
      if (Date.now() - told >= NOTIFY_EVERY_MS) {
        this.scheduleNotify();
        told = Date.now();
      }
    }
  }

  private async check(file: URI, generation: number): Promise<void> {
    const key = file.toString();
    const changes = this.changes;
    const result = await this.orElse(key, () => this.checkFile(file, generation), { digest: undefined, problems: [], reads: new Set<string>(), fresh: true });
    if (generation !== this.generation) throw new Stopped();
    // A change that came during the check may have been missed by it.
    if (changes !== this.changes) this.queue.push(file);
    else this.checked.set(key, result);
  }

  private async checkFile(file: URI, generation: number): Promise<CheckedFile> {
    const owner = await this.workspaces.ownerOf(file);
    const read = await this.host.readFile(file, MAX_DOCUMENT_BYTES);
    const text = read.kind === 'text' ? read.text : undefined;
    const digest = text === undefined ? undefined : createHash('sha256').update(text).digest('base64');
    const known = this.checked.get(file.toString());
    if (known && known.digest === digest) return { ...known, fresh: true };
    if (text === undefined || !owner.checked) return { digest, problems: [], reads: new Set(), fresh: true };
    const analysis = await owner.service.analyze({ uri: file, text, workspaceFolder: owner.workspaceFolder, pause: this.pauseWhile(generation) });
    return { digest, problems: problemsOf(owner, analysis), reads: filesRead(analysis), fresh: true };
  }

  /** Yields once a (short) time slice is used up, and gives up once the settings or folders changed. */
  private pauseWhile(generation: number): () => Promise<void> {
    let sliceStart = Date.now();
    return async () => {
      if (Date.now() - sliceStart >= TIME_SLICE_MS) {
        await nextTurn();
        sliceStart = Date.now();
      }
      if (generation !== this.generation) throw new Stopped();
    };
  }

  /** What `work` gives, or `fallback` when it fails: one file that cannot be checked costs the others nothing. */
  private async orElse<T>(uri: string, work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Stopped) throw error;
      this.onError(new Error(`Open problems: ${uri} left out`, { cause: error }));
      this.onError(error);
      return fallback;
    }
  }

  private scheduleNotify(): void {
    this.notifyTimer ??= setTimeout(() => {
      this.notifyTimer = undefined;
      this.notify();
    }, 0);
  }
}

function problemsOf(owner: FolderOwner, analysis: Analysis): readonly OpenProblem[] {
  return openProblems(analysis, owner.service.computeDiagnostics(analysis));
}

function filesRead(analysis: Analysis): ReadonlySet<string> {
  const { bibliographies, fileKinds } = analysis.context;
  return new Set([...bibliographies.map((bibliography) => bibliography.uri.toString()), ...fileKinds.keys()]);
}
