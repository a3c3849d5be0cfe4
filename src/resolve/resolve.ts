import type { EntityType, Extraction, ExtractedMention } from '../extract/schema.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { displayPinyin, foldedKey, fuzzyBudget, latinLetters, nameCost, spellsName } from '../lexicon/pinyin.js';
import { editDistance, normalizeName } from '../util/text.js';
import { ID_PREFIX, globalMentionId, type Entity, type MergeReason, type Resolution, type ReviewItem } from './schema.js';

/** Legal and group endings that do not change which organisation is meant. */
const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司)$/;
/** Extra sound distance allowed when the lexicon entity is a main actor of the same transcript. */
const CONTEXT_LEEWAY = 0.2;
const MAIN_ACTOR_MENTIONS = 5;
/** How many lines after an honorific reference the person it names may first be introduced. */
const FORWARD_REFERENCE_LINES = 80;
/** How many lines back a guest introduced by a title may be thanked by that title and a misheard surname. */
const RECENT_TITLE_LINES = 20;
/** How far above the merge budget a sound match still goes on the review list. */
const REVIEW_SLACK = 0.6;
/** How much each extraction method counts when choosing the written form that names an entity. */
const METHOD_WEIGHT: Record<string, number> = {
  lexicon: 3, introduction: 2, 'org-suffix': 2, founded: 2, 'company-named': 2, 'model-pattern': 1.5, 'product-pattern': 1.5,
  'lexicon-pinyin': 0.5, enumeration: 1, honorific: 0.2, 'ner-model': 1,
};

interface Located extends ExtractedMention {
  gid: string;
}

interface Group {
  key: string;
  type: EntityType;
  lexiconName?: string;
  impliedName?: string;
  mentions: Located[];
  reasons: Map<string, { reason: MergeReason; detail?: string }>;
  parent?: Group;
}

function root(g: Group): Group {
  while (g.parent) g = g.parent;
  return g;
}

export interface ResolveOptions {
  /**
   * Extra merge decisions, e.g. from an embedding model, applied before names are chosen. Each side is
   * a global mention id (file#m12) of the entity, or its name; two lexicon entities are never merged.
   */
  extraMerges?: Array<{ type: EntityType; a: string; b: string; reason: MergeReason; detail?: string }>;
  /**
   * Names of entities in an earlier build (its graph.json): an entity found again under one of their
   * forms keeps that name, and so its id, even when more transcripts would make another form the most
   * frequent. This keeps ids stable as transcripts are added.
   */
  pinned?: Array<{ type: EntityType; name: string; forms: string[] }>;
}

/**
 * Clusters the mentions of all transcripts into entities: lexicon names and aliases, ASR homophones
 * (toneless pinyin), abbreviations and legal suffixes, honorific references to introduced people; picks
 * each entity's canonical name (the lexicon's, or the best-attested form) and keeps every other form.
 */
export function resolve(extractions: Extraction[], lexicon: Lexicon, options: ResolveOptions = {}): Resolution {
  const groups = new Map<string, Group>();
  const references: Located[] = [];
  const review: ReviewItem[] = [];

  const groupOfMention = new Map<string, Group>();
  const groupFor = (key: string, type: EntityType, init: Partial<Group> = {}): Group => {
    let g = groups.get(key);
    if (!g) {
      g = { key, type, mentions: [], reasons: new Map(), ...init };
      groups.set(key, g);
    }
    return g;
  };
  const lexiconGroup = (type: EntityType, name: string) => groupFor(`${type}|lex|${name}`, type, { lexiconName: name });

  for (const extraction of extractions) {
    for (const m of extraction.mentions) {
      const located: Located = { ...m, gid: globalMentionId(extraction.source, m.id) };
      if (m.reference) {
        references.push(located);
        continue;
      }
      let group: Group;
      if (m.lexiconName) {
        group = lexiconGroup(m.type, m.lexiconName);
        const reason: MergeReason = m.method === 'lexicon-pinyin' ? 'pinyin-homophone' : normalizeName(m.form) === normalizeName(m.lexiconName) ? 'same-name' : 'lexicon-alias';
        noteReason(group, m.form, reason, m.pinyin ? `${m.pinyin} ≈ ${displayPinyin(m.lexiconName)}` : undefined);
      } else if (m.impliedName) {
        const known = lexicon.lookup(m.impliedName, m.type) ?? lexicon.closestMixed(m.impliedName)?.entry;
        group = known ? lexiconGroup(known.type, known.name) : groupFor(`${m.type}|name|${m.impliedName}`, m.type, { impliedName: m.impliedName });
        noteReason(group, m.form, 'implied-name');
      } else {
        group = groupFor(`${m.type}|form|${normalizeName(m.form)}`, m.type);
        noteReason(group, m.form, 'same-name');
      }
      group.mentions.push(located);
      groupOfMention.set(located.gid, group);
    }
  }

  const union = (from: Group, to: Group, reason: MergeReason, detail?: string) => {
    let a = root(from);
    let b = root(to);
    if (a === b) return;
    // the lexicon's entity stays the root, so that its name is kept
    if (a.lexiconName && !b.lexiconName) [a, b] = [b, a];
    a.parent = b;
    for (const m of a.mentions) noteReason(b, m.form, a.lexiconName ? 'lexicon-alias' : reason, detail);
  };

  // lexicon entities that are main actors of a transcript (named at least five times there)
  const mainActorsByDoc = new Map<string, Set<string>>();
  for (const x of extractions) {
    const counts = new Map<string, number>();
    for (const m of x.mentions) if (m.lexiconName) counts.set(m.lexiconName, (counts.get(m.lexiconName) ?? 0) + 1);
    mainActorsByDoc.set(x.source, new Set([...counts].filter(([, c]) => c >= MAIN_ACTOR_MENTIONS).map(([n]) => n)));
  }
  const orgNamesByDoc = new Map<string, Set<string>>();
  for (const x of extractions) orgNamesByDoc.set(x.source, new Set(x.mentions.filter((m) => m.type === 'Organization' && m.lexiconName).map((m) => m.lexiconName!)));
  const namedInSameTranscript = (g: Group, name: string) => g.mentions.some((m) => mainActorsByDoc.get(m.source)?.has(name));

  // 1. rule-found names that the lexicon knows: by alias, without the legal suffix, or by sound
  const matchLexicon = (g: Group): void => {
    if (g.lexiconName || g.impliedName) return;
    const form = g.mentions[0]!.form;
    const exact = lexicon.lookup(form);
    if (exact && (exact.type === g.type || g.type === 'Organization' || exact.type === 'Organization')) {
      union(g, lexiconGroup(exact.type, exact.name), 'lexicon-alias');
      return;
    }
    const core = form.replace(LEGAL_SUFFIX, '');
    if (core !== form && core.length >= 2) {
      // the registered name: the company's name with its legal ending, after the city it is registered in
      // (杭州宇树科技有限公司 → 宇树科技)
      const place = lexicon.leadingPlace(core);
      const known = lexicon.lookup(core, g.type) ?? (place && core.length - place.length >= 2 ? lexicon.lookup(core.slice(place.length), g.type) : undefined);
      if (known) {
        union(g, lexiconGroup(known.type, known.name), 'legal-suffix');
        return;
      }
    }
    // a well-known person's name written with homophones (徐丽 → 徐立) where their organisation is named too
    if (g.type === 'Person') {
      const famous = lexicon.homophone(form, 'Person');
      if (famous?.owner && g.mentions.some((m) => orgNamesByDoc.get(m.source)?.has(famous.owner!))) {
        union(g, lexiconGroup('Person', famous.name), 'pinyin-homophone', `${displayPinyin(form)} = ${displayPinyin(famous.name)}, of ${famous.owner}`);
        return;
      }
    }
    // the name without its ending, written with homophones (库帕斯科技 → 库帕思)
    const stem = form.replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|集团|公司|科技)$/, '');
    const stemHomophone = g.type === 'Organization' && stem !== form && [...stem].length >= 2 ? lexicon.homophone(stem, 'Organization') : undefined;
    if (stemHomophone) {
      union(g, lexiconGroup('Organization', stemHomophone.name), 'pinyin-homophone', `${displayPinyin(stem)} = ${displayPinyin(stemHomophone.name)}`);
      return;
    }
    const mixed = lexicon.closestMixed(form);
    if (mixed && (mixed.entry.type === g.type || g.type !== 'Person')) {
      union(g, lexiconGroup(mixed.entry.type, mixed.entry.name), 'lexicon-alias', `${form} ≈ ${mixed.form} (spelling, distance ${mixed.distance})`);
      return;
    }
    const latin = lexicon.closestLatin(form);
    // one letter off a four-letter name of another type is another name (Zoom, a product, is not Zoox, a company)
    const retypes = latin && latin.entry.type !== g.type;
    if (latin && (latin.entry.type === g.type || ((g.type === 'Product' || g.type === 'Model') && !(retypes && latin.distance > 0 && form.length < 5)))) {
      union(g, lexiconGroup(latin.entry.type, latin.entry.name), 'lexicon-alias', `${form} ≈ ${latin.form} (spelling, distance ${latin.distance})`);
      return;
    }
    const reordered = g.type === 'Organization' ? lexicon.anagram(form) : undefined;
    if (reordered) {
      union(g, lexiconGroup('Organization', reordered.name), 'lexicon-alias', `${form}: the characters of ${reordered.name} in another order`);
      return;
    }
    if (g.type === 'Organization' || g.type === 'Model' || g.type === 'Product') {
      const close = lexicon.closest(form, g.type, REVIEW_SLACK);
      // a little more leeway when the lexicon's entity is named in the same transcript with the same ending (商南科技 / 商汤科技)
      const anchored = close && !close.withinBudget && close.cost <= fuzzyBudget([...form].length) + CONTEXT_LEEWAY &&
        form.slice(-2) === close.form.slice(-2) && namedInSameTranscript(g, close.entry.name);
      if (close?.withinBudget || anchored) {
        union(g, lexiconGroup(close.entry.type, close.entry.name), 'pinyin-homophone', `${displayPinyin(form)} ≈ ${displayPinyin(close.form)} (cost ${close.cost.toFixed(1)})`);
        return;
      }
      if (close) review.push({ type: g.type, a: form, b: close.entry.name, score: close.cost, why: `sounds close to the lexicon's ${close.form}: ${displayPinyin(form)} / ${displayPinyin(close.form)}` });
    }
  };
  // organisations first, so that a person's organisation found under a misheard name counts as named
  const extracted = [...groups.values()];
  for (const g of extracted) if (g.type !== 'Person') matchLexicon(g);
  for (const o of groups.values()) {
    const known = o.type === 'Organization' ? root(o).lexiconName : undefined;
    if (known) for (const m of o.mentions) orgNamesByDoc.get(m.source)?.add(known);
  }
  for (const g of extracted) if (g.type === 'Person') matchLexicon(g);

  // names the text declared for one another (以下简称“锡创数科”); union keeps a lexicon entity the root
  for (const x of extractions) {
    for (const m of x.mentions) {
      if (!m.aliasOf) continue;
      const alias = groupOfMention.get(globalMentionId(x.source, m.id));
      const named = groupOfMention.get(globalMentionId(x.source, m.aliasOf));
      if (!alias || !named || (root(alias).lexiconName && root(named).lexiconName)) continue;
      union(alias, named, 'abbreviation', `${m.form}: declared for ${named.mentions[0]!.form}`);
    }
  }

  // 2. rule-found names among themselves
  const open = [...groups.values()].filter((g) => !g.parent && !g.lexiconName);
  const byForm = new Map<string, Group>();
  for (const g of open) byForm.set(`${g.type}|${g.mentions[0]!.form}`, g);
  for (const g of open) if (g.impliedName && !byForm.has(`${g.type}|${g.impliedName}`)) byForm.set(`${g.type}|${g.impliedName}`, g);
  for (const g of open) {
    if (g.type !== 'Organization') continue;
    const form = g.impliedName ?? g.mentions[0]!.form;
    // 商汤 → 商汤科技; 南方航空集团 → 南方航空
    for (const s of lexicon.suffixes) {
      const longer = byForm.get(`Organization|${form}${s.suffix}`);
      if (longer && longer !== g) {
        union(g, longer, 'abbreviation');
        break;
      }
    }
    const core = form.replace(LEGAL_SUFFIX, '');
    if (core !== form) {
      const shorter = byForm.get(`Organization|${core}`);
      if (shorter && root(shorter) !== root(g)) union(shorter, g, 'legal-suffix');
    }
  }
  const byPinyin = new Map<string, Group>();
  for (const g of open) {
    if (g.parent) continue;
    const form = g.mentions[0]!.form;
    if ([...form].length < (g.type === 'Person' ? 2 : 3)) continue;
    const docs = g.type === 'Person' ? [...new Set(g.mentions.map((m) => m.source))] : ['*'];
    const sound = foldedKey(g.type === 'Organization' ? lexicon.withOneModelWord(form) : form);
    for (const doc of docs) {
      const key = `${g.type}|${doc}|${sound}`;
      const other = byPinyin.get(key);
      if (other && root(other) !== root(g)) union(g, other, 'pinyin-homophone', `${displayPinyin(form)} = ${displayPinyin(other.mentions[0]!.form)}`);
      else byPinyin.set(key, g);
    }
  }
  // people of one transcript whose names differ by one near syllable (王桂荣 / 王国荣)
  const peopleByDocAndSurname = new Map<string, Group[]>();
  for (const g of open) {
    if (g.type !== 'Person' || g.parent) continue;
    for (const doc of new Set(g.mentions.map((m) => m.source))) {
      const key = `${doc}|${g.mentions[0]!.form[0]}`;
      const list = peopleByDocAndSurname.get(key) ?? [];
      list.push(g);
      peopleByDocAndSurname.set(key, list);
    }
  }
  for (const list of peopleByDocAndSurname.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!.mentions[0]!.form;
        const b = list[j]!.mentions[0]!.form;
        if (root(list[i]!) === root(list[j]!)) continue;
        const cost = nameCost(a, b);
        if (cost <= 0.6 && [...a].length >= 3) union(list[i]!, list[j]!, 'pinyin-homophone', `${displayPinyin(a)} ≈ ${displayPinyin(b)} (cost ${cost.toFixed(1)})`);
        else if (cost <= 1.2) review.push({ type: 'Person', a, b, score: cost, why: `similar sound in one transcript: ${displayPinyin(a)} / ${displayPinyin(b)}` });
      }
    }
  }
  mergeWithinTranscripts(groups, union, lexicon);

  // an extra merge names each side by one of its mentions (file#m12), or as an entity is named: a
  // lexicon name, an implied name or a written form
  const named = (type: EntityType, name: string) =>
    groupOfMention.get(name) ?? groups.get(`${type}|lex|${name}`) ?? groups.get(`${type}|name|${name}`) ?? byForm.get(`${type}|${name}`) ?? groups.get(`${type}|form|${normalizeName(name)}`);
  for (const extra of options.extraMerges ?? []) {
    const a = named(extra.type, extra.a);
    const b = named(extra.type, extra.b);
    if (!a || !b) continue;
    // two lexicon entities stay apart; a lexicon entity stays the root, so that it keeps its name
    if (root(a).lexiconName && root(b).lexiconName) continue;
    if (root(a).lexiconName) union(b, a, extra.reason, extra.detail);
    else union(a, b, extra.reason, extra.detail);
  }

  // 3. entities
  const entities: Entity[] = [];
  const entityOfGroup = new Map<Group, Entity>();
  const mentionEntity: Record<string, string> = {};
  const members = new Map<Group, Located[]>();
  const reasonsOf = new Map<Group, Map<string, { reason: MergeReason; detail?: string }>>();
  for (const g of groups.values()) {
    const r = root(g);
    const list = members.get(r);
    if (list) list.push(...g.mentions);
    else members.set(r, [...g.mentions]);
    const reasons = reasonsOf.get(r) ?? new Map();
    for (const [form, why] of g.reasons) if (!reasons.has(form) || why.reason !== 'same-name') reasons.set(form, why);
    reasonsOf.set(r, reasons);
  }
  const entityById = new Map<string, Entity>();
  const pinnedByForm = new Map<string, string>();
  for (const p of options.pinned ?? []) for (const f of [p.name, ...p.forms]) pinnedByForm.set(`${p.type}|${normalizeName(f)}`, p.name);
  for (const [r, mentions] of members) {
    if (mentions.length === 0) continue;
    const entity = buildEntity(r, mentions, reasonsOf.get(r)!, lexicon, pinnedByForm);
    const existing = entityById.get(entity.id);
    if (existing) {
      mergeInto(existing, entity);
      entityOfGroup.set(r, existing);
    } else {
      entityById.set(entity.id, entity);
      entities.push(entity);
      entityOfGroup.set(r, entity);
    }
  }
  for (const [r, entity] of entityOfGroup) for (const m of members.get(r)!) mentionEntity[m.gid] = entity.id;

  // 4. honorific references: the person of that surname (or given name) introduced nearest before, else after
  const peopleByDoc = new Map<string, Array<{ entity: Entity; line: number; start: number; titles: string[] }>>();
  const groupsOfEntity = new Map<Entity, Group[]>();
  for (const [r, e] of entityOfGroup) if (e.type === 'Person') pushTo(groupsOfEntity, e, r);
  for (const entity of entities) {
    if (entity.type !== 'Person') continue;
    for (const r of groupsOfEntity.get(entity) ?? []) {
      for (const m of members.get(r)!) {
        const list = peopleByDoc.get(m.source) ?? [];
        list.push({ entity, line: m.line, start: m.start, titles: m.titles ?? [] });
        peopleByDoc.set(m.source, list);
      }
    }
  }
  const sounds = new Map<string, string>();
  const soundOf = (text: string) => {
    let key = sounds.get(text);
    if (key === undefined) sounds.set(text, (key = foldedKey(text)));
    return key;
  };
  for (const ref of references) {
    const { surname, honorific } = ref.reference!;
    const people = peopleByDoc.get(ref.source) ?? [];
    // 赵总 → the 赵 of the transcript; 学龙院长 → 李学龙, also when ASR wrote the given name with other characters (中江总 → 何忠江)
    const givenKey = surname.length === 2 ? soundOf(surname) : '';
    const candidates = people.filter(({ entity }) =>
      entity.name.startsWith(surname) ? entity.name.length > surname.length : surname.length === 2 && entity.name.length === 3 && soundOf(entity.name.slice(1)) === givenKey);
    // the guest introduced just before by that title, when no one of that surname holds it and none is named
    // since: the host calls up 刘万成部长, then thanks 李部长, the surname misheard
    const titled = (c: { titles: string[] }) => c.titles.some((t) => t.endsWith(honorific));
    const before = (c: { line: number; start: number }) => c.line < ref.line || (c.line === ref.line && c.start < ref.start);
    const misheardSurname = lexicon.surnames.has(surname) || lexicon.compoundSurnames.has(surname);
    const lastTitled = !misheardSurname || candidates.some(titled) ? undefined :
      people.filter((c) => before(c) && ref.line - c.line <= RECENT_TITLE_LINES && titled(c)).sort((a, b) => b.line - a.line || b.start - a.start)[0];
    const justIntroduced = lastTitled && !candidates.some((c) => before(c) && c.line >= lastTitled.line) ? lastTitled : undefined;
    // else the nearest introduction, looking back first: a later one counts at one and a half times its
    // distance, and only when it is near (a host announces 朱总 before calling him up, not a speaker quoted much later)
    const distance = (c: { line: number }) => (c.line <= ref.line ? ref.line - c.line : (c.line - ref.line) * 1.5);
    const chosen = justIntroduced ?? candidates.filter((c) => c.line - ref.line <= FORWARD_REFERENCE_LINES).sort((a, b) => distance(a) - distance(b))[0];
    if (!chosen) continue;
    mentionEntity[ref.gid] = chosen.entity.id;
    chosen.entity.mentions.push(ref.gid);
    addForm(chosen.entity, ref.form, 'honorific', `refers to ${chosen.entity.name} (line ${chosen.line})`);
  }
  // aliases: every other form the entity was found under, then the other names the lexicon knows for it
  for (const entity of entities) {
    const seen = entity.forms.map((f) => f.form);
    entity.aliases = [...new Set([...seen, ...entity.aliases])].filter((f) => normalizeName(f) !== normalizeName(entity.name));
  }
  entities.sort((a, b) => a.id.localeCompare(b.id));
  return { entities, mentionEntity, review };
}

function noteReason(g: Group, form: string, reason: MergeReason, detail?: string): void {
  const existing = g.reasons.get(form);
  if (!existing || (existing.reason === 'same-name' && reason !== 'same-name')) g.reasons.set(form, detail ? { reason, detail } : { reason });
}

function addForm(entity: Entity, form: string, reason: MergeReason, detail?: string): void {
  const existing = entity.forms.find((f) => f.form === form);
  if (existing) existing.count++;
  else entity.forms.push({ form, count: 1, reason, ...(detail ? { detail } : {}) });
}

function buildEntity(g: Group, mentions: Located[], reasons: Map<string, { reason: MergeReason; detail?: string }>, lexicon: Lexicon, pinnedByForm: Map<string, string>): Entity {
  const lexEntry = g.lexiconName ? lexicon.entry(g.type, g.lexiconName) : undefined;
  const scores = new Map<string, number>();
  for (const m of mentions) scores.set(m.form, (scores.get(m.form) ?? 0) + (METHOD_WEIGHT[m.method] ?? 1) * m.confidence);
  // a person said in Han characters and spelt in pinyin (叶珍珍 / Ye Zhenzhen) is named in Han characters
  const han = g.type === 'Person' && [...scores.keys()].some((f) => /\p{Script=Han}/u.test(f));
  const ranked = [...scores.entries()].filter(([f]) => !han || /\p{Script=Han}/u.test(f));
  const bestForm = ranked.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
  const pinned = g.lexiconName ? undefined : [bestForm, ...scores.keys()].map((f) => pinnedByForm.get(`${g.type}|${normalizeName(f)}`)).find(Boolean);
  const name = g.lexiconName ?? pinned ?? g.impliedName ?? bestForm;
  const forms = new Map<string, number>();
  for (const m of mentions) forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
  const entity: Entity = {
    id: `${ID_PREFIX[g.type]}:${name}`,
    type: g.type,
    name,
    aliases: [],
    mentions: mentions.map((m) => m.gid),
    forms: [...forms.entries()].map(([form, count]) => {
      const why = reasons.get(form) ?? reasons.get(mentions.find((m) => m.text === form)?.form ?? '') ?? { reason: 'same-name' as MergeReason };
      return { form, count, reason: why.reason, ...(why.detail ? { detail: why.detail } : {}) };
    }),
    fromLexicon: Boolean(lexEntry),
  };
  if (lexEntry) entity.aliases = [...lexEntry.aliases];
  if (g.type === 'Organization') entity.kind = lexEntry?.kind ?? majority(mentions.map((m) => m.kind).filter((k): k is NonNullable<typeof k> => Boolean(k))) ?? 'company';
  if (g.type === 'Person') entity.titles = [...new Set(mentions.flatMap((m) => m.titles ?? []))];
  if (g.type === 'Model') entity.versions = [...new Set(mentions.flatMap((m) => m.versions ?? []))].sort();
  if (g.type === 'Product') entity.category = lexEntry?.category ?? majority(mentions.map((m) => m.category).filter((c): c is NonNullable<typeof c> => Boolean(c))) ?? 'other';
  return entity;
}

function mergeInto(target: Entity, other: Entity): void {
  target.mentions.push(...other.mentions);
  for (const f of other.forms) {
    const existing = target.forms.find((x) => x.form === f.form);
    if (existing) existing.count += f.count;
    else target.forms.push(f);
  }
  if (other.titles) target.titles = [...new Set([...(target.titles ?? []), ...other.titles])];
  if (other.versions) target.versions = [...new Set([...(target.versions ?? []), ...other.versions])].sort();
}

function majority<T extends string>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

type Union = (from: Group, to: Group, reason: MergeReason, detail?: string) => void;

/** `long` is `short` with one or two characters more inside, same start and end (海南省大数据局 / 海南省大数据管理局). */
function wordLeftOut(short: string, long: string): boolean {
  return short.length >= 5 && long.length > short.length && long.length - short.length <= 2 &&
    long.slice(0, 2) === short.slice(0, 2) && long.at(-1) === short.at(-1) && isSubsequence(short, long);
}

function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const ch of long) if (k < short.length && ch === short[k]) k++;
  return k === short.length;
}

/**
 * Merges that need the context of one transcript: a unit named without its parent (人工智能研究院 for
 * 中国电信人工智能研究院), a name with a word left out (海南省大数据局 / 海南省大数据管理局), and people
 * written in slightly different ways (邵广 / 邵广路, 吴世军 / 胡世军, 柯瑞荣 / 柯瑞文 with the same title).
 * Each group's mentions are indexed by transcript once, and pairs are only tried among candidates that
 * share the keys a merge needs (last character; first two or last two characters), in the order an
 * all-pairs loop would try them, so that the merges are the same.
 */
function mergeWithinTranscripts(groups: Map<string, Group>, union: Union, lexicon: Lexicon): void {
  const byDoc = new Map<string, Map<Group, Located[]>>();
  for (const g of groups.values()) {
    for (const m of g.mentions) {
      let inDoc = byDoc.get(m.source);
      if (!inDoc) byDoc.set(m.source, (inDoc = new Map()));
      const list = inDoc.get(g);
      if (list) list.push(m);
      else inDoc.set(g, [m]);
    }
  }
  // across the whole corpus, as the merge rules read them (a group's mentions never change)
  const titles = new Map<Group, Set<string>>();
  const titlesOf = (g: Group) => {
    let set = titles.get(g);
    if (!set) titles.set(g, (set = new Set(g.mentions.flatMap((m) => m.titles ?? []))));
    return set;
  };
  for (const inDoc of byDoc.values()) {
    mergeRegisteredNamesInTranscript(inDoc, union, lexicon);
    mergeUnitsInTranscript(inDoc, union);
    const people = [...inDoc.keys()].filter((g) => g.type === 'Person' && !g.mentions.every((m) => m.reference));
    mergePeopleInTranscript(people, titlesOf, union);
    mergeTransliterations(people, union);
  }
}

/**
 * A bilingual host says a guest's name twice, in Han characters and in pinyin (叶珍珍 … Ye Zhenzhen, 曹永刚 … Cao
 * Yung Gang): a Latin name that spells one Han name of the transcript, surname first or last, one letter of
 * slack in names of eight letters or more, is that person.
 */
function mergeTransliterations(people: Group[], union: Union): void {
  const latin = people.filter((g) => /^[A-Za-z][A-Za-z'’\- ]+$/.test(g.mentions[0]!.form));
  if (latin.length === 0) return;
  for (const l of latin) {
    // the Han spellings already merged as one person's ASR variants (陈卫东 / 陈为东) count once
    const matches = [...new Set(people.filter((h) => spellsName(l.mentions[0]!.form, h.mentions[0]!.form)).map(root))];
    if (matches.length === 1 && matches[0] !== root(l)) union(l, matches[0]!, 'pinyin-homophone', `${l.mentions[0]!.form} spells ${matches[0]!.mentions[0]!.form}`);
  }
  // the same foreign guest written twice by speech recognition (Michael Brand / Michael Brandt)
  const letters = (g: Group) => latinLetters(g.mentions[0]!.form);
  for (let i = 0; i < latin.length; i++) {
    for (let j = i + 1; j < latin.length; j++) {
      const [a, b] = [letters(latin[i]!), letters(latin[j]!)];
      const slack = Math.min(a.length, b.length) >= 10 ? 2 : Math.min(a.length, b.length) >= 6 ? 1 : 0;
      if (root(latin[i]!) !== root(latin[j]!) && a[0] === b[0] && editDistance(a, b, slack) <= slack) {
        union(latin[i]!, latin[j]!, 'pinyin-homophone', `${latin[i]!.mentions[0]!.form} ≈ ${latin[j]!.mentions[0]!.form} (spelling)`);
      }
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Candidates from several key lists, without repeats, in their original order. */
function candidatesInOrder(lists: Array<number[] | undefined>): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const k of list ?? []) all.add(k);
  return [...all].sort((a, b) => a - b);
}

function nearestLine(a: Located[], b: Located[]): number {
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x.line - y.line));
  return best;
}

const REGISTERED = /(有限公司|有限责任公司)$/;

/**
 * A company's registered name and the short name the text goes on with (杭州衡川智能科技有限公司 / 衡川智能, 苏州智衡工业
 * 软件有限公司 / 智衡软件, 东海石油化工股份有限公司 / 东海石化): the short name starts with the same two characters as
 * the registered one (its city left out or not), and its other characters come in the same order. Only when one
 * registered name of the transcript fits, and neither is a lexicon entity (华为 is not 华为终端有限公司).
 */
function mergeRegisteredNamesInTranscript(inDoc: Map<Group, Located[]>, union: Union, lexicon: Lexicon): void {
  const orgs = [...inDoc.keys()].filter((g) => g.type === 'Organization' && !root(g).lexiconName);
  const registered = orgs.flatMap((g) => {
    const form = g.impliedName ?? g.mentions[0]!.form;
    if (!REGISTERED.test(form)) return [];
    const full = form.replace(LEGAL_SUFFIX, '');
    const place = lexicon.leadingPlace(full);
    const cores = [full, ...(place ? [full.slice(place.length)] : [])].filter((core) => [...core].length >= 3);
    return cores.length ? [{ g, form, cores }] : [];
  });
  if (registered.length === 0) return;
  for (const g of orgs) {
    const form = g.mentions[0]!.form;
    if (g.impliedName || [...form].length < 3 || REGISTERED.test(form) || !/^\p{Script=Han}+$/u.test(form)) continue;
    const fits = registered.filter((r) => r.cores.some((core) => core.length >= form.length && core.slice(0, 2) === form.slice(0, 2) && isSubsequence(form.slice(2), core.slice(2))));
    const targets = new Set(fits.map((r) => root(r.g)));
    if (targets.size === 1 && !targets.has(root(g))) union(g, fits[0]!.g, 'abbreviation', `${form}: short for ${fits[0]!.form}`);
  }
}

/** A shorter name of an organisation (or model, product) of the same transcript: the one named nearest to it. */
function mergeUnitsInTranscript(inDoc: Map<Group, Located[]>, union: Union): void {
  const named = [...inDoc.keys()].filter((g) => g.type !== 'Person');
  const formsOf = named.map((g) => [...new Set(inDoc.get(g)!.map((m) => m.form))]);
  // every kind of match ends with the same character: the candidates of a form are the groups with a form ending like it
  const byLastChar = new Map<string, number[]>();
  named.forEach((g, k) => {
    for (const f of new Set(formsOf[k]!.map((f) => f.at(-1)))) pushTo(byLastChar, `${g.type}|${f}`, k);
  });
  for (const g of named) {
    if (g.lexiconName || g.impliedName) continue;
    const form = g.mentions[0]!.form;
    if ([...form].length < 4) continue;
    const here = inDoc.get(g)!;
    let best: { other: Group; match: string; distance: number } | undefined;
    for (const k of byLastChar.get(`${g.type}|${form.at(-1)}`) ?? []) {
      const other = named[k]!;
      if (root(other) === root(g)) continue;
      const match = formsOf[k]!.find((f) => (f.length > form.length && (f.endsWith(form) || wordLeftOut(form, f))) ||
        // a known name with a word said twice or misheard in (中国科技科学技术大学)
        (root(other).lexiconName !== undefined && wordLeftOut(f, form)));
      if (!match) continue;
      const distance = nearestLine(inDoc.get(other)!, here);
      if (!best || distance < best.distance) best = { other, match, distance };
    }
    if (best) union(g, best.other, 'abbreviation', `${form} ⊂ ${best.match}`);
  }
}

/** People of one transcript: a two-character form of a three-character name, the same given name, or the same title and start. */
function mergePeopleInTranscript(people: Group[], titlesOf: (g: Group) => Set<string>, union: Union): void {
  const formOf = (g: Group) => g.mentions[0]!.form;
  const byStart = new Map<string, number[]>();
  const byEnd = new Map<string, number[]>();
  people.forEach((g, k) => {
    const y = formOf(g);
    if (y.length !== 3) return;
    pushTo(byStart, y.slice(0, 2), k);
    pushTo(byEnd, y.slice(1), k);
  });
  for (let i = 0; i < people.length; i++) {
    const a = people[i]!;
    const x = formOf(a);
    const candidates = x.length === 2 ? byStart.get(x) ?? [] : x.length === 3 ? candidatesInOrder([byStart.get(x.slice(0, 2)), byEnd.get(x.slice(1))]) : [];
    for (const j of candidates) {
      const b = people[j]!;
      if (i === j || root(a) === root(b)) continue;
      const y = formOf(b);
      if (x.length === 2 && y.length === 3 && y.startsWith(x)) {
        union(a, b, 'abbreviation', `${x} ⊂ ${y}`);
      } else if (i < j && x.length === 3 && y.length === 3) {
        const sameGiven = x.slice(1) === y.slice(1) && nameCost(x[0]!, y[0]!) <= 0.7;
        const sharedTitle = x.slice(0, 2) === y.slice(0, 2) && [...titlesOf(a)].some((t) => titlesOf(b).has(t));
        if (sameGiven || sharedTitle) {
          const [from, to] = a.mentions.length > b.mentions.length ? [b, a] : [a, b];
          union(from, to, 'pinyin-homophone', sameGiven ? `${displayPinyin(x)} ≈ ${displayPinyin(y)}` : `same title, ${x} ≈ ${y}`);
        }
      }
    }
  }
}
