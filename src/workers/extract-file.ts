import { extractDocument, type Extractor, type ModelFindings } from '../extract/index.js';
import type { Document } from '../ingest/schema.js';
import { citeFileLines, fileLineCount } from '../ingest/lines.js';
import { isRejection, readDocument } from '../ingest/read.js';
import type { Job, Outcome } from './messages.js';

/**
 * Reads one transcript and extracts it, citing file lines; a rejection when it cannot be read, or when
 * extraction fails on it (a bug: that file is reported, the build goes on).
 */
export async function extractFile(
  job: Job,
  extractor: Extractor,
  maxFileBytes?: number,
  findings?: (doc: Document) => Promise<ModelFindings>,
): Promise<Outcome> {
  const doc = await readDocument(job.path, { maxFileBytes });
  if (isRejection(doc)) return { index: job.index, rejection: doc };
  // a failing model is the user's to fix (another model, or --no-models): it stops the build
  const found = findings ? await findings(doc) : {};
  try {
    const extraction = citeFileLines(extractDocument(doc, extractor, found), doc);
    return {
      index: job.index,
      extraction,
      summary: { file: doc.file, path: doc.path, encoding: doc.encoding, lines: fileLineCount(doc), mentions: extraction.mentions.length },
    };
  } catch (error) {
    return { index: job.index, rejection: { path: doc.path, reason: `extraction failed (${(error as Error).message}); please report this with the file` } };
  }
}
