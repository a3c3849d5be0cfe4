import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { E5_SPEC, LAC_SPEC, type ModelSpec } from './specs.js';

/** Written last into every prepared model folder; a folder without it is not a model (an interrupted setup). */
export const MODEL_MANIFEST = 'forumkg-model.json';

export const ModelManifestSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  task: z.enum(['lac', 'token-classification', 'feature-extraction']),
  license: z.string().optional(),
  /** Where the weights came from. */
  source: z.object({ package: z.string(), version: z.string(), file: z.string(), sha256: z.string() }).optional(),
  /** transformers.js dtype of the ONNX file (q8 → onnx/model_quantized.onnx). */
  dtype: z.string().optional(),
  /** Text put before every input (multilingual-e5 expects "query: "). */
  prefix: z.string().optional(),
  /** For token classification: the model's entity labels (without B-/I-) → PER, ORG, LOC or nz. */
  labels: z.record(z.string(), z.enum(['PER', 'ORG', 'LOC', 'nz'])).optional(),
});
export type ModelManifest = z.infer<typeof ModelManifestSchema>;

export interface InstalledModel {
  dir: string;
  manifest: ModelManifest;
}

/** The models cache: $FORUMKG_MODELS, else ~/.cache/forumkg/models (XDG_CACHE_HOME respected). */
export function modelsHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FORUMKG_MODELS) return path.resolve(env.FORUMKG_MODELS);
  const cache = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(cache, 'forumkg', 'models');
}

/** The manifest of a model folder, or undefined when the folder has none (or an unreadable one). */
export function readManifest(dir: string): ModelManifest | undefined {
  const file = path.join(dir, MODEL_MANIFEST);
  if (!existsSync(file)) return undefined;
  try {
    return ModelManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function installed(home: string, spec: ModelSpec): InstalledModel | undefined {
  const dir = path.join(home, spec.folder);
  const manifest = readManifest(dir);
  return manifest && manifest.version === spec.pypi.version ? { dir, manifest } : undefined;
}

/** The models `npm run models` prepared in the cache, if any. Reads two small files; loads nothing. */
export function findModels(home: string = modelsHome()): { lac?: InstalledModel; embed?: InstalledModel } {
  const lac = installed(home, LAC_SPEC);
  const embed = installed(home, E5_SPEC);
  return { ...(lac ? { lac } : {}), ...(embed ? { embed } : {}) };
}
