import { z } from 'zod';

/**
 * One line of a transcript: its 1-based number, the text as read and the text used for matching. A file
 * line longer than a paragraph is cut into several logical lines (see ingest/lines.ts); `number` counts
 * logical lines (it is the index into `Document.lines` plus one) and `fileLine` gives the file's line.
 */
export const LineSchema = z.object({
  number: z.number().int().positive(),
  /** The line of the file this logical line comes from, when it differs from `number`. */
  fileLine: z.number().int().positive().optional(),
  /** Where this piece's `text` starts in the matching text of the whole file line (for cut lines). */
  fileOffset: z.number().int().nonnegative().optional(),
  /** The line (or piece of a cut line) as decoded from the file (BOM and line ending removed). */
  original: z.string(),
  /**
   * What the extractor matches against: image links, emoji and music marks removed, traditional
   * characters converted to simplified, full-width ASCII folded. Empty for lines with nothing to match.
   */
  text: z.string(),
  /** For each UTF-16 unit of `text`, its index in `original`; absent when the two are identical. */
  map: z.array(z.number().int().nonnegative()).optional(),
});
export type Line = z.infer<typeof LineSchema>;

export const ForumInfoSchema = z.object({
  title: z.string().min(1),
  /** ISO date (YYYY-MM-DD) when the title or text carries one. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The bigger event this forum belongs to, when the title names it (e.g. 2024世界人工智能大会). */
  series: z.string().nullable(),
});
export type ForumInfo = z.infer<typeof ForumInfoSchema>;

export const DocumentSchema = z.object({
  /** File name, as used in mentions and evidence (`source`). */
  file: z.string().min(1),
  /** Path the file was read from. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
  forum: ForumInfoSchema,
  lines: z.array(LineSchema),
});
export type Document = z.infer<typeof DocumentSchema>;

export const RejectionSchema = z.object({
  path: z.string(),
  reason: z.string(),
});
export type Rejection = z.infer<typeof RejectionSchema>;
