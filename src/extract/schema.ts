import { z } from 'zod';
import { ForumInfoSchema } from '../ingest/schema.js';
import { ENTITY_LABELS } from '../graph/schema.js';
import { OrgKindSchema, PRODUCT_CATEGORIES } from '../lexicon/schema.js';

export const EntityTypeSchema = z.enum(ENTITY_LABELS);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** How a mention was found; resolution and the merge report use it to weigh and explain. */
export const MENTION_METHODS = [
  'lexicon',          // exact name or alias of a lexicon entry
  'lexicon-pinyin',   // same toneless pinyin as a lexicon name (ASR homophone)
  'org-suffix',       // ends in an organisation suffix (公司, 研究院, 大学 …)
  'founded',          // a body named as it is set up (打造AI数据集联创基地)
  'company-named',    // a company named in so many words (我们的子公司萤石网络, 孵化了一家公司，叫地瓜机器人)
  'introduction',     // slot of a stage introduction: organisation + title + name + honorific
  'honorific',        // surname + honorific (赵总, 李部长) referring back to an introduced person
  'model-pattern',    // X大模型, Latin name with version
  'product-pattern',  // named platform, app, device
  'enumeration',      // member of a list whose other members have this type
  'ner-model',        // optional token-classification model
] as const;
export const MentionMethodSchema = z.enum(MENTION_METHODS);
export type MentionMethod = z.infer<typeof MentionMethodSchema>;

export const ExtractedMentionSchema = z.object({
  /** Unique within the document's extraction. */
  id: z.string(),
  type: EntityTypeSchema,
  /** Exact surface in the original line. */
  text: z.string().min(1),
  /** The matching form (simplified, noise removed) used for resolution. */
  form: z.string().min(1),
  source: z.string(),
  line: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  method: MentionMethodSchema,
  /** Canonical name of the lexicon entry it was matched to, if any. */
  lexiconName: z.string().optional(),
  /** For a model or product found by its family (星辰语音大模型, 日日新5.5): the lexicon family it belongs to. */
  family: z.string().optional(),
  /** The name a rule derived for it (上海市 in "上海市副市长" stands for 上海市人民政府). */
  impliedName: z.string().optional(),
  /** For a pinyin match: the syllables that made the two names equal. */
  pinyin: z.string().optional(),
  confidence: z.number().min(0).max(1),
  kind: OrgKindSchema.optional(),
  category: z.enum(PRODUCT_CATEGORIES).optional(),
  titles: z.array(z.string()).optional(),
  versions: z.array(z.string()).optional(),
  /** Another name of the mention with this id, declared by the text (以下简称“锡创数科”): the same entity. */
  aliasOf: z.string().optional(),
  /** For honorific references (赵总): the surname and the honorific, resolved to a nearby full name later. */
  reference: z.object({ surname: z.string(), honorific: z.string() }).optional(),
});
export type ExtractedMention = z.infer<typeof ExtractedMentionSchema>;

export const EvidenceRefSchema = z.object({
  source: z.string(),
  line: z.number().int().positive(),
  quote: z.string().min(1),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const RelationCandidateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('AFFILIATED_WITH'), from: z.string(), to: z.string(), title: z.string().nullable(), evidence: EvidenceRefSchema }),
  z.object({ type: z.literal('DEVELOPS'), from: z.string(), to: z.string(), evidence: EvidenceRefSchema }),
  z.object({ type: z.literal('OFFERS'), from: z.string(), to: z.string(), evidence: EvidenceRefSchema }),
  z.object({ type: z.literal('PARTNERS_WITH'), from: z.string(), to: z.string(), basis: z.enum(['signing', 'stated', 'joint-launch']), evidence: EvidenceRefSchema }),
  z.object({ type: z.literal('SPOKE_AT'), from: z.string(), role: z.string(), evidence: EvidenceRefSchema }),
  z.object({ type: z.literal('ORGANIZED'), from: z.string(), evidence: EvidenceRefSchema }),
]);
export type RelationCandidate = z.infer<typeof RelationCandidateSchema>;

export const SigningCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  /** Mention ids of the organisations that are parties. */
  parties: z.array(z.string()),
  signatories: z.array(z.object({ person: z.string(), onBehalfOf: z.string().nullable() })),
  lines: z.array(z.number().int().positive()),
  evidence: z.array(EvidenceRefSchema).min(1),
});
export type SigningCandidate = z.infer<typeof SigningCandidateSchema>;

export const ExtractionSchema = z.object({
  source: z.string(),
  sha256: z.string(),
  forum: ForumInfoSchema,
  mentions: z.array(ExtractedMentionSchema),
  relations: z.array(RelationCandidateSchema),
  signings: z.array(SigningCandidateSchema),
});
export type Extraction = z.infer<typeof ExtractionSchema>;
