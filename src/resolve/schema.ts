import { z } from 'zod';
import { EntityTypeSchema } from '../extract/schema.js';
import { OrgKindSchema, PRODUCT_CATEGORIES } from '../lexicon/schema.js';

export const MERGE_REASONS = [
  'same-name',         // the same written form
  'lexicon-alias',     // a name or alias of the same lexicon entry
  'pinyin-homophone',  // same toneless pinyin (ASR homophone), or close in sound within the budget
  'abbreviation',      // a shorter form of the same name (商汤 → 商汤科技)
  'legal-suffix',      // the same name with or without 有限公司/集团
  'honorific',         // surname or given name + honorific referring to an introduced person
  'implied-name',      // a place standing for its government (上海市 → 上海市人民政府)
  'override',          // the user's overrides file
  'embedding',         // sentence-embedding similarity (optional model)
] as const;
export const MergeReasonSchema = z.enum(MERGE_REASONS);
export type MergeReason = z.infer<typeof MergeReasonSchema>;

export const SurfaceFormSchema = z.object({
  form: z.string(),
  count: z.number().int().positive(),
  reason: MergeReasonSchema,
  detail: z.string().optional(),
});
export type SurfaceForm = z.infer<typeof SurfaceFormSchema>;

export const EntitySchema = z.object({
  /** Stable id: label prefix + canonical name (org:中国电信). */
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** Global mention ids (`file#m12`) that resolve to this entity. */
  mentions: z.array(z.string()),
  forms: z.array(SurfaceFormSchema),
  fromLexicon: z.boolean(),
  kind: OrgKindSchema.optional(),
  titles: z.array(z.string()).optional(),
  versions: z.array(z.string()).optional(),
  category: z.enum(PRODUCT_CATEGORIES).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const ReviewItemSchema = z.object({
  type: EntityTypeSchema,
  a: z.string(),
  b: z.string(),
  score: z.number(),
  why: z.string(),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const ResolutionSchema = z.object({
  entities: z.array(EntitySchema),
  /** Global mention id → entity id; mentions left out were dropped (e.g. an honorific with nobody to refer to). */
  mentionEntity: z.record(z.string(), z.string()),
  review: z.array(ReviewItemSchema),
});
export type Resolution = z.infer<typeof ResolutionSchema>;

export function globalMentionId(source: string, mentionId: string): string {
  return `${source}#${mentionId}`;
}

/** The file and the mention id a global mention id is made of (a file name may itself hold a #). */
export function splitGlobalMentionId(gid: string): { source: string; mentionId: string } {
  const at = gid.lastIndexOf('#');
  return { source: gid.slice(0, at), mentionId: gid.slice(at + 1) };
}

export const ID_PREFIX = { Organization: 'org', Person: 'person', Model: 'model', Product: 'product' } as const;
