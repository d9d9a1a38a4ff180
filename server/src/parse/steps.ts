/**
 * Work done in steps: a generator that yields between pieces of work and returns its result.
 * The core stays synchronous; a caller that must stay responsive (the server) runs the steps
 * with `runPausing` and decides at each pause whether to yield to other work or to give up.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, awaiting `pause` between them; a rejected pause abandons the work with its reason. */
export async function runPausing<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
