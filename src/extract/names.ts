import type { Lexicon } from '../lexicon/lexicon.js';
import { fuzzyBudget, nameCost } from '../lexicon/pinyin.js';
import type { ExtractedMention } from './schema.js';
import type { Segmenter } from './segment.js';

/** Characters that never occur in a Chinese personal name as spoken on stage (function words, pronouns, measure words). */
const NON_NAME_CHARS = new Set([...'的了是在与及我你他她它们这那个各位些就也都还又很把被对从让请说讲到着过吗呢吧啊呀哦嗯么或并但如果因所要会能已']);

/** Surnames that are also conjunctions or prepositions. */
const FUNCTION_SURNAMES = new Set([...'和与及对向将把被给让从于为同跟']);

/** Characters that end the name of a unit (系, 部, 局 …); a personal name does not end with them. */
const UNIT_FINAL_CHARS = new Set([...'系部局院所司委厅处办校馆社厂组队室科']);

/** Characters that typically end an organisation or department name; a name does not start with them. */
const ORG_FINAL_CHARS = new Set([...'局部委院司团心所室厅处办会校行馆台网站社厂店组队科系区市省县镇州国业司']);

export interface NameCheck {
  /** Allow transliterated foreign names of up to 8 characters (only when the slot is clearly delimited). */
  long?: boolean;
  /** When given, a two-character candidate that the dictionary knows as an ordinary word (平台, 空间) is refused. */
  segmenter?: Segmenter;
  /** Whether the first character must be a surname (the default), or may be anything: a host's stage name said by themself (我是节目主持人子龙). */
  surname?: 'known' | 'any';
}

/** True when the text can be a person's name: surname first, Han only, short, not a known title, place or organisation. */
export function isPlausibleName(text: string, lexicon: Lexicon, check: NameCheck = {}): boolean {
  const chars = [...text];
  if (chars.length < 2) return false;
  if (!chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  // a known person misheard may come out with a character no name has (王会文 for 王慧文)
  if (chars.some((c) => NON_NAME_CHARS.has(c))) return chars.length >= 3 && lexicon.homophone(text, 'Person') !== undefined;
  if (/[总董]$/.test(text) && chars.length <= 3) return false; // 张总, 柯董: a reference, not a name
  if (lexicon.titleSet.has(text) || lexicon.places.has(text) || lexicon.orgWords.has(text)) return false;
  const known = lexicon.lookup(text);
  if (known && known.type !== 'Person') return false;
  if (known?.type === 'Person') return true;
  const compound = chars.length >= 3 && lexicon.compoundSurnames.has(chars[0]! + chars[1]!);
  const maxLength = check.long ? 8 : compound ? 4 : 3;
  if (chars.length > maxLength) return false;
  if (chars.length >= 4 && !compound) return check.long === true;
  const surname = check.surname ?? 'known';
  if (!compound && !lexicon.surnames.has(chars[0]!) && surname !== 'any') return false;
  if (chars.length === 2 && chars[0] === chars[1]) return false; // 魏魏 of 谢谢魏魏主任: a doubled character, not a name
  if (UNIT_FINAL_CHARS.has(chars[chars.length - 1]!)) return false; // 程系 of 工程系, 数据局
  if (check.segmenter && !check.long) {
    if (chars.length === 2 && check.segmenter.isOrdinaryWord(text)) return false;
    if (chars.length === 3 && !compound && check.segmenter.isOrdinaryWord(chars[0]! + chars[1]!)) return false; // 理解柯
    // a conjunction or preposition before an ordinary word (和见证, 与会议) is not a surname and a given name
    if (chars.length === 3 && FUNCTION_SURNAMES.has(chars[0]!) && check.segmenter.isOrdinaryWord(chars[1]! + chars[2]!)) return false;
    // 云之声 for 云知声: a known organisation misheard, not a person
    if (chars.length === 3 && lexicon.homophone(text, 'Organization')) return false;
  }
  return true;
}

/** A transliterated foreign name at the end of a text: two to four Han syllable groups joined by a middle dot. */
const TRANSLITERATED_END = /(?:(?!的)\p{Script=Han}){2,4}(?:[·・]\p{Script=Han}{1,6}){1,3}$/u;

/**
 * Splits "organisation + name" (中国移动高同庆, 上海市科委胡魁) into its two parts, choosing a
 * three-character name unless its first character cannot start a name.
 */
export function splitOrgAndName(text: string, lexicon: Lexicon, segmenter?: Segmenter): { org: string; name: string } | undefined {
  // a foreign name written in Han characters with its dots (汉娜·穆勒, 艾米丽·卡特) is one name, after the organisation
  const dotted = TRANSLITERATED_END.exec(text);
  if (dotted) {
    // the first syllable group is as long as leaves a known organisation (or nothing) before it; else two characters
    const dot = dotted.index + dotted[0].search(/[·・]/);
    const splits = [2, 3, 4].filter((k) => dot - k >= 0).map((k) => ({ org: text.slice(0, dot - k).replace(/的$/, ''), name: text.slice(dot - k) }));
    const known = splits.find(({ org }) => org === '' || lexicon.lookupOrganization(org) || lexicon.suffixIndex.longestEndingAt(org, org.length));
    return known ?? splits[0];
  }
  const chars = [...text];
  if (chars.length <= 3 && isPlausibleName(text, lexicon, { segmenter })) return { org: '', name: text };
  const options: number[] = [];
  if (chars.length >= 5 && lexicon.compoundSurnames.has(chars[chars.length - 4]! + chars[chars.length - 3]!)) options.push(4);
  options.push(3, 2);
  for (const length of options) {
    if (chars.length - length < 2 && chars.length !== length) continue;
    const name = chars.slice(-length).join('');
    const org = chars.slice(0, -length).join('');
    if (length === 3 && ORG_FINAL_CHARS.has(chars[chars.length - 3]!)) continue;
    // a name does not start inside an ordinary word: 理解|柯 of 我们怎么来理解柯董事长 is no 来理 + 解柯
    if (segmenter?.tag(text).some((t) => t.start < org.length && t.end > org.length && segmenter.isOrdinaryWord(t.word))) continue;
    if (isPlausibleName(name, lexicon, { segmenter })) return { org, name };
  }
  return undefined;
}

/**
 * The part of a Latin-script text that is a person's name, as foreign guests are introduced after a Chinese
 * title ("副秘书长 Duk Doctor Osman", "首席科学家Yann LeCun"): up to four capitalised words after the last
 * English honorific; undefined when it is anything else (a known organisation, model or product, a term).
 */
export function latinPersonName(text: string, lexicon: Lexicon): { start: number; end: number } | undefined {
  const words = [...text.matchAll(/[^\s]+/g)];
  // every word capitalised, honorifics included: "thank you Mr Liu" is not an introduction
  if (words.length === 0 || !/^[\sA-Za-z.'’\-]+$/.test(text) || !words.every((w) => /^[A-Z]/.test(w[0]))) return undefined;
  const honorifics = new Set(lexicon.englishHonorifics.map((h) => h.toLowerCase().replace(/\.$/, '')));
  let first = 0;
  words.forEach((w, k) => {
    if (honorifics.has(w[0].toLowerCase().replace(/\.$/, ''))) first = k + 1;
  });
  const name = words.slice(first);
  if (name.length === 0 || name.length > 4 || !name.every((w) => /^[A-Z][a-zA-Z'’\-]*\.?$/.test(w[0]))) return undefined;
  const start = name[0]!.index;
  const last = name[name.length - 1]!;
  const end = last.index + last[0].length;
  const value = text.slice(start, end);
  if (value.replace(/[^A-Za-z]/g, '').length < 3 || lexicon.latinTerms.has(value.toLowerCase()) || lexicon.lookup(value)) return undefined;
  // "the Party Committee": words that name a body or a title are no one's name
  if (name.some((w) => lexicon.englishOrgWords.has(w[0].toLowerCase()) || lexicon.englishTitleWords.has(w[0].toLowerCase()))) return undefined;
  return { start, end };
}

/**
 * Whether one of these mentions (those on lines before `beforeLine`, when given) is a person of three to five
 * Han characters whose name sounds like the text (伟尚陈赞 / 伟尚成藏).
 */
export function soundsLikeSomeoneNamed(mentions: ExtractedMention[], text: string, beforeLine = Infinity): boolean {
  const length = [...text].length;
  if (length < 3 || length > 5 || !/^\p{Script=Han}+$/u.test(text)) return false;
  return mentions.some((m) => m.type === 'Person' && m.line < beforeLine && m.form !== text && [...m.form].length === length && nameCost(m.form, text) <= fuzzyBudget(length));
}
