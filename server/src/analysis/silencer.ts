import type { SilencingComment } from '../model/model.js';
import type { LineIndex } from '../text/lineIndex.js';
import { partitionPoint } from '../text/textHelpers.js';
import { isCode, type Code } from '../types.js';

/** Which codes are off on a line: all of them but some, or only some. */
interface SilenceState {
  readonly all: boolean;
  /** With `all`, the codes enabled again; without, the codes disabled. */
  readonly codes: ReadonlySet<Code>;
}

const NOTHING_SILENCED: SilenceState = { all: false, codes: new Set() };

/**
 * Answers whether a diagnostic starting on a line is silenced by the document's
 * `<!-- tradecraft-disable… -->` comments. A comment that names codes acts on its known codes only.
 */
export class Silencer {
  /** The state from each stretch comment's line on, in line order. */
  private readonly stretches: { line: number; state: SilenceState }[] = [];
  private readonly nextLine = new Map<number, SilenceState>();

  constructor(comments: readonly SilencingComment[], lines: LineIndex) {
    let state = NOTHING_SILENCED;
    for (const comment of comments) {
      const named = comment.codes.map((code) => code.name).filter(isCode);
      if (comment.codes.length > 0 && named.length === 0) continue;
      const endLine = lines.positionAt(comment.span.end).line;
      if (comment.directive === 'disable-next-line') {
        this.nextLine.set(endLine + 1, apply(this.nextLine.get(endLine + 1) ?? NOTHING_SILENCED, true, named));
      } else {
        state = apply(state, comment.directive === 'disable', named);
        this.stretches.push({ line: endLine + 1, state });
      }
    }
  }

  isSilenced(code: Code, line: number): boolean {
    const next = this.nextLine.get(line);
    return (next !== undefined && silences(next, code)) || silences(this.stateAt(line), code);
  }

  /** The state of the last stretch starting on or before `line`, found by halving: a document may hold thousands of comments and diagnostics. */
  private stateAt(line: number): SilenceState {
    const after = partitionPoint(this.stretches.length, (i) => this.stretches[i]!.line <= line);
    return after === 0 ? NOTHING_SILENCED : this.stretches[after - 1]!.state;
  }
}

function apply(state: SilenceState, disable: boolean, named: readonly Code[]): SilenceState {
  if (named.length === 0) return disable ? { all: true, codes: new Set() } : NOTHING_SILENCED;
  const codes = new Set(state.codes);
  // Disabling adds to the disabled set, or takes a code out of the exceptions when all are off.
  const add = disable !== state.all;
  for (const code of named) {
    if (add) codes.add(code);
    else codes.delete(code);
  }
  return { all: state.all, codes };
}

function silences(state: SilenceState, code: Code): boolean {
  return state.all ? !state.codes.has(code) : state.codes.has(code);
}
