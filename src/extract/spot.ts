import type { Line } from '../ingest/schema.js';
import type { SpotHit } from '../lexicon/lexicon.js';
import { displayPinyin } from '../lexicon/pinyin.js';
import { adjoins } from '../util/text.js';
import type { DocumentContext } from './context.js';

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Short Han names and homophones must line up with word boundaries: 成电 is not in 集成电路, 南省大 not in 海南省大数据局. */
function needsBoundaryCheck(line: Line, hit: SpotHit): boolean {
  const text = line.text.slice(hit.start, hit.end);
  return HAN_ONLY.test(text) && (hit.method === 'lexicon-pinyin' || text.length <= 3);
}


/** Lexicon names and their ASR homophones, on every line (the title heading included). */
export function spotLexiconNames(ctx: DocumentContext): void {
  for (const line of ctx.doc.lines) {
    if (!line.text.trim()) continue;
    let bounds: Set<number> | undefined;
    for (const hit of ctx.lexicon.spot(line.text)) {
      // a two-character short name glued to a model word is part of that phrase (台大 in 多模台大模型)
      if (hit.end - hit.start === 2 && /^(大?模型|模态)/.test(line.text.slice(hit.end, hit.end + 3)) && hit.entry.type !== 'Model') continue;
      // a two-character name right after a surname is the end of a longer name (杨帆 in 陈杨帆)
      if (hit.entry.type === 'Person' && hit.end - hit.start === 2 && hit.start > 0 && ctx.lexicon.surnames.has(line.text[hit.start - 1]!)) continue;
      // a pronoun does not start a name: 这四大 sounds like 浙师大 but says "these four"
      if (hit.method === 'lexicon-pinyin' && /^[这那哪我你他她它]/.test(line.text.slice(hit.start, hit.end))) continue;
      if (needsBoundaryCheck(line, hit)) {
        bounds ??= ctx.segmenter.dictionaryBoundaries(line.text);
        if (!bounds.has(hit.start) || !bounds.has(hit.end)) continue;
      }
      const entry = hit.entry;
      // a national body's short name after a place (无锡市国资委, 杭州市发改委) names that place's own body
      const place = entry.type === 'Organization' && entry.kind === 'government' ? placeBefore(ctx, line.text, hit.start) : undefined;
      if (place) {
        ctx.addMention({ type: 'Organization', start: hit.start - place.length, end: hit.end, line: line.number, method: 'org-suffix', confidence: 0.8, kind: 'government' }, line);
        continue;
      }
      // a name ending in a letter set apart (Model S) is not the English plural (models)
      if (/ [A-Za-z]$/.test(entry.name) && /[a-z][a-z]$/.test(line.text.slice(hit.start, hit.end))) continue;
      ctx.addMention({
        type: entry.type,
        start: hit.start,
        end: hit.end,
        line: line.number,
        method: hit.method,
        lexiconName: entry.name,
        confidence: hit.method === 'lexicon' ? 0.95 : 0.75,
        ...(hit.method === 'lexicon-pinyin' ? { pinyin: displayPinyin(line.text.slice(hit.start, hit.end)) } : {}),
        ...(entry.kind ? { kind: entry.kind } : {}),
        ...(entry.category ? { category: entry.category } : {}),
      }, line);
    }
  }
}

/** A province, city or district named right before `at` (无锡市, 江苏省, 浦东新区), not the country. */
function placeBefore(ctx: DocumentContext, text: string, at: number): string | undefined {
  for (let length = Math.min(at, 6); length >= 2; length--) {
    const place = text.slice(at - length, at);
    if (/^(?:中国|全国|国家|中华人民共和国)/.test(place) || !/(?:省|市|区|县|州)$/.test(place)) continue;
    if (ctx.lexicon.places.has(place) || ctx.lexicon.places.has(place.slice(0, -1))) return place;
  }
  return undefined;
}

const LATIN_TOKEN = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{3,15})(?![A-Za-z0-9])/g;
/** What follows an organisation acting in speech (苹果发布, 跟苹果交流, 苹果公司). */
const AGENT_AFTER = /^(也|还|已经|刚刚|最近|就)?(的)?(发布|推出|宣布|交流|合作|分享|投资|收购|开发|研发|公司|集团|的CEO|的创始人|的产品|的手机|的模型|的芯片|的团队)/;
/** What precedes an organisation someone deals with (跟苹果, 与中兴). */
const PARTNER_BEFORE = /(跟|与|和|同|向|对|被)$/;
/** One character that joins two names of a kind. */
const JOIN = /^[和与、跟及]$/;

/**
 * Weak aliases (ordinary words that also name an entity: 苹果, 中兴) where the sentence treats them
 * as an actor: followed by 发布/推出/合作/公司, or after 跟/与 and followed by such a verb.
 */
export function spotWeakAliases(ctx: DocumentContext): void {
  const weak = ctx.lexicon.weakForms();
  if (weak.size === 0) return;
  const byFirst = new Map<string, string[]>();
  for (const form of weak.keys()) byFirst.set(form[0]!, [...(byFirst.get(form[0]!) ?? []), form]);
  for (const line of ctx.contentLines()) {
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      const forms = byFirst.get(text[i]!);
      if (!forms) continue;
      for (const form of forms) {
        if (!text.startsWith(form, i)) continue;
        const end = i + form.length;
        if (ctx.overlapping(line.number, i, end).length > 0) continue;
        const after = text.slice(end, end + 6);
        const entry = weak.get(form)!;
        // joined to a name of its kind (百度和吉利, 吉利、蔚来): one of a pair or a list of such names
        const joined = ctx.mentionsOnLine(line.number).some((m) => m.type === entry.type && !m.reference &&
          ((m.end === i - 1 && JOIN.test(text[i - 1]!)) || (m.start === end + 1 && JOIN.test(text[end] ?? ''))));
        // followed by a model or product of its own (字节的豆包大模型, 苹果的iPhone)
        const ownsNext = entry.type === 'Organization' && ctx.mentionsOnLine(line.number).some((m) => (m.type === 'Model' || m.type === 'Product') &&
          adjoins(text, end, m.start) && m.lexiconName !== undefined && ctx.lexicon.entry(m.type, m.lexiconName)?.owner === entry.name);
        // after the company that makes it (科大讯飞的星火)
        const ownedBefore = (entry.type === 'Model' || entry.type === 'Product') && entry.owner && ctx.mentionsOnLine(line.number).some((m) => m.type === 'Organization' &&
          adjoins(text, m.end, i) && m.lexiconName === entry.owner);
        if (!joined && !ownsNext && !ownedBefore && !AGENT_AFTER.test(after) && !(PARTNER_BEFORE.test(text.slice(Math.max(0, i - 1), i)) && /^(的)?(交流|合作|分享|一起|共同)/.test(after))) continue;
        ctx.addMention({
          type: entry.type, start: i, end, line: line.number, method: 'lexicon', lexiconName: entry.name, confidence: 0.7,
          ...(entry.kind ? { kind: entry.kind } : {}), ...(entry.category ? { category: entry.category } : {}),
        }, line);
        break;
      }
    }
  }
}


/**
 * Latin names misspelled by speech recognition (chaGPT, GBT4O): tokens with a capital after the first
 * letter, or with digits, within one or two edits of a lexicon name.
 */
export function spotLatinMisspellings(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    // four letters and digits, a letter first (GBT4O): what a name to check needs
    if (!/[A-Za-z][A-Za-z0-9]{3}/.test(line.text)) continue;
    spotSpokenAi(ctx, line);
    LATIN_TOKEN.lastIndex = 0;
    for (const m of line.text.matchAll(LATIN_TOKEN)) {
      const token = m[1]!;
      if (!/[A-Z]/.test(token.slice(1)) && !/\d/.test(token)) continue;
      if (token.length < (/[A-Z]/.test(token.slice(1)) ? 4 : 5) || ctx.lexicon.latinTerms.has(token.toLowerCase())) continue;
      // a short acronym one letter off another (CSSA / CSSC, AIAI / AAAI) is another acronym or a stutter
      if (/^[A-Z]{1,5}$/.test(token)) continue;
      const start = m.index;
      if (ctx.overlapping(line.number, start, start + token.length).length > 0) continue;
      const close = ctx.lexicon.closestLatin(token);
      if (!close || close.distance === 0) continue;
      ctx.addMention({
        type: close.entry.type, start, end: start + token.length, line: line.number, method: 'lexicon', lexiconName: close.entry.name, confidence: 0.7,
        ...(close.entry.kind ? { kind: close.entry.kind } : {}), ...(close.entry.category ? { category: close.entry.category } : {}),
      }, line);
    }
  }
}

/** A Latin word followed by "eye", the way speech recognition hears the letters AI (open eye → OpenAI). */
const SPOKEN_AI = /(?<![A-Za-z0-9])([A-Za-z]{1,12}) ?(?:eye|Eye|EYE)(?![A-Za-z0-9])/g;

function spotSpokenAi(ctx: DocumentContext, line: Line): void {
  SPOKEN_AI.lastIndex = 0;
  for (const m of line.text.matchAll(SPOKEN_AI)) {
    const entry = ctx.lexicon.lookup(`${m[1]}AI`);
    const start = m.index;
    const end = start + m[0].length;
    if (!entry || entry.type === 'Person' || ctx.overlapping(line.number, start, end).length > 0) continue;
    ctx.addMention({
      type: entry.type, start, end, line: line.number, method: 'lexicon', lexiconName: entry.name, confidence: 0.7,
      ...(entry.kind ? { kind: entry.kind } : {}), ...(entry.category ? { category: entry.category } : {}),
    }, line);
  }
}

/**
 * A company misheard right before a model or product of its own (腾迅的混元): two characters are too few to be
 * taken by their sound alone, but the model names who makes it, so a name before it that sounds like its maker is.
 */
export function spotMakersBeforeTheirModels(ctx: DocumentContext): void {
  for (const m of [...ctx.mentions]) {
    if ((m.type !== 'Model' && m.type !== 'Product') || !m.lexiconName) continue;
    const owner = ctx.lexicon.entry(m.type, m.lexiconName)?.owner;
    if (!owner) continue;
    const line = ctx.line(m.line);
    const end = line.text[m.start - 1] === '的' ? m.start - 1 : m.start;
    for (let length = Math.min(4, end); length >= 2; length--) {
      const start = end - length;
      const form = line.text.slice(start, end);
      if (!HAN_ONLY.test(form) || ctx.overlapping(line.number, start, end).length > 0) continue;
      const maker = ctx.lexicon.homophones(form, 'Organization').find((e) => e.name === owner);
      if (!maker) continue;
      ctx.addMention({
        type: 'Organization', start, end, line: line.number, method: 'lexicon-pinyin', lexiconName: maker.name, confidence: 0.75,
        pinyin: displayPinyin(form), ...(maker.kind ? { kind: maker.kind } : {}),
      }, line);
      break;
    }
  }
}
