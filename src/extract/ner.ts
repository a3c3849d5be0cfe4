import { z } from 'zod';
import type { DocumentContext } from './context.js';
import { isPlausibleName } from './names.js';

/** A span a token-classification model found on a line (character offsets into the line's matching text). */
export const NerSpanSchema = z.object({
  line: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** PER, ORG, LOC, or nz (other proper noun: a model or product candidate). */
  label: z.enum(['PER', 'ORG', 'LOC', 'nz']),
  score: z.number().min(0).max(1).optional(),
});
export type NerSpan = z.infer<typeof NerSpanSchema>;

/**
 * Adds a model's spans as mentions beside the rule mentions. The rules and lexicons stay in charge: a
 * span that overlaps a rule or lexicon mention, is a known place, title or generic word, or is not
 * shaped like a name of its type, is left out.
 */
export function addModelMentions(ctx: DocumentContext, spans: NerSpan[]): void {
  const { lexicon } = ctx;
  for (const span of spans) {
    if (span.label === 'LOC' || span.label === 'nz') continue;
    const line = ctx.line(span.line);
    if (!line || span.end > line.text.length || span.start >= span.end) continue;
    if (ctx.overlapping(span.line, span.start, span.end).length > 0) continue;
    const text = line.text.slice(span.start, span.end);
    if (lexicon.places.has(text) || lexicon.titleSet.has(text) || lexicon.orgWords.has(text)) continue;
    if (span.label === 'PER' && !isPlausibleName(text, lexicon)) continue;
    if (span.label === 'ORG' && [...text].length < 2) continue;
    ctx.addMention({
      type: span.label === 'PER' ? 'Person' : 'Organization',
      start: span.start, end: span.end, line: span.line, method: 'ner-model', confidence: span.score ?? 0.6,
    }, line);
  }
}
