import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A hand-made gold annotation of one transcript (format: tests/gold/README.md). */
export const GoldEntitySchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  surface: z.array(z.string()).default([]),
  salience: z.enum(['core', 'passing']).default('passing'),
  attrs: z.record(z.string(), z.unknown()).default({}),
  lines: z.array(z.number()).default([]),
});

export const GoldSchema = z.object({
  source: z.string(),
  forum: z.object({ title: z.string(), date: z.string().nullable(), organizers: z.array(z.string()).default([]) }).loose(),
  entities: z.array(GoldEntitySchema),
  signings: z.array(z.object({
    id: z.string(),
    name: z.string(),
    parties: z.array(z.string()),
    signatories: z.array(z.string()).default([]),
    subject: z.string().default(''),
    lines: z.array(z.number()).default([]),
  }).loose()).default([]),
  relations: z.array(z.object({
    type: z.string(),
    from: z.string(),
    to: z.string(),
    title: z.string().optional(),
    lines: z.array(z.number()).default([]),
  }).loose()).default([]),
  notes: z.array(z.string()).default([]),
});
export type Gold = z.infer<typeof GoldSchema>;
export type GoldEntity = z.infer<typeof GoldEntitySchema>;

export class GoldError extends Error {}

/** Reads gold files: a file, or every .json file of a folder. */
export function readGold(target: string): Gold[] {
  let files: string[];
  try {
    files = statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(target, f))
      : [target];
  } catch (error) {
    throw new GoldError(`${target}: cannot read gold annotations (${(error as Error).message})`);
  }
  if (files.length === 0) throw new GoldError(`${target}: no .json gold files found`);
  return files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new GoldError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = GoldSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new GoldError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
}
