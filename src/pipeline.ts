import { stat } from 'node:fs/promises';
import type { Extraction } from './extract/index.js';
import { buildGraph } from './graph/build.js';
import { assertValidGraph, type Graph } from './graph/schema.js';
import { discoverInputs } from './ingest/read.js';
import type { Rejection } from './ingest/schema.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { applyOverrides, type Overrides, type OverridesOutcome } from './resolve/overrides.js';
import { resolve, type ResolveOptions } from './resolve/resolve.js';
import { nerRequested, openModels, type ModelInfo, type ModelOptions, type ModelSession } from './models/index.js';
import type { Resolution } from './resolve/schema.js';
import { loadLexicon } from './workers/lexicon.js';
import { createExtractor } from './extract/index.js';
import { extractFile } from './workers/extract-file.js';
import { shareStrings } from './workers/compact.js';
import type { DocumentSummary, Outcome } from './workers/messages.js';
import { defaultJobs, extractFiles } from './workers/pool.js';

export { loadLexicon } from './workers/lexicon.js';
export type { DocumentSummary } from './workers/messages.js';

export interface BuildOptions {
  /** Extra lexicon files (JSON) added to the built-in lexicons. */
  lexiconFiles?: string[];
  maxFileBytes?: number;
  /** The user's resolution decisions (forumkg.resolution.json). */
  overrides?: Overrides;
  /** The graph of an earlier build: entities found again keep their names and ids. */
  previousGraph?: Graph;
  /** Transcripts extracted at once, each on its own worker thread (default: one per core, at most 4). */
  jobs?: number;
  /** Called once the inputs are found, before any is read: how many transcripts, and their bytes. */
  onInputs?: (inputs: { files: number; bytes: number }) => void;
  /** Called after each transcript is read and extracted (in the order they finish). */
  onProgress?: (done: number, total: number, file: string) => void;
  /**
   * Whether the result keeps the extractions (default true). The command line does not need them: without
   * them a large build frees their memory before it writes the outputs.
   */
  keepExtractions?: boolean;
  /** Optional NER and embedding models (src/models); none unless given. */
  models?: ModelOptions;
}

export interface BuildResult {
  graph: Graph;
  resolution: Resolution;
  /** Empty when the build was asked not to keep them (keepExtractions: false). */
  extractions: Extraction[];
  documents: DocumentSummary[];
  rejections: Rejection[];
  timings: Record<string, number>;
  overrides?: OverridesOutcome;
  /** The models used, if any. */
  models: ModelInfo[];
}

/**
 * Reads, extracts, resolves and builds the graph of the given transcript files and folders. Reading and
 * extraction run on this thread and on worker threads (unless there is a single transcript or a single
 * job), one transcript per thread at a time; this thread extracts with the lexicon that resolution needs,
 * then resolves and builds the graph from all extractions, taken in the order of the files so that the
 * result does not depend on which thread finished first.
 */
export async function buildFromPaths(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const started = performance.now();
  let t = started;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const { files, rejections } = await discoverInputs(inputs);
  lap('discover');
  const withNer = options.models ? nerRequested(options.models) : false;
  // Each worker loads its own lexicon and segmenter (about a second): worth it only for a corpus that
  // takes longer than that to extract on one thread, which comes sooner with a NER model beside the rules.
  const parallelFrom = withNer ? PARALLEL_WITH_NER_FROM_BYTES : PARALLEL_FROM_BYTES;
  const bytes = await totalBytes(files);
  options.onInputs?.({ files: files.length, bytes });
  const jobs = Math.min(options.jobs ?? (bytes < parallelFrom ? 1 : defaultJobs()), files.length);
  // On workers, each runs the NER model beside its extractor; this thread keeps only the embeddings.
  const nerOnWorkers = withNer && jobs > 1;
  const models = options.models
    ? await openModels(nerOnWorkers ? { ...options.models, ner: 'none', nerModel: undefined } : options.models)
    : undefined;
  const extracted = await extractAll(files, options, { jobs, nerOnWorkers, models });
  const { outcomes } = extracted;
  lap('extract');

  const extractions: Extraction[] = [];
  const documents: DocumentSummary[] = [];
  const byName = new Map<string, string>();
  for (const outcome of outcomes) {
    if ('rejection' in outcome) {
      rejections.push(outcome.rejection);
      continue;
    }
    const { extraction, summary } = outcome;
    const other = byName.get(summary.file);
    if (other !== undefined) {
      rejections.push({ path: summary.path, reason: `another input (${other}) is also named ${summary.file}, and mentions cite file names; rename one of them` });
      continue;
    }
    byName.set(summary.file, summary.path);
    extractions.push(extraction);
    documents.push(summary);
  }
  // the pool's settled promise refers to this array until its workers have exited: it must not keep every extraction alive
  outcomes.length = 0;
  // nothing after resolution needs the lexicon: a large build's graph is made without it in memory
  const resolution = await resolveWithLexicon(extractions, extracted.lexicon, { pinned: pinnedNames(options.previousGraph) }, models);
  const overrides = options.overrides ? applyOverrides(resolution, options.overrides, formLookup(extractions)) : undefined;
  lap('resolve');
  const graph = buildGraph(extractions, resolution);
  assertValidGraph(graph);
  lap('graph');
  if (extracted.workerNerMs) timings['model ner'] = Math.round(extracted.workerNerMs);
  for (const [role, ms] of Object.entries(models?.timings ?? {})) timings[`model ${role}`] = ms;
  await models?.dispose();
  const modelInfo = [...extracted.workerModels, ...(models?.info ?? [])];
  return { graph, resolution, extractions: options.keepExtractions === false ? [] : extractions, documents, rejections, timings, ...(overrides ? { overrides } : {}), models: modelInfo };
}

/**
 * The lexicon resolution needs, handed over in a box that resolution empties: a large build's graph is then
 * made without the lexicon in memory, as no variable of buildFromPaths ever held it.
 */
interface LexiconBox {
  lexicon?: Lexicon;
}

interface Extracted {
  outcomes: Outcome[];
  lexicon: LexiconBox;
  workerModels: ModelInfo[];
  workerNerMs: number;
}

/** Reads and extracts every file (on this thread, or on workers and this thread), in the order of the files. */
async function extractAll(
  files: string[],
  options: BuildOptions,
  { jobs, nerOnWorkers, models }: { jobs: number; nerOnWorkers: boolean; models: ModelSession | undefined },
): Promise<Extracted> {
  const extracted: Extracted = { outcomes: [], lexicon: {}, workerModels: [], workerNerMs: 0 };
  const strings = new Map<string, string>();
  if (jobs <= 1) {
    // One transcript (or -j 1): extract on this thread, with the lexicon resolution needs anyway.
    const lexicon = (extracted.lexicon.lexicon = loadLexicon(options.lexiconFiles));
    const extractor = createExtractor(lexicon);
    for (const [index, path] of files.entries()) {
      // a copy, so that what is kept does not hold on to the transcript's text
      const outcome = structuredClone(await extractFile({ index, path }, extractor, options.maxFileBytes, models && ((doc) => models.findings(doc))));
      shareStrings(outcome, strings);
      extracted.outcomes.push(outcome);
      options.onProgress?.(index + 1, files.length, path);
    }
    return extracted;
  }
  const m = options.models;
  // Without a NER model on the workers, this thread extracts too, with the lexicon that resolution needs
  // (an error in it is reported, not the workers'); with one, it builds that lexicon meanwhile.
  const extracting = extractFiles(files, {
    jobs,
    lexiconFiles: options.lexiconFiles ?? [],
    maxFileBytes: options.maxFileBytes,
    ...(nerOnWorkers && m
      ? { ner: { ner: m.ner, nerModel: m.nerModel, nerLabels: m.nerLabels, home: m.home, threads: m.threads } }
      : { local: () => createExtractor((extracted.lexicon.lexicon = loadLexicon(options.lexiconFiles))) }),
    onModels: (info) => {
      if (extracted.workerModels.length === 0) extracted.workerModels = info;
    },
    onOutcome: (outcome, done) => {
      shareStrings(outcome, strings);
      if ('nerMs' in outcome && outcome.nerMs) extracted.workerNerMs += outcome.nerMs;
      options.onProgress?.(done, files.length, files[outcome.index]!);
    },
  });
  if (nerOnWorkers) {
    // this thread only waits for the workers: time enough to load the embedding model that resolution uses
    models?.prefetchEmbeddings();
    try {
      extracted.lexicon.lexicon = loadLexicon(options.lexiconFiles);
    } catch (error) {
      // the workers fail on the same lexicon; report this error, not theirs
      extracting.catch(() => undefined);
      throw error;
    }
  }
  extracted.outcomes = await extracting;
  // the workers' handlers, which refer to this pool of strings, live until the workers have exited
  strings.clear();
  return extracted;
}

/** Resolves the extractions with the boxed lexicon, and empties the box. */
async function resolveWithLexicon(extractions: Extraction[], box: LexiconBox, resolveOptions: ResolveOptions, models: ModelSession | undefined): Promise<Resolution> {
  const lexicon = box.lexicon!;
  box.lexicon = undefined;
  const extraMerges = models ? await models.merges(extractions, lexicon, resolveOptions) : [];
  return resolve(extractions, lexicon, { ...resolveOptions, extraMerges });
}

/** Below this many bytes of input, extraction runs on the main thread unless -j says otherwise. */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
/** The same with a NER model, which costs more per byte than the rules. */
const PARALLEL_WITH_NER_FROM_BYTES = 256 * 1024;

async function totalBytes(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file).catch(() => ({ size: 0 }))).size;
  return total;
}

function pinnedNames(graph: Graph | undefined): ResolveOptions['pinned'] {
  if (!graph) return undefined;
  return graph.nodes.flatMap((n) => (n.label === 'Organization' || n.label === 'Person' || n.label === 'Model' || n.label === 'Product')
    ? [{ type: n.label, name: n.name, forms: [...new Set([...n.aliases, ...n.mentions.map((m) => m.text)])] }]
    : []);
}

/** The surface form of a mention, by its global id (`file#m12`). */
function formLookup(extractions: Extraction[]): (gid: string) => string | undefined {
  const forms = new Map<string, string>();
  for (const x of extractions) for (const m of x.mentions) forms.set(`${x.source}#${m.id}`, m.text);
  return (gid) => forms.get(gid);
}
