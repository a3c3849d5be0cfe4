import { z } from 'zod';
import { ExtractionSchema } from '../extract/schema.js';
import { RejectionSchema } from '../ingest/schema.js';
import type { ModelInfo } from '../models/index.js';

/** What an extraction worker is started with. */
export const WorkerSetupSchema = z.object({
  lexiconFiles: z.array(z.string()),
  maxFileBytes: z.number().positive().optional(),
  /** The NER model each worker runs beside its extractor (the options of openModels, embeddings left out). */
  ner: z.object({
    ner: z.enum(['lac', 'none']).optional(),
    nerModel: z.string().optional(),
    nerLabels: z.record(z.string(), z.enum(['PER', 'ORG', 'LOC', 'nz'])).optional(),
    home: z.string().optional(),
    threads: z.number().int().positive().optional(),
  }).optional(),
});
export type WorkerSetup = z.infer<typeof WorkerSetupSchema>;

/** One transcript to read and extract; `index` is its place in the list of inputs. */
export const JobSchema = z.object({ index: z.number().int().nonnegative(), path: z.string() });
export type Job = z.infer<typeof JobSchema>;

export const DocumentSummarySchema = z.object({
  file: z.string(),
  path: z.string(),
  encoding: z.string(),
  /** Lines of the file. */
  lines: z.number().int().nonnegative(),
  mentions: z.number().int().nonnegative(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** What became of one input: its extraction, or why it was rejected. */
export const OutcomeSchema = z.union([
  z.object({ index: z.number().int(), extraction: ExtractionSchema, summary: DocumentSummarySchema, nerMs: z.number().optional() }),
  z.object({ index: z.number().int(), rejection: RejectionSchema }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Messages from a worker: ready once its extractor (and NER model) is built, then one outcome per job; fatal when it cannot start. */
export type WorkerMessage =
  | { type: 'ready'; models?: ModelInfo[] }
  | { type: 'outcome'; outcome: Outcome }
  | { type: 'fatal'; message: string; modelError?: boolean };
