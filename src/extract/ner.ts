import { z } from 'zod';
import type { Line } from '../ingest/schema.js';
import type { LexEntry, Lexicon } from '../lexicon/lexicon.js';
import { foldedKey } from '../lexicon/pinyin.js';
import { editDistance, hasHan, isLatinName, normalizeName } from '../util/text.js';
import type { DocumentContext } from './context.js';
import { soundsLikeSomeoneNamed } from './names.js';
import type { EntityType, ExtractedMention } from './schema.js';

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

/** Words that introduce or thank a named person on stage, right before the name. */
const BEFORE_PERSON = ['有请', '欢迎', '感谢', '谢谢', '我是', '我叫', '邀请', '请出', '嘉宾', 'welcome', 'thank', 'thanks'];
/** Words that follow a named person on stage, right after the name. */
const AFTER_PERSON = ['致辞', '上台', '发言', '演讲', '带来', '分享', '登台', '同志'];
/** What a speaker is thanked for, right after their name. */
const THANKED_FOR_TALK = /^的?(精彩|精辟|生动)?(发言|演讲|分享|致辞|报告|介绍)/;
/** What a speaker referred back to did, right after their name. */
const REFERRED_BACK = /^(老师|教授|院士|博士)?(也|呢)?(讲|说|提到|谈到|分享|介绍)/;
/** Confidence of a model mention that the rules' context supports; lexicon matches get more. */
const MODEL_CONFIDENCE = 0.6;

/**
 * Adds a model's spans as mentions beside the rule mentions. The rules and lexicons stay in charge;
 * a span is kept only when nothing they know contradicts it and something they know supports it:
 * - a span overlapping a rule or lexicon mention loses (except a person's name beside a Person mention
 *   whose edges the stage grammar cut wrongly); LOC spans never become mentions;
 * - a span the lexicon knows takes the lexicon's type and entry, unless the model calls a person what
 *   the lexicon knows as something else, or the reverse; its ambiguous (weak) aliases are not taken:
 *   the model's label is too often wrong on two characters (联想 the verb, 海大 in 新海大数据);
 *   places, titles and generic words lose;
 * - PER: shaped like a name (a surname first, no function word or honorific inside, the given name
 *   not a verb) and introduced like one: a title, an organisation or an introduction word right
 *   before, or an honorific or stage verb right after;
 * - ORG: Han, four characters or more, ending in an organisation suffix the rules know (a weak or
 *   slot suffix needs more, see endsLikeOrganization);
 * - nz (proper noun): only when the lexicon recognises it, allowing the small spelling slips of
 *   speech recognition in Latin names (chaGPT → ChatGPT).
 */
export function addModelMentions(ctx: DocumentContext, spans: NerSpan[]): void {
  const { lexicon } = ctx;
  const latin = latinIndex(lexicon);
  for (const span of spans) {
    if (span.label === 'LOC') continue;
    const line = ctx.line(span.line);
    if (!line || span.end > line.text.length || span.start >= span.end) continue;
    if (!mayOverlap(span, ctx.overlapping(span.line, span.start, span.end), ctx)) continue;
    const text = line.text.slice(span.start, span.end);
    if (lexicon.places.has(text) || lexicon.titleSet.has(text) || lexicon.isGenericOrganization(text)) continue;
    const known = lookupLikeSpotter(text, lexicon) ?? (span.label === 'nz' && isLatinName(text) ? latin.closest(text) : undefined);
    const decision = known ? fromLexicon(span, known) : judge(ctx, line, span, text);
    if (!decision) continue;
    ctx.addMention({
      type: decision.type,
      start: span.start, end: span.end, line: span.line, method: 'ner-model',
      confidence: span.score !== undefined ? Math.min(span.score, decision.confidence) : decision.confidence,
      ...(decision.entry ? { lexiconName: decision.entry.name } : {}),
      ...(decision.entry?.kind ? { kind: decision.entry.kind } : {}),
      ...(decision.entry?.category ? { category: decision.entry.category } : {}),
    }, line);
  }
}

/** A lexicon entry for the text; short Latin forms (four letters or fewer) must match in case, as the spotter requires. */
function lookupLikeSpotter(text: string, lexicon: Lexicon): LexEntry | undefined {
  const entry = lexicon.lookup(text);
  if (!entry || hasHan(text) || text.length > 4) return entry;
  return [entry.name, ...entry.aliases].includes(text) ? entry : undefined;
}

/**
 * A span overlapping a rule or lexicon mention loses, with one exception: a person's name whose edges
 * the stage grammar cut wrongly (助理石国明, or 平先生 in 朱和平先生) may stand beside that Person mention.
 */
function mayOverlap(span: NerSpan, overlapping: ExtractedMention[], ctx: DocumentContext): boolean {
  if (overlapping.length === 0) return true;
  const contains = (m: ExtractedMention) => m.start <= span.start && m.end >= span.end;
  // a name the rules read whole because it sounds like a guest named elsewhere (伟尚陈赞 / 伟尚成藏) is not cut wrongly
  return span.label === 'PER' && overlapping.every((m) => m.type === 'Person' && !m.lexiconName && !isNameShaped(m.form, ctx.lexicon) &&
    !soundsLikeSomeoneNamed(ctx.mentions, m.form) &&
    // a reference that contains the name (钟亮总) is the rules' to resolve; one that cuts it (平先生 in 朱和平先生) is broken
    (m.method === 'introduction' || (m.method === 'honorific' && !contains(m))));
}

interface Decision {
  type: EntityType;
  confidence: number;
  entry?: LexEntry;
}

function fromLexicon(span: NerSpan, entry: LexEntry): Decision | undefined {
  // the model says person and the lexicon knows something else, or the reverse: the model loses
  if ((span.label === 'PER') !== (entry.type === 'Person')) return undefined;
  return { type: entry.type, confidence: 0.8, entry };
}

function judge(ctx: DocumentContext, line: Line, span: NerSpan, text: string): Decision | undefined {
  const { lexicon } = ctx;
  if (span.label === 'PER') {
    if (!isNameShaped(text, lexicon) || hasHonorificInside(text, lexicon) || givenNameIsVerb(text, ctx)) return undefined;
    return introducedAsPerson(ctx, line, span) ? { type: 'Person', confidence: MODEL_CONFIDENCE } : undefined;
  }
  if (span.label === 'ORG') {
    const chars = [...text];
    if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return undefined;
    if (describesRatherThanNames(lexicon, line, span, text)) return undefined;
    if (chars.length >= 4 && endsLikeOrganization(text, ctx)) return { type: 'Organization', confidence: MODEL_CONFIDENCE };
    return placedLikeOrganization(ctx, line, span, text) ? { type: 'Organization', confidence: MODEL_CONFIDENCE } : undefined;
  }
  return undefined;
}

/**
 * Whether an ORG span ends like an organisation the rules know: in a strong suffix (大学, 有限公司); in a
 * weak one (科技, 集团), where the model's span is the evidence of a proper name the rules ask for,
 * unless a place and an ordinary word only describe a facility; in a slot suffix (中心, 委), which ends
 * ordinary words too often, only on a long, formal name. Never in a title (政委), nor after a domain word.
 */
function endsLikeOrganization(text: string, ctx: DocumentContext): boolean {
  const { lexicon } = ctx;
  // 上海警备区政委: a title, not an organisation
  if (lexicon.titleIndex.longestEndingAt(text, text.length)) return false;
  const suffix = lexicon.suffixIndex.longestEndingAt(text, text.length);
  if (!suffix) return false;
  const head = text.slice(0, text.length - suffix.phrase.length);
  // 金融科技, 智能网联汽车: a domain word and a suffix name a sector, not a company
  if ([...head].length < 2 || lexicon.modelModifiers.has(head) || lexicon.orgWords.has(head) || lexicon.productWords.has(head)) return false;
  if (suffix.value.strength === 'strong') return true;
  // 深圳开放智算中心: a place and an ordinary word before a weak suffix describe a facility, not name one
  const place = placePrefix(head, lexicon);
  if (place && ctx.segmenter.isOrdinaryWord(head.slice(place.length))) return false;
  return suffix.value.strength === 'weak' || [...text].length >= 7;
}

/** An event's name inside the span (世界人工智能大会智汇医疗…), unless the span is the event's office (…大会组委会). */
const EVENT_INSIDE = /(大会|论坛|峰会|年会|博览会|发布会|研讨会)(?!.*(组委会|秘书处|办公室|执委会|理事会))/u;
/** A level (上海市级医院, 省级平台): a kind of body, not one body. */
const LEVEL_WORD = /(市|省|区|县|镇|国家|部)级/u;
/** Right before the span: a classifier (一家, 这所) makes what follows a description (一家通用人工智能公司). */
const CLASSIFIER_BEFORE = /(一|这|那|每|各|多|某|几)(家|个|所)$/u;
/** Right before the span: a closing quote, so the name starts inside the quotes (“智能体+政务”联合创新中心). */
const QUOTE_BEFORE = /[”"」』》]$/u;
/** A verb or preposition of one character that a name does not start with (帮机器人公司 is 帮 + 机器人公司). */
const NOT_A_NAME_START = new Set([...'帮给让向对把被跟替']);

/**
 * What an ORG span shows to be a description, a venue or a piece of a longer name rather than an organisation's
 * name: a venue ending (太湖国际博览中心), an event name inside, a level word, a classifier or a closing quote
 * right before, a verb for its first character.
 */
function describesRatherThanNames(lexicon: Lexicon, line: Line, span: NerSpan, text: string): boolean {
  const before = line.text.slice(Math.max(0, span.start - 2), span.start);
  return lexicon.venueEndings.some((ending) => text.endsWith(ending)) || EVENT_INSIDE.test(text) || LEVEL_WORD.test(text) ||
    CLASSIFIER_BEFORE.test(before) || QUOTE_BEFORE.test(before) || NOT_A_NAME_START.has(text[0]!);
}

function placePrefix(text: string, lexicon: Lexicon): string {
  for (let end = Math.min(text.length, 6); end >= 2; end--) if (lexicon.places.has(text.slice(0, end))) return text.slice(0, end);
  return '';
}

/** 汪创办, 张介绍: a surname before a verb the dictionary knows, not a name. */
function givenNameIsVerb(text: string, ctx: DocumentContext): boolean {
  const given = [...text].slice(1).join('');
  if (given.length !== 2) return false;
  const tokens = ctx.segmenter.tag(given);
  return tokens.length === 1 && tokens[0]!.tag === 'v';
}

/**
 * Function words and pronouns that a name never contains. Gentler than the rules' own name check,
 * which must also find the name's edges in running text: the model has already drawn them.
 */
const NEVER_IN_NAME = new Set([...'的了是在和与及我你他她它们这那个些就也都还又很把被对从让请说讲到着过吗呢吧啊呀哦嗯么之其或并等而但如果因所将要会能已']);

/** Han only, two to four characters, a surname first (a compound one for four), no function word. */
function isNameShaped(text: string, lexicon: Lexicon): boolean {
  const chars = [...text];
  if (chars.length < 2 || chars.length > 4 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  if (chars.slice(1).some((c) => NEVER_IN_NAME.has(c))) return false;
  if (lexicon.titleSet.has(text) || lexicon.places.has(text) || lexicon.orgWords.has(text)) return false;
  const compound = lexicon.compoundSurnames.has(chars[0]! + chars[1]!);
  if (chars.length === 4) return compound;
  return compound || lexicon.surnames.has(chars[0]!);
}

/**
 * An honorific after the first character (叶总先, 王老板) marks a reference, not a name, and so does an ending
 * said like one (陶源士 is 陶院士 misheard); the rules handle those.
 */
function hasHonorificInside(text: string, lexicon: Lexicon): boolean {
  for (let i = 1; i < text.length; i++) if (lexicon.honorificIndex.longestAt(text, i)) return true;
  for (const [length, keys] of honorificSounds(lexicon)) {
    if (length < text.length && keys.has(foldedKey(text.slice(text.length - length)))) return true;
  }
  return false;
}

/** The sounds (folded pinyin) of the honorifics of two characters or more, by length; made once per lexicon. */
const honorificSoundsByLexicon = new WeakMap<Lexicon, Map<number, Set<string>>>();
function honorificSounds(lexicon: Lexicon): Map<number, Set<string>> {
  let sounds = honorificSoundsByLexicon.get(lexicon);
  if (!sounds) {
    sounds = new Map();
    for (const honorific of lexicon.honorifics) {
      if (honorific.length < 2) continue;
      const keys = sounds.get(honorific.length) ?? new Set<string>();
      keys.add(foldedKey(honorific));
      sounds.set(honorific.length, keys);
    }
    honorificSoundsByLexicon.set(lexicon, sounds);
  }
  return sounds;
}

/** Words right before an organisation a speaker comes from or speaks for. */
const BEFORE_ORGANIZATION = /(来自于?|我是|代表|就职于|任职于|供职于)$/;
/** Between two members of a list. */
const LIST_JOINER = /^\s*(、|和|与|及|以及)\s*$/;
/** After the last member of a list of organisations. */
const AFTER_ORGANIZATIONS = /^等(企业|公司|机构|单位|院校|高校|合作伙伴)/;

/**
 * A model's ORG span that no suffix vouches for (新潮传媒, 中国外文局) is taken where it stands as
 * organisations do: after 来自 or 我是 with a person of it following (我是新潮传媒的张继学), beside another
 * organisation in a list (国家博物馆和中国外文局), or before 等企业. Ordinary words (普惠, 新时代) never are.
 */
function placedLikeOrganization(ctx: DocumentContext, line: Line, span: NerSpan, text: string): boolean {
  const { lexicon } = ctx;
  if (ctx.segmenter.isOrdinaryWord(text) || lexicon.titleIndex.longestEndingAt(text, text.length)) return false;
  if (lexicon.modelModifiers.has(text) || lexicon.productWords.has(text) || lexicon.orgWords.has(text) || lexicon.places.has(text)) return false;
  const before = line.text.slice(Math.max(0, span.start - 4), span.start);
  const after = line.text.slice(span.end, span.end + 8);
  const onLine = ctx.mentionsOnLine(line.number);
  const orgs = onLine.filter((m) => m.type === 'Organization');
  const people = onLine.filter((m) => m.type === 'Person');
  if (BEFORE_ORGANIZATION.test(before) && (/^的/.test(after) || people.some((p) => p.start >= span.end && p.start <= span.end + 2))) return true;
  const listed = orgs.some((o) => (o.end <= span.start && LIST_JOINER.test(line.text.slice(o.end, span.start))) ||
    (o.start >= span.end && LIST_JOINER.test(line.text.slice(span.end, o.start))));
  if (listed) return true;
  if (AFTER_ORGANIZATIONS.test(after) && orgs.some((o) => o.end <= span.start && span.start - o.end <= 12)) return true;
  // a party to cooperation (与X合作, 和X签署…) or someone's employer (X的创始人, X首席执行官)
  if (/(与|和|跟|同|携手|联合)$/.test(before) && COOPERATION_AFTER_PARTY.test(line.text.slice(span.end, span.end + 12))) return true;
  return lexicon.titleIndex.longestAt(line.text, span.end + (line.text[span.end] === '的' ? 1 : 0)) !== undefined && people.some((p) => p.start > span.end && p.start <= span.end + 12);
}

/** What follows the second party of a cooperation: the cooperation itself. */
const COOPERATION_AFTER_PARTY = /^[^，。；！？]{0,8}?(合作|签署|签约|签订|共建|联合|共同|一起|携手)/;

function introducedAsPerson(ctx: DocumentContext, line: Line, span: NerSpan): boolean {
  const text = line.text;
  let before = span.start;
  while (before > 0 && /[\s、，,]/.test(text[before - 1]!) && span.start - before < 2) before--;
  let after = span.end;
  while (after < text.length && /\s/.test(text[after]!) && after - span.end < 2) after++;
  if (ctx.lexicon.titleIndex.longestEndingAt(text, before)) return true;
  if (ctx.mentionsOnLine(line.number).some((m: ExtractedMention) => m.type === 'Organization' && m.end === before)) return true;
  const honorific = ctx.lexicon.honorificIndex.longestAt(text, after);
  if (honorific && honorific.phrase.length >= 2) return true;
  // thanked for a talk by name (感谢于曦的精彩发言): said of a person, however short the name
  if (THANKED_FOR_TALK.test(text.slice(after, after + 8)) && /(感谢|谢谢)$/.test(text.slice(0, before))) return true;
  // a speaker referred back to (刚才于长伟讲了): three characters at least, as a name said in passing is often misheard
  if (span.end - span.start >= 3 && /刚才$/.test(text.slice(0, before)) && REFERRED_BACK.test(text.slice(after, after + 4))) return true;
  // a stage verb alone is weak evidence for two characters (感谢陈抖 is 感谢陈董 misheard)
  if (span.end - span.start < 3) return false;
  return BEFORE_PERSON.some((w) => before >= w.length && text.slice(before - w.length, before).toLowerCase() === w) || AFTER_PERSON.some((w) => text.startsWith(w, after));
}

/** Latin names of the lexicon, folded (lower case, letters and digits only), for ASR-slip matching. */
interface LatinIndex {
  closest(text: string): LexEntry | undefined;
}

const latinIndexes = new WeakMap<Lexicon, LatinIndex>();

function latinIndex(lexicon: Lexicon): LatinIndex {
  let index = latinIndexes.get(lexicon);
  if (index) return index;
  const byLength = new Map<number, Array<{ key: string; entry: LexEntry }>>();
  for (const entry of lexicon.entries) {
    if (entry.type === 'Person') continue;
    for (const form of [entry.name, ...entry.aliases]) {
      if (hasHan(form)) continue;
      const key = fold(form);
      if (key.length < 4) continue;
      const list = byLength.get(key.length) ?? [];
      list.push({ key, entry });
      byLength.set(key.length, list);
    }
  }
  index = {
    closest(text: string): LexEntry | undefined {
      const key = fold(text);
      // ASR writes ordinary English words in lower case; a garbled name keeps a capital or a digit
      if (key.length < 5 || !/[A-Z0-9]/.test(text)) return undefined;
      // a short capitalised word is an ordinary one at a sentence's start or a country (China is not CHINT)
      if (/^[A-Z][a-z]+$/.test(text) && key.length < 7) return undefined;
      const budget = key.length >= 8 ? 2 : 1;
      let best: { entry: LexEntry; cost: number } | undefined;
      for (let length = key.length - budget; length <= key.length + budget; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          // a different first letter or version number is a different name (GPT-4 is not GPT-4o's slip)
          if (candidate.key[0] !== key[0] || digits(candidate.key) !== digits(key)) continue;
          // a name cut short (Model → Model Y) is not a slip
          if (candidate.key.startsWith(key) || key.startsWith(candidate.key)) continue;
          const cost = editDistance(key, candidate.key, budget);
          if (cost <= budget && (!best || cost < best.cost)) best = { entry: candidate.entry, cost };
        }
      }
      return best?.entry;
    },
  };
  latinIndexes.set(lexicon, index);
  return index;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function fold(text: string): string {
  return normalizeName(text).replace(/[^a-z0-9]/g, '');
}
