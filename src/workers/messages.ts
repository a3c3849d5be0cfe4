import { z } from 'zod';
import { ExtractionSchema } from '../extract/schema.js';
import { RejectionSchema } from '../ingest/schema.js';

/** What an extraction worker is started with. */
export const WorkerSetupSchema = z.object({
  lexiconFiles: z.array(z.string()),
  maxFileBytes: z.number().positive().optional(),
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
  z.object({ index: z.number().int(), extraction: ExtractionSchema, summary: DocumentSummarySchema }),
  z.object({ index: z.number().int(), rejection: RejectionSchema }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Messages from a worker: ready once its extractor is built, then one outcome per job; fatal when it cannot start. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'outcome'; outcome: Outcome }
  | { type: 'fatal'; message: string };
