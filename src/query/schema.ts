import { z } from 'zod';
import { EvidenceSchema, NODE_LABELS } from '../graph/schema.js';

/** The answers `forumkg partners|org|person|signings` give, as printed by --json. */

export const RefSchema = z.object({ id: z.string(), name: z.string() });
export const ForumRefSchema = z.object({ id: z.string(), title: z.string(), date: z.string().nullable() });
export type ForumRef = z.infer<typeof ForumRefSchema>;
const evidence = z.array(EvidenceSchema);

export const PartnerSchema = z.object({
  partner: RefSchema,
  basis: z.string(),
  forums: z.array(ForumRefSchema),
  evidence,
});
export const PartnersAnswerSchema = z.object({
  organization: RefSchema,
  partners: z.array(PartnerSchema),
});
export type PartnersAnswer = z.infer<typeof PartnersAnswerSchema>;

export const SigningRefSchema = RefSchema.extend({ date: z.string().nullable(), forum: ForumRefSchema.nullable() });

/** A forum an entity appears in: its roles there (organiser, speaker, host …) and how often it is mentioned. */
export const ForumPresenceSchema = ForumRefSchema.extend({ roles: z.array(z.string()), mentions: z.number().int() });

export const OrganizationAnswerSchema = z.object({
  organization: RefSchema.extend({ kind: z.string(), aliases: z.array(z.string()) }),
  people: z.array(RefSchema.extend({ title: z.string().nullable(), titles: z.array(z.string()), evidence })),
  models: z.array(RefSchema.extend({ versions: z.array(z.string()), evidence })),
  products: z.array(RefSchema.extend({ category: z.string(), evidence })),
  signings: z.array(SigningRefSchema.extend({ evidence })),
  forums: z.array(ForumPresenceSchema),
  partners: z.array(RefSchema.extend({ basis: z.string() })),
});
export type OrganizationAnswer = z.infer<typeof OrganizationAnswerSchema>;

export const PersonAnswerSchema = z.object({
  person: RefSchema.extend({ aliases: z.array(z.string()), titles: z.array(z.string()) }),
  employers: z.array(RefSchema.extend({ title: z.string().nullable(), evidence })),
  forums: z.array(ForumPresenceSchema),
  signings: z.array(SigningRefSchema.extend({ onBehalfOf: z.string().nullable(), evidence })),
});
export type PersonAnswer = z.infer<typeof PersonAnswerSchema>;

export const SigningSchema = SigningRefSchema.extend({
  subject: z.string(),
  parties: z.array(RefSchema),
  signatories: z.array(RefSchema.extend({ onBehalfOf: z.string().nullable() })),
  evidence,
});
export type Signing = z.infer<typeof SigningSchema>;
export const SigningsAnswerSchema = z.object({
  forum: ForumRefSchema.nullable(),
  signings: z.array(SigningSchema),
});
export type SigningsAnswer = z.infer<typeof SigningsAnswerSchema>;

/** A node offered when a name is ambiguous or unknown. */
export const CandidateSchema = z.object({
  id: z.string(),
  label: z.enum(NODE_LABELS),
  name: z.string(),
  /** What tells it apart: an employer and title, a kind, a date. */
  detail: z.string(),
  /** Why it was suggested: the form that matched, or how close it is. */
  reason: z.string(),
});
export type Candidate = z.infer<typeof CandidateSchema>;
