import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { OPEN_PROBLEMS_CHANGED_NOTIFICATION, OPEN_PROBLEMS_REQUEST, type OpenProblem, type OpenProblems, type OpenProblemsOfFile } from '../../server/src/protocol.js';
import { allProblems, checkingMessage, countsText, problemWords, shortCountsText } from './openProblemsText.js';

export const OPEN_PROBLEMS_VIEW = 'tradecraft.openProblems';
export const REFRESH_OPEN_PROBLEMS_COMMAND = 'tradecraft.openProblems.refresh';
/** Whether the last answer had every file checked: until then an empty view's welcome says it is looking. */
const CHECKED_CONTEXT = 'tradecraft.openProblems.checked';

type Node = OpenProblemsOfFile | { readonly file: OpenProblemsOfFile; readonly problem: OpenProblem };

const ICONS: Record<OpenProblem['kind'], vscode.ThemeIcon> = {
  'unsupported-claim': new vscode.ThemeIcon('comment-unresolved', new vscode.ThemeColor('list.warningForeground')),
  'untested-hypothesis': new vscode.ThemeIcon('beaker'),
};

/**
 * The explorer view of the workspace's open problems: each file with problems, holding its
 * unsupported claims and untested hypotheses, each opening the file at its marker; the counts in
 * the view's badge. The server is asked only while the view is visible (so a hidden view costs
 * nothing), again when it says the answer changed, and at the refresh command.
 */
export class OpenProblemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private answer: OpenProblems = { files: [] };
  /** The server said the answer changed while the view was hidden: it asks when shown. */
  private stale = true;
  private asking: Promise<void> | undefined;
  private askAgain = false;
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(OPEN_PROBLEMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(() => this.stale && this.refresh()),
      vscode.commands.registerCommand(REFRESH_OPEN_PROBLEMS_COMMAND, () => this.refresh()),
      client.onNotification(OPEN_PROBLEMS_CHANGED_NOTIFICATION, () => this.serverChanged()),
      // A restarted server knows nothing of what the view shows.
      client.onDidChangeState(({ newState }) => newState === State.Running && this.serverChanged()),
    ];
    if (this.view.visible) void this.refresh();
  }

  /** The server says the answer may have changed. */
  private serverChanged(): void {
    this.stale = true;
    if (this.view.visible) void this.refresh();
  }

  /** Asks the server (once at a time: a change during a request asks again after it). */
  refresh(): Promise<void> {
    if (this.asking) {
      this.askAgain = true;
      return this.asking;
    }
    this.stale = false;
    this.asking = this.client.sendRequest<OpenProblems>(OPEN_PROBLEMS_REQUEST, {}).then(
      (answer) => this.show(answer),
      // The server is restarting: its next notification, or the refresh command, asks again.
      () => undefined,
    ).finally(() => {
      this.asking = undefined;
      if (this.askAgain) {
        this.askAgain = false;
        void this.refresh();
      }
    });
    return this.asking;
  }

  /** The view's badge, which VS Code does not let the editor tests read from the view. */
  get badge(): vscode.ViewBadge | undefined {
    return this.view.badge;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return [...this.answer.files];
    return 'problems' in node ? node.problems.map((problem) => ({ file: node, problem })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return 'problems' in node ? fileItem(node) : problemItem(node.file, node.problem);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private show(answer: OpenProblems): void {
    this.answer = answer;
    const problems = allProblems(answer);
    this.view.badge = problems.length > 0 ? { value: problems.length, tooltip: countsText(problems) } : undefined;
    this.view.message = checkingMessage(answer);
    void vscode.commands.executeCommand('setContext', CHECKED_CONTEXT, answer.checking === undefined);
    this.changed.fire(undefined);
  }
}

function fileItem(file: OpenProblemsOfFile): vscode.TreeItem {
  const path = vscode.workspace.asRelativePath(vscode.Uri.parse(file.uri));
  const item = new vscode.TreeItem(path, vscode.TreeItemCollapsibleState.Expanded);
  // Not its resourceUri: VS Code would add the count of all the file's diagnostics beside these.
  item.iconPath = new vscode.ThemeIcon('markdown');
  item.description = shortCountsText(file.problems);
  item.tooltip = `${path}: ${countsText(file.problems)}`;
  item.id = file.uri;
  return item;
}

function problemItem(file: OpenProblemsOfFile, problem: OpenProblem): vscode.TreeItem {
  const { label, description, tooltip } = problemWords(problem);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = description;
  item.tooltip = tooltip;
  item.iconPath = ICONS[problem.kind];
  const { start, end } = problem.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(file.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
  return item;
}
