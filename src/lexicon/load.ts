import { readFileSync } from 'node:fs';
import { z } from 'zod';
import organizations from './data/organizations.json' with { type: 'json' };
import models from './data/models.json' with { type: 'json' };
import products from './data/products.json' with { type: 'json' };
import people from './data/people.json' with { type: 'json' };
import titles from './data/titles.json' with { type: 'json' };
import orgSuffixes from './data/org_suffixes.json' with { type: 'json' };
import honorifics from './data/honorifics.json' with { type: 'json' };
import surnames from './data/surnames.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import genericTerms from './data/generic_terms.json' with { type: 'json' };
import { LexiconFilesSchema, UserLexiconSchema, type LexiconFiles, type UserLexicon } from './schema.js';

export class LexiconError extends Error {}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
}

/** The lexicons shipped with forumkg (src/lexicon/data), validated. */
export function builtinLexiconFiles(): LexiconFiles {
  const parsed = LexiconFilesSchema.safeParse({
    organizations, models, products, people, titles, orgSuffixes, honorifics, surnames, places, genericTerms,
  });
  if (!parsed.success) throw new LexiconError(`built-in lexicon is invalid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Reads a user's lexicon file (JSON with any of organizations, models, products, people, titles). */
export function readUserLexicon(file: string): UserLexicon {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LexiconError(`${file}: cannot read the lexicon file (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LexiconError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = UserLexiconSchema.safeParse(json);
  if (!parsed.success) throw new LexiconError(`${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Built-in lexicon files with the user's entries added (a user entry with the same name replaces the built-in one). */
export function mergeLexiconFiles(base: LexiconFiles, extras: UserLexicon[]): LexiconFiles {
  const merged = structuredClone(base);
  const replace = <T extends { name: string }>(list: T[], more: T[] | undefined) => {
    if (!more) return list;
    const names = new Set(more.map((e) => e.name));
    return [...list.filter((e) => !names.has(e.name)), ...more];
  };
  for (const extra of extras) {
    merged.organizations.entries = replace(merged.organizations.entries, extra.organizations);
    merged.models.entries = replace(merged.models.entries, extra.models);
    merged.products.entries = replace(merged.products.entries, extra.products);
    merged.people.entries = replace(merged.people.entries, extra.people);
    if (extra.titles) merged.titles.items = [...new Set([...merged.titles.items, ...extra.titles])];
  }
  return merged;
}
