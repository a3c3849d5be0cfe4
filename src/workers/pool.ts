import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { ModelError } from '../models/errors.js';
import type { ModelInfo } from '../models/index.js';
import type { Extractor } from '../extract/index.js';
import { extractFile } from './extract-file.js';
import type { Job, Outcome, WorkerMessage, WorkerSetup } from './messages.js';

/** Jobs sent ahead to each worker, so that it never waits for the main thread between transcripts. */
const AHEAD = 2;
/** Workers started again after one died (out of memory, a crash in native code) before the build gives up. */
const RESTARTS = 4;

/** How many transcripts to extract at once by default: one per core, at most 4 (each worker holds its own lexicon). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** The ES module entry of tsx's loader API (`tsx/esm/api`), found through its package.json exports. */
function tsxLoaderPath(from: string): string {
  const packageJson = createRequire(from).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(packageJson, 'utf8')).exports as Record<string, { import: { default: string } }>;
  return path.join(path.dirname(packageJson), exports['./esm/api']!.import.default);
}

function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./extract-worker.js', here), { workerData: setup });
  // Running from source (tests, tsx): the worker needs tsx's loader to import TypeScript.
  const tsx = pathToFileURL(tsxLoaderPath(here)).href;
  const entry = new URL('./extract-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

export interface PoolOptions extends WorkerSetup {
  /** Transcripts extracted at once: by the workers, and by this thread when `local` is given. */
  jobs: number;
  /**
   * Makes the extractor of this thread, which then takes transcripts from the same queue as the
   * workers (one worker fewer is started): it needs a lexicon for resolution anyway, and a core is not
   * left to wait. Called once, after the workers are started; an error from it ends the pool.
   */
  local?: () => Extractor;
  /** Called as each transcript is done, in the order they finish. */
  onOutcome?: (outcome: Outcome, done: number) => void;
  /** Called with the models a worker loaded, when it is ready. */
  onModels?: (models: ModelInfo[]) => void;
}

/**
 * Reads and extracts the files on a pool of worker threads, each with its own extractor (and on this
 * thread too, with `local`), and returns one outcome per file in the order of the files. Each worker
 * holds one document at a time; the extractions come back as plain data, and so do this thread's (a
 * copy: what it keeps does not hold on to the transcript's text).
 */
export function extractFiles(files: string[], options: PoolOptions): Promise<Outcome[]> {
  const outcomes: Array<Outcome | undefined> = new Array(files.length);
  if (files.length === 0) return Promise.resolve([]);
  const setup: WorkerSetup = { lexiconFiles: options.lexiconFiles, maxFileBytes: options.maxFileBytes, ...(options.ner ? { ner: options.ner } : {}) };
  const pending: Job[] = files.map((path, index) => ({ index, path }));
  let done = 0;
  let restarts = 0;
  const live = new Map<Worker, () => void>();

  return new Promise<Outcome[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of live.keys()) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes as Outcome[]);
    };
    const record = (outcome: Outcome) => {
      if (outcomes[outcome.index]) return;
      outcomes[outcome.index] = outcome;
      done++;
      options.onOutcome?.(outcome, done);
      if (done === files.length) finish();
    };

    const spawn = () => {
      const worker = startWorker(setup);
      const inFlight: Job[] = [];
      let ready = false;
      const feed = () => {
        while (ready && inFlight.length < AHEAD && pending.length > 0) {
          const job = pending.shift()!;
          inFlight.push(job);
          worker.postMessage(job);
        }
      };
      live.set(worker, feed);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ready = true;
          if (message.models) options.onModels?.(message.models);
          feed();
        }
        else if (message.type === 'fatal') finish(message.modelError ? new ModelError(message.message) : new Error(message.message));
        else {
          const at = inFlight.findIndex((j) => j.index === message.outcome.index);
          if (at >= 0) inFlight.splice(at, 1);
          record(message.outcome);
          feed();
        }
      });
      let failure = 'it stopped';
      worker.on('error', (error) => {
        failure = error.message;
      });
      worker.on('exit', () => {
        live.delete(worker);
        if (settled) return;
        // The job being worked on is blamed; the ones queued behind it go back to the pool.
        const [current, ...queued] = inFlight;
        if (current) record({ index: current.index, rejection: { path: current.path, reason: `could not be processed: the extraction worker stopped while working on it (${failure}); the file may be too large for this machine's memory` } });
        pending.unshift(...queued);
        if (pending.length === 0) return;
        for (const feedLive of live.values()) feedLive();
        if (restarts++ < RESTARTS) spawn();
        else if (live.size === 0) finish(new Error(`extraction workers keep stopping (${failure})`));
      });
    };

    const threads = Math.max(1, Math.min(options.jobs, files.length));
    for (let i = 0; i < (options.local ? threads - 1 : threads); i++) spawn();
    if (!options.local) return;
    let extractor: Extractor;
    try {
      extractor = options.local();
    } catch (error) {
      finish(error as Error);
      return;
    }
    extractOnThisThread(extractor, pending, () => settled, options.maxFileBytes, record).catch((error: unknown) => finish(error as Error));
  });
}

/**
 * Takes transcripts from the pool's queue and extracts them on this thread until the queue is empty. The
 * extractor is a parameter, not a variable the pool's handlers share, so that its lexicon and segmenter go as
 * soon as the queue is done, while the workers' handlers live on until they have exited.
 */
async function extractOnThisThread(extractor: Extractor, pending: Job[], settled: () => boolean, maxFileBytes: number | undefined, record: (outcome: Outcome) => void): Promise<void> {
  while (!settled() && pending.length > 0) {
    const job = pending.shift()!;
    const outcome = await extractFile(job, extractor, maxFileBytes);
    record(structuredClone(outcome));
    // let the workers' messages in between two transcripts
    await nextTurn();
  }
}
