import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import { EntityTypeSchema, type EntityType } from '../extract/schema.js';
import { normalizeName } from '../util/text.js';
import { ID_PREFIX, type Entity, type Resolution } from './schema.js';

/**
 * The user's decisions about resolution (forumkg.resolution.json), applied on every build so that a
 * decision made once stays made: merge entities, split a surface form out of an entity, rename,
 * retype, or drop an entity. Entities are named by their name or any alias, as the graph shows them.
 */
export const OverridesSchema = z.object({
  $schema: z.string().optional(),
  merge: z.array(z.object({
    type: EntityTypeSchema,
    names: z.array(z.string().min(1)).min(2),
    /** The name the merged entity takes (default: the first of `names`). */
    into: z.string().min(1).optional(),
  }).strict()).default([]),
  split: z.array(z.object({
    type: EntityTypeSchema,
    /** The entity the form was wrongly merged into. */
    from: z.string().min(1),
    /** The surface form to take out. */
    form: z.string().min(1),
    /** The name of the entity it becomes (default: the form). */
    as: z.string().min(1).optional(),
  }).strict()).default([]),
  rename: z.array(z.object({ type: EntityTypeSchema, from: z.string().min(1), to: z.string().min(1) }).strict()).default([]),
  retype: z.array(z.object({ name: z.string().min(1), from: EntityTypeSchema, to: EntityTypeSchema }).strict()).default([]),
  ignore: z.array(z.object({ type: EntityTypeSchema, name: z.string().min(1) }).strict()).default([]),
}).strict();
export type Overrides = z.infer<typeof OverridesSchema>;

export class OverridesError extends Error {}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Reads and validates an overrides file; errors name the file and line. */
export function readOverrides(file: string): Overrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new OverridesError(`${file}: cannot read the overrides file (${(error as Error).message})`);
  }
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0]!;
    throw new OverridesError(`${file}:${lineOf(text, e.offset)}: invalid JSON (${printParseErrorCode(e.error)})`);
  }
  const parsed = OverridesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const tree = parseTree(text);
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    let node = tree ? findNodeAtLocation(tree, path) : undefined;
    for (let cut = path.length - 1; !node && tree && cut >= 0; cut--) node = findNodeAtLocation(tree, path.slice(0, cut));
    const where = node ? `:${lineOf(text, node.offset)}` : '';
    throw new OverridesError(`${file}${where}: ${path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** What applying the overrides did, and the rules that matched nothing (worth telling the user). */
export interface OverridesOutcome {
  applied: string[];
  unmatched: string[];
}

/** Applies overrides to a resolution in place: merge, split, rename, retype, ignore (in that order). */
export function applyOverrides(resolution: Resolution, overrides: Overrides, formOfMention: (gid: string) => string | undefined): OverridesOutcome {
  const applied: string[] = [];
  const unmatched: string[] = [];
  const find = (type: EntityType, name: string): Entity | undefined => {
    const key = normalizeName(name);
    const candidates = resolution.entities.filter((e) => e.type === type);
    return candidates.find((e) => normalizeName(e.name) === key) ?? candidates.find((e) => e.aliases.some((a) => normalizeName(a) === key));
  };
  const reassign = (entity: Entity) => {
    for (const gid of entity.mentions) resolution.mentionEntity[gid] = entity.id;
  };
  const setName = (entity: Entity, name: string) => {
    const oldName = entity.name;
    entity.name = name;
    entity.id = `${ID_PREFIX[entity.type]}:${name}`;
    entity.aliases = [...new Set([oldName, ...entity.aliases])].filter((a) => normalizeName(a) !== normalizeName(name));
    reassign(entity);
  };
  const remove = (entity: Entity) => {
    resolution.entities.splice(resolution.entities.indexOf(entity), 1);
  };

  for (const rule of overrides.merge) {
    const entities = rule.names.map((n) => find(rule.type, n)).filter((e): e is Entity => Boolean(e));
    const distinct = [...new Set(entities)];
    if (distinct.length < 2) {
      unmatched.push(`merge ${rule.type} ${rule.names.join(' + ')}: ${distinct.length === 1 ? 'already one entity' : 'names not found'}`);
      continue;
    }
    const [target, ...others] = distinct;
    for (const other of others!) {
      target!.mentions.push(...other.mentions);
      target!.forms.push(...other.forms.map((f) => ({ ...f, reason: 'override' as const })));
      target!.aliases = [...new Set([...target!.aliases, other.name, ...other.aliases])];
      if (other.titles) target!.titles = [...new Set([...(target!.titles ?? []), ...other.titles])];
      remove(other);
    }
    setName(target!, rule.into ?? target!.name);
    applied.push(`merge ${rule.type} ${rule.names.join(' + ')} → ${target!.name}`);
  }
  for (const rule of overrides.split) {
    const entity = find(rule.type, rule.from);
    const moving = entity?.mentions.filter((gid) => formOfMention(gid) === rule.form) ?? [];
    if (!entity || moving.length === 0) {
      unmatched.push(`split ${rule.type} ${rule.form} from ${rule.from}: ${entity ? 'form not found in it' : 'entity not found'}`);
      continue;
    }
    entity.mentions = entity.mentions.filter((gid) => !moving.includes(gid));
    entity.forms = entity.forms.filter((f) => f.form !== rule.form);
    entity.aliases = entity.aliases.filter((a) => a !== rule.form);
    const name = rule.as ?? rule.form;
    const existing = find(rule.type, name);
    if (existing && existing !== entity) {
      existing.mentions.push(...moving);
      reassign(existing);
    } else {
      const created: Entity = { id: `${ID_PREFIX[rule.type]}:${name}`, type: rule.type, name, aliases: name === rule.form ? [] : [rule.form], mentions: moving, forms: [{ form: rule.form, count: moving.length, reason: 'override' }], fromLexicon: false, ...(rule.type === 'Organization' ? { kind: entity.kind ?? 'company' } : {}), ...(rule.type === 'Person' ? { titles: [] } : {}), ...(rule.type === 'Model' ? { versions: [] } : {}), ...(rule.type === 'Product' ? { category: entity.category ?? 'other' } : {}) };
      resolution.entities.push(created);
      reassign(created);
    }
    applied.push(`split ${rule.type} ${rule.form} out of ${rule.from} → ${name}`);
  }
  for (const rule of overrides.rename) {
    const entity = find(rule.type, rule.from);
    if (!entity) {
      unmatched.push(`rename ${rule.type} ${rule.from}: not found`);
      continue;
    }
    setName(entity, rule.to);
    applied.push(`rename ${rule.type} ${rule.from} → ${rule.to}`);
  }
  for (const rule of overrides.retype) {
    const entity = find(rule.from, rule.name);
    if (!entity) {
      unmatched.push(`retype ${rule.name} from ${rule.from}: not found`);
      continue;
    }
    entity.type = rule.to;
    delete entity.kind;
    delete entity.titles;
    delete entity.versions;
    delete entity.category;
    if (rule.to === 'Organization') entity.kind = 'company';
    if (rule.to === 'Person') entity.titles = [];
    if (rule.to === 'Model') entity.versions = [];
    if (rule.to === 'Product') entity.category = 'other';
    setName(entity, entity.name);
    applied.push(`retype ${rule.name}: ${rule.from} → ${rule.to}`);
  }
  for (const rule of overrides.ignore) {
    const entity = find(rule.type, rule.name);
    if (!entity) {
      unmatched.push(`ignore ${rule.type} ${rule.name}: not found`);
      continue;
    }
    for (const gid of entity.mentions) delete resolution.mentionEntity[gid];
    remove(entity);
    applied.push(`ignore ${rule.type} ${rule.name}`);
  }
  // two entities may now share an id (a rename onto an existing name): fold them together
  const byId = new Map<string, Entity>();
  for (const entity of [...resolution.entities]) {
    const first = byId.get(entity.id);
    if (!first) {
      byId.set(entity.id, entity);
      continue;
    }
    first.mentions.push(...entity.mentions);
    first.forms.push(...entity.forms);
    first.aliases = [...new Set([...first.aliases, ...entity.aliases])];
    remove(entity);
  }
  resolution.entities.sort((a, b) => a.id.localeCompare(b.id));
  return { applied, unmatched };
}
