import pLimit from 'p-limit';
import { createExtractor, extractDocument, type Extraction, type Extractor, type ModelFindings } from './extract/index.js';
import { buildGraph } from './graph/build.js';
import { GraphSchema, type Graph } from './graph/schema.js';
import { discoverInputs, isRejection, readDocument } from './ingest/read.js';
import type { Document, Rejection } from './ingest/schema.js';
import { builtinLexiconFiles, mergeLexiconFiles, readUserLexicon } from './lexicon/load.js';
import { Lexicon } from './lexicon/lexicon.js';
import { applyOverrides, type Overrides, type OverridesOutcome } from './resolve/overrides.js';
import { resolve, type ResolveOptions } from './resolve/resolve.js';
import type { Resolution } from './resolve/schema.js';
import { openModels, type ModelInfo, type ModelOptions } from './models/index.js';

export interface BuildOptions {
  /** Extra lexicon files (JSON) added to the built-in lexicons. */
  lexiconFiles?: string[];
  maxFileBytes?: number;
  /** The user's resolution decisions (forumkg.resolution.json). */
  overrides?: Overrides;
  /** The graph of an earlier build: entities found again keep their names and ids. */
  previousGraph?: Graph;
  /** Called after each transcript is read and extracted. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Optional NER and embedding models (src/models); none unless given. */
  models?: ModelOptions;
}

export interface DocumentSummary {
  file: string;
  path: string;
  encoding: string;
  lines: number;
  mentions: number;
}

export interface BuildResult {
  graph: Graph;
  resolution: Resolution;
  extractions: Extraction[];
  documents: DocumentSummary[];
  rejections: Rejection[];
  timings: Record<string, number>;
  overrides?: OverridesOutcome;
  /** The models used, if any. */
  models: ModelInfo[];
}

export function loadLexicon(lexiconFiles: string[] = []): Lexicon {
  return new Lexicon(mergeLexiconFiles(builtinLexiconFiles(), lexiconFiles.map(readUserLexicon)));
}

/** Reads, extracts, resolves and builds the graph of the given transcript files and folders. */
export async function buildFromPaths(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const lexicon = loadLexicon(options.lexiconFiles);
  const extractor = createExtractor(lexicon);
  const models = options.models ? await openModels(options.models) : undefined;
  lap('setup');
  const { files, rejections } = await discoverInputs(inputs);
  const extractions: Extraction[] = [];
  const documents: DocumentSummary[] = [];
  // Reading is I/O and runs ahead; extraction is CPU work done one document at a time, so that only
  // one document's text is held beside the extractions.
  const read = pLimit(4);
  const pending = files.map((file) => read(() => readDocument(file, { maxFileBytes: options.maxFileBytes })));
  for (let i = 0; i < files.length; i++) {
    const doc = await pending[i]!;
    pending[i] = Promise.resolve({ path: files[i]!, reason: 'released' });
    if (isRejection(doc)) {
      rejections.push(doc);
    } else if (documents.some((d) => d.file === doc.file)) {
      rejections.push({ path: doc.path, reason: `another input is also named ${doc.file} (mentions cite file names); rename one of them` });
    } else {
      const findings = models ? await models.findings(doc) : {};
      const extraction = extractSafely(doc, extractor, rejections, findings);
      if (extraction) {
        extractions.push(extraction);
        documents.push({ file: doc.file, path: doc.path, encoding: doc.encoding, lines: doc.lines.length, mentions: extraction.mentions.length });
      }
    }
    options.onProgress?.(i + 1, files.length, files[i]!);
  }
  lap('extract');
  const resolveOptions: ResolveOptions = { pinned: pinnedNames(options.previousGraph) };
  const extraMerges = models ? await models.merges(extractions, lexicon, resolveOptions) : [];
  const resolution = resolve(extractions, lexicon, { ...resolveOptions, extraMerges });
  const overrides = options.overrides ? applyOverrides(resolution, options.overrides, formLookup(extractions)) : undefined;
  lap('resolve');
  const graph = buildGraph(extractions, resolution);
  GraphSchema.parse(graph);
  lap('graph');
  for (const [role, ms] of Object.entries(models?.timings ?? {})) timings[`model ${role}`] = ms;
  await models?.dispose();
  return { graph, resolution, extractions, documents, rejections, timings, ...(overrides ? { overrides } : {}), models: models?.info ?? [] };
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

function extractSafely(doc: Document, extractor: Extractor, rejections: Rejection[], findings: ModelFindings): Extraction | undefined {
  try {
    return extractDocument(doc, extractor, findings);
  } catch (error) {
    rejections.push({ path: doc.path, reason: `extraction failed (${(error as Error).message}); please report this with the file` });
    return undefined;
  }
}
