import type { EntityType } from '../extract/schema.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { displayPinyin, fuzzyBudget, nameCost } from '../lexicon/pinyin.js';
import type { ResolveOptions } from '../resolve/resolve.js';
import type { Entity, Resolution } from '../resolve/schema.js';
import { cosine, type Embedder } from './embed.js';

export type ExtraMerge = NonNullable<ResolveOptions['extraMerges']>[number];

/** Names carry meaning for these types; a person's name does not, so people are left to sound and the rules. */
const EMBEDDED_TYPES: ReadonlySet<EntityType> = new Set(['Organization', 'Model', 'Product']);
const HAN = /^\p{Script=Han}$/u;

/** A word that makes a different entity of the same kind: a modifier (视觉, 行业), a generic word, a place (乐山, 泰州). */
function isModifier(word: string, lexicon: Lexicon): boolean {
  return lexicon.modelModifiers.has(word) || lexicon.productWords.has(word) || lexicon.orgWords.has(word) || lexicon.places.has(word);
}

export interface MergeCandidate {
  type: EntityType;
  a: Entity;
  b: Entity;
  /** What the string features say: pinyin cost for names of one length, else one character inserted. */
  why: string;
}

export interface EmbeddingMergeOptions {
  /** Cosine similarity from which a candidate pair is merged. */
  threshold?: number;
  /** Buckets (entities sharing a character in one transcript) larger than this are skipped: such characters say nothing. */
  maxBucket?: number;
}

/**
 * Pairs of entities that pinyin and edit distance leave undecided: same type, found in one transcript,
 * not two lexicon entities, Han names either of one length and close in sound without being homophones
 * (好威云 / 华为云), or one Han character apart (星辰MaaS平台 / 星辰MaaS服平台). Blocking by transcript,
 * type and shared character keeps this far from quadratic.
 */
export function mergeCandidates(resolution: Resolution, lexicon?: Lexicon, options: EmbeddingMergeOptions = {}): MergeCandidate[] {
  const maxBucket = options.maxBucket ?? 200;
  const buckets = new Map<string, Entity[]>();
  for (const entity of resolution.entities) {
    if (!EMBEDDED_TYPES.has(entity.type)) continue;
    const sources = new Set(entity.mentions.map((gid) => gid.slice(0, gid.lastIndexOf('#'))));
    for (const source of sources) {
      for (const ch of new Set(entity.name)) {
        if (!HAN.test(ch)) continue;
        const key = `${source}|${entity.type}|${ch}`;
        const list = buckets.get(key) ?? [];
        list.push(entity);
        buckets.set(key, list);
      }
    }
  }
  const seen = new Set<string>();
  const candidates: MergeCandidate[] = [];
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > maxBucket) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!].sort((x, y) => x.id.localeCompare(y.id)) as [Entity, Entity];
        const key = `${a.id}|${b.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (a.fromLexicon && b.fromLexicon) continue;
        const why = undecided(a.name, b.name, lexicon);
        if (why) candidates.push({ type: a.type, a, b, why });
      }
    }
  }
  return candidates;
}

/**
 * Why the pair is a candidate, or undefined when string features already tell (or rule it out):
 * homophones are merged by resolution itself; names further apart in sound than half again the fuzzy
 * budget, or differing in a word the lexicon knows as a modifier or a place (星辰视觉大模型 / 星辰语音大模型,
 * 乐山市数据局 / 泰州市数据局), are different names.
 */
export function undecided(a: string, b: string, lexicon?: Lexicon): string | undefined {
  const ac = [...a];
  const bc = [...b];
  if (ac.length === bc.length) {
    if (ac.length < 3 || !ac.every((c) => HAN.test(c)) || !bc.every((c) => HAN.test(c))) return undefined;
    const cost = nameCost(a, b);
    if (cost === 0 || cost > 1.5 * fuzzyBudget(ac.length)) return undefined;
    let first = 0;
    while (ac[first] === bc[first]) first++;
    let last = ac.length - 1;
    while (ac[last] === bc[last]) last--;
    if (lexicon && [ac, bc].some((chars) => isModifier(chars.slice(first, last + 1).join(''), lexicon))) return undefined;
    return `pinyin ${displayPinyin(a)} / ${displayPinyin(b)} (cost ${cost.toFixed(1)})`;
  }
  const [short, long] = ac.length < bc.length ? [ac, bc] : [bc, ac];
  if (long.length - short.length !== 1 || short.length < 4) return undefined;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  if (short.slice(k).join('') !== long.slice(k + 1).join('')) return undefined;
  const inserted = long[k]!;
  return HAN.test(inserted) ? `one character apart (${inserted})` : undefined;
}

/**
 * Scores the candidate pairs with sentence embeddings and returns the merges to apply: pairs whose
 * cosine similarity reaches the threshold. The lexicon's entity keeps its name when one side is known.
 */
export async function embeddingMerges(resolution: Resolution, lexicon: Lexicon | undefined, embedder: Embedder, modelName: string, options: EmbeddingMergeOptions = {}): Promise<ExtraMerge[]> {
  const threshold = options.threshold ?? 0.97;
  const candidates = mergeCandidates(resolution, lexicon, options);
  if (candidates.length === 0) return [];
  const names = [...new Set(candidates.flatMap((c) => [c.a.name, c.b.name]))];
  const vectors = await embedder.embed(names);
  const vectorOf = new Map(names.map((n, i) => [n, vectors[i]!]));
  const merges: ExtraMerge[] = [];
  for (const c of candidates) {
    const similarity = cosine(vectorOf.get(c.a.name)!, vectorOf.get(c.b.name)!);
    if (similarity < threshold) continue;
    const [from, to] = c.a.fromLexicon ? [c.b, c.a] : [c.a, c.b];
    // each side by one of its mentions: names may change in the second resolution (pinned names)
    merges.push({ type: c.type, a: from.mentions[0]!, b: to.mentions[0]!, reason: 'embedding', detail: `cosine ${similarity.toFixed(3)} with ${to.name} (${modelName}); ${c.why}` });
  }
  return merges;
}
