import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import pLimit from 'p-limit';
import { loadPipeline } from './transformers.js';

export interface Embedder {
  source: string;
  dtype: string;
  /** L2-normalised sentence embeddings (mean pooling), one per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/**
 * Sentence embeddings with a transformers.js feature-extraction model. Texts go in batches; at most
 * `concurrency` batches are in flight. A model folder's manifest may ask for a prefix on every text
 * (multilingual-e5 wants "query: ").
 */
export async function loadEmbedder(where: string, options: { threads: number; batchSize?: number; concurrency?: number }): Promise<Embedder> {
  const loaded = await loadPipeline('feature-extraction', where, options.threads);
  const pipe: FeatureExtractionPipeline = loaded.pipe;
  const prefix = loaded.manifest?.prefix ?? '';
  const batchSize = options.batchSize ?? 32;
  const limit = pLimit(options.concurrency ?? 2);
  return {
    source: loaded.source,
    dtype: loaded.dtype,
    dispose: () => pipe.dispose(),
    async embed(texts: string[]): Promise<Float32Array[]> {
      const batches: string[][] = [];
      for (let from = 0; from < texts.length; from += batchSize) batches.push(texts.slice(from, from + batchSize));
      const results = await Promise.all(batches.map((batch) => limit(async () => {
        const output = await pipe(batch.map((t) => prefix + t), { pooling: 'mean', normalize: true });
        const [rows, dim] = output.dims as [number, number];
        const data = output.data as Float32Array;
        return Array.from({ length: rows }, (_, i) => data.slice(i * dim, (i + 1) * dim));
      })));
      return results.flat();
    },
  };
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
