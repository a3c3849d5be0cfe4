import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FeatureExtractionPipeline, TokenClassificationPipeline } from '@huggingface/transformers';
import { readManifest, type ModelManifest } from './cache.js';
import { ModelError } from './errors.js';

export interface LoadedPipeline<T> {
  pipe: T;
  /** What to call the model in messages: its folder or hub id. */
  source: string;
  manifest?: ModelManifest;
  dtype: string;
}

/** Throws when a local folder lacks what transformers.js needs; a hub id (not a folder here) passes. */
export function checkModelFolder(where: string): void {
  if (!existsSync(where) || !statSync(where).isDirectory()) return;
  const dir = path.resolve(where);
  const missing = ['config.json', 'tokenizer.json'].filter((f) => !existsSync(path.join(dir, f)));
  if (!existsSync(path.join(dir, 'onnx', 'model.onnx')) && !existsSync(path.join(dir, 'onnx', 'model_quantized.onnx'))) missing.push('onnx/model.onnx');
  if (missing.length) throw new ModelError(`${dir} is not a transformers.js model folder (no ${missing.join(', ')}); it needs config.json, tokenizer.json and onnx/model.onnx or onnx/model_quantized.onnx`);
}

/**
 * Loads a transformers.js pipeline from a local model folder (offline: remote models stay disabled),
 * or from a hub id when `where` is not a folder (the user asked for that model by name, so the hub
 * may be reached). The q8 file is preferred when the folder has one.
 */
export async function loadPipeline<T extends 'token-classification' | 'feature-extraction'>(
  task: T,
  where: string,
  threads: number,
): Promise<LoadedPipeline<T extends 'token-classification' ? TokenClassificationPipeline : FeatureExtractionPipeline>> {
  const { env, pipeline, LogLevel } = await import('@huggingface/transformers');
  env.logLevel = LogLevel.ERROR;
  const local = existsSync(where) && statSync(where).isDirectory();
  let id = where;
  let manifest: ModelManifest | undefined;
  let dtype = 'q8';
  if (local) {
    const dir = path.resolve(where);
    manifest = readManifest(dir);
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(dir) + path.sep;
    id = path.basename(dir);
    dtype = manifest?.dtype ?? (existsSync(path.join(dir, 'onnx', 'model_quantized.onnx')) ? 'q8' : 'fp32');
    checkModelFolder(dir);
  } else {
    env.allowRemoteModels = true;
  }
  try {
    const pipe = await pipeline(task, id, { dtype: dtype as 'q8', session_options: { intraOpNumThreads: threads } });
    return { pipe: pipe as never, source: local ? path.resolve(where) : where, ...(manifest ? { manifest } : {}), dtype };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new ModelError(local
      ? `could not load the ${task} model in ${path.resolve(where)} (${reason})`
      : `could not load the ${task} model "${where}": it is not a folder here, and fetching it from the Hugging Face hub failed (${reason}); give the path of a local model folder`);
  }
}
