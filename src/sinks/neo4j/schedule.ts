/**
 * Runs tasks side by side, but never two at once that touch the same key (for the loader: a node id).
 *
 * Two relationship batches that share a node lock it both (MERGE locks both ends), so run together they wait
 * for each other or deadlock; a deadlock makes Neo4j abort one of them, and the driver then redoes the whole
 * batch. Batches with disjoint ends never lock the same node, so they run in parallel without either.
 */
export interface KeyedTask<T> {
  keys: ReadonlySet<string>;
  run: () => Promise<T>;
}

/** How far past the first waiting task the scheduler looks for one it can start now. */
const LOOKAHEAD = 32;

function disjoint(keys: ReadonlySet<string>, busy: ReadonlySet<string>): boolean {
  for (const key of keys) if (busy.has(key)) return false;
  return true;
}

/**
 * Starts tasks in order, up to `concurrency` at once; a task whose keys overlap a running task's waits (a later
 * disjoint task within the lookahead may start before it). With nothing running, the next task always starts.
 * Resolves when all are done; on the first failure it starts nothing more, waits for the running ones, and
 * rejects with that failure.
 */
export async function runKeyDisjoint<T>(tasks: Array<KeyedTask<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const waiting = tasks.map((task, index) => ({ task, index }));
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const start = (entry: (typeof waiting)[number]) => {
    for (const key of entry.task.keys) busy.add(key);
    const done: Promise<void> = entry.task.run().then(
      (result) => { results[entry.index] = result; },
      (error: unknown) => { failure ??= { error }; },
    ).finally(() => {
      for (const key of entry.task.keys) busy.delete(key);
      running.delete(done);
    });
    running.add(done);
  };

  while (!failure && (waiting.length > 0 || running.size > 0)) {
    for (let i = 0; i < waiting.length && i < LOOKAHEAD && running.size < Math.max(1, concurrency); ) {
      if (running.size === 0 || disjoint(waiting[i]!.task.keys, busy)) start(waiting.splice(i, 1)[0]!);
      else i++;
    }
    if (running.size > 0) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  return results;
}
