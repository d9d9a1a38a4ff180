import type { OpenProblem, OpenProblemKind, OpenProblems } from '../../server/src/protocol.js';

const NAMES: Record<OpenProblemKind, { readonly one: string; readonly many: string; readonly short: string; readonly title: string }> = {
  'unsupported-claim': { one: 'unsupported claim', many: 'unsupported claims', short: 'unsupported', title: 'Unsupported claim' },
  'untested-hypothesis': { one: 'untested hypothesis', many: 'untested hypotheses', short: 'untested', title: 'Untested hypothesis' },
};

/** `3 unsupported claims, 1 untested hypothesis`: the kinds found, in the order of the spec's table; empty for none. */
export function countsText(problems: readonly OpenProblem[]): string {
  return counts(problems).map(([kind, count]) => `${count} ${count === 1 ? NAMES[kind].one : NAMES[kind].many}`).join(', ');
}

/** `3 unsupported · 1 untested`: the counts beside a file's path, which the side bar's width cuts short. */
export function shortCountsText(problems: readonly OpenProblem[]): string {
  return counts(problems).map(([kind, count]) => `${count} ${NAMES[kind].short}`).join(' · ');
}

function counts(problems: readonly OpenProblem[]): [OpenProblemKind, number][] {
  return (Object.keys(NAMES) as OpenProblemKind[]).flatMap((kind) => {
    const count = problems.filter((problem) => problem.kind === kind).length;
    return count === 0 ? [] : [[kind, count]];
  });
}

/** Every problem of the answer, for the view's badge. */
export function allProblems(answer: OpenProblems): OpenProblem[] {
  return answer.files.flatMap((file) => file.problems);
}

/** `Checking 120 of 400 files…` while the server is still reading the workspace; undefined once it is done. */
export function checkingMessage(answer: OpenProblems): string | undefined {
  return answer.checking && `Checking ${answer.checking.done} of ${answer.checking.total} files…`;
}

/** A problem's label (its marker's id, else its text), its description (the text beside an id) and its tooltip. */
export function problemWords(problem: OpenProblem): { label: string; description: string | undefined; tooltip: string } {
  const title = NAMES[problem.kind].title;
  const where = `line ${problem.range.start.line + 1}`;
  return problem.id === null
    ? { label: problem.text, description: undefined, tooltip: `${title} (${where}): ${problem.text}` }
    : { label: problem.id, description: problem.text, tooltip: `${title} ${problem.id} (${where}): ${problem.text}` };
}
