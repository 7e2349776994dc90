// Everything the benchmark must undo (child servers, the bench database, temp folders), undone in reverse order
// on success, on failure and on Ctrl-C.

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;

/** Register an undo step; the returned function unregisters it (after the step was done by hand). */
export function onCleanup(name: string, run: () => Promise<void>): () => void {
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Run every registered step once, newest first; a failing step is reported and the rest still run. */
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const c = cleanups.pop()!;
      try {
        await c.run();
      } catch (err) {
        console.error(`cleanup "${c.name}" failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}
