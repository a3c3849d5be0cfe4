import { z } from 'zod';

export const ORG_KINDS = ['company', 'government', 'research', 'university', 'association', 'other'] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

const names = z.array(z.string().min(1)).default([]);

export const OrgEntrySchema = z.object({
  name: z.string().min(1),
  kind: OrgKindSchema,
  aliases: names,
  weakAliases: names,
  parent: z.string().nullable().default(null),
}).loose();

export const ModelEntrySchema = z.object({
  name: z.string().min(1),
  aliases: names,
  weakAliases: names,
  developer: z.string().nullable().default(null),
  family: z.string().nullable().default(null),
}).loose();

export const PRODUCT_CATEGORIES = ['chip', 'cloud', 'platform', 'app', 'device', 'software', 'service', 'os', 'vehicle', 'other'] as const;
export const ProductEntrySchema = z.object({
  name: z.string().min(1),
  aliases: names,
  weakAliases: names,
  owner: z.string().nullable().default(null),
  category: z.enum(PRODUCT_CATEGORIES).catch('other'),
}).loose();

export const PersonEntrySchema = z.object({
  name: z.string().min(1),
  aliases: names,
  titles: names,
  affiliation: z.string().nullable().default(null),
}).loose();

export const SuffixEntrySchema = z.object({
  suffix: z.string().min(1),
  kind: OrgKindSchema,
  strength: z.enum(['strong', 'weak', 'slot']),
  /** words that, right after a weak suffix, make it the start of a common phrase (科技 + 创新), not a name's end */
  notBefore: z.array(z.string().min(1)).default([]),
});

const entriesFile = <T extends z.ZodTypeAny>(entry: T) => z.object({ description: z.string().optional(), entries: z.array(entry) });
const itemsFile = z.object({ description: z.string().optional(), items: z.array(z.string().min(1)) });

export const LexiconFilesSchema = z.object({
  organizations: entriesFile(OrgEntrySchema),
  models: entriesFile(ModelEntrySchema),
  products: entriesFile(ProductEntrySchema),
  people: entriesFile(PersonEntrySchema),
  titles: itemsFile.extend({
    /** Words a title ending in one of `heads` may carry in front (青年 + 科学家, 资深 + 副总裁). */
    grades: z.object({ words: z.array(z.string().min(1)), heads: z.array(z.string().min(1)) }).default({ words: [], heads: [] }),
    /** Regions a title may be scoped to (中国区 + 联席总裁); every title is also known with each in front. */
    scopes: z.array(z.string().min(1)).default([]),
    /** Words speech recognition hears in place of a title's word (联系 for 联席); titles are also known so heard. */
    soundAlikes: z.array(z.object({ heard: z.string().min(1), meant: z.string().min(1) })).default([]),
    /** Words an English title ends with ("chief technology officer", "founder"), for English introductions. */
    englishTitleWords: z.array(z.string().min(1)).default([]),
    /** Titles of a place's government said after the place alone (上海市副市长), and the body they belong to (人民政府). */
    placeGovernment: z.object({ titles: z.array(z.string().min(1)), body: z.string().min(1) }).default({ titles: [], body: '人民政府' }),
  }),
  orgSuffixes: entriesFile(SuffixEntrySchema),
  honorifics: itemsFile.extend({ englishItems: z.array(z.string()).default([]) }),
  surnames: itemsFile,
  places: itemsFile,
  genericTerms: z.object({
    description: z.string().optional(),
    orgWords: z.array(z.string()),
    bareEndings: z.array(z.string()).default([]),
    modelWordVariants: z.array(z.string()).default([]),
    modelModifiers: z.array(z.string()),
    productWords: z.array(z.string()),
    latinTerms: z.array(z.string()).default([]),
    englishOrgWords: z.array(z.string()).default([]),
    venueEndings: z.array(z.string()).default([]),
  }),
});

export type OrgEntry = z.infer<typeof OrgEntrySchema>;
export type ModelEntry = z.infer<typeof ModelEntrySchema>;
export type ProductEntry = z.infer<typeof ProductEntrySchema>;
export type PersonEntry = z.infer<typeof PersonEntrySchema>;
export type SuffixEntry = z.infer<typeof SuffixEntrySchema>;
export type LexiconFiles = z.infer<typeof LexiconFilesSchema>;

/** A user's extra lexicon file: any subset of the entity lists, merged over the built-in ones. */
export const UserLexiconSchema = z.object({
  organizations: z.array(OrgEntrySchema).optional(),
  models: z.array(ModelEntrySchema).optional(),
  products: z.array(ProductEntrySchema).optional(),
  people: z.array(PersonEntrySchema).optional(),
  titles: z.array(z.string()).optional(),
}).strict();
export type UserLexicon = z.infer<typeof UserLexiconSchema>;
