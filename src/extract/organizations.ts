import type { Line } from '../ingest/schema.js';
import type { OrgKind, SuffixEntry } from '../lexicon/schema.js';
import { LEGAL_ENDINGS } from '../lexicon/lexicon.js';
import type { DocumentContext } from './context.js';
import { givenNameAt } from './products.js';
import { isPlausibleName } from './names.js';
import type { ExtractedMention } from './schema.js';
import type { Token } from './segment.js';
import { CLAUSE_BREAK } from '../util/text.js';

/**
 * An organisation read from a slot of the stage grammar, not yet added as a mention: it becomes one
 * only when a person is attached to it (`materialize`), so that text before a stray title word never
 * turns into an organisation. `department` is what followed a known organisation (中国商飞 + 信息化部).
 */
export interface OrgSlot {
  line: Line;
  start: number;
  end: number;
  existing?: ExtractedMention;
  /** Lexicon organisation the whole slot names (weak alias, or with/without a legal ending). */
  lexiconName?: string;
  kind?: OrgKind;
  impliedName?: string;
  confidence: number;
  department?: string;
}

/** Endings of internal departments, which belong in a person's title rather than becoming organisations. */
/** Part-of-speech tags (jieba) that can be inside an organisation name. */
const NAME_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'b', 'j', 'eng', 'l', 'ng', 'x', 'an', 'nw']);
/** Tags of nouns: a name needs at least one before its suffix. */
const NOUN_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'eng', 'x', 'ng', 'nw', 'vn', 'l']);
/** Tags that make a name proper (not a run of common nouns). */
const PROPER_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'eng', 'x']);
/** Pronouns, demonstratives and particles: text holding one is speech, not an organisation's name. */
const NOT_IN_NAME = /[我你他她它们这那哪各每些了吗呢吧啊呃嗯就都也还很]|的/;
const LEADING_JUNK = /^[的之和与及是在把被对从向]+/;
/** Determiners, pronouns and particles that end speech before an organisation's name. */
const SPEECH_GLUE = /^(?:看|聊|谈|问|说|讲)|这是|那是|聊一聊|聊聊|谈一谈|谈谈|说一说|讲一讲|^代表|比如说|比如|例如|譬如|包括|祝贺|恭喜|感谢|谢谢|再次|部分|旗下|全市|全省|全国|全区|全县|分别|就是|整个|刚才|刚刚|所有|先问|请问|想问|补充一下|这个|那个|一个|各个|各大|几大|两大|三大|四大|五大|我们|你们|他们|大家|怎么|什么|应该|可以|需要|能够|[的是了在把被给让对从向我你他她它这那哪些各每个要想由]|^据/g;
const TRAILING_JUNK = /[的之和与及]+$/;
const GOVERNMENT_PLACE = /(省|市|区|县|州|自治区)$/;
/** Short names of internal units (科技部, 信息化部, 科创部, 数字化部) after an organisation's name. */
const DEPARTMENT_LIKE = /(部|处|科|办|室|委|中心|事业部|事业群)$/;
/** Longest organisation name accepted from a slot without a suffix or lexicon support. */
const MAX_BARE_SLOT = 10;

/** The last match of a global regex in a text, as `[...text.matchAll(regex)].at(-1)` gives it, without making every match an array. */
function lastMatch(regex: RegExp, text: string, accept: (m: RegExpExecArray) => boolean = () => true): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (accept(m)) last = m;
    if (m[0] === '') regex.lastIndex++;
  }
  return last;
}

function endingSuffix(ctx: DocumentContext, name: string): SuffixEntry | undefined {
  const found = ctx.lexicon.suffixIndex.longestEndingAt(name, name.length)?.value;
  return found && name.length > found.suffix.length ? found : undefined;
}

/**
 * Reads [start, end) of a line as the organisation of an introduction: a lexicon organisation (with a
 * trailing department kept apart), a place standing for its government, or a new organisation name.
 * `requireEvidence` asks for a suffix or homophone of a lexicon name when the slot alone is not enough
 * (an item on its own in a list).
 */
export function organizationSlot(
  ctx: DocumentContext,
  line: Line,
  start: number,
  end: number,
  options: { requireEvidence?: boolean } = {},
): OrgSlot | undefined {
  // 中车集团科技部的 of 中车集团科技部的刘万成部长: the 的 that links the organisation to its guest is no glue before it
  const linked = line.text.slice(start, end).match(TRAILING_JUNK)?.[0].length ?? 0;
  // …but what stands before it must show it is an organisation (not 大咖说的嘉宾, a part of the programme)
  if (linked > 0) {
    end -= linked;
    options = { ...options, requireEvidence: true };
  }
  // glue inside a name already found (从 of 云从科技, 对 of 对外经济贸易大学) is part of that name
  const orgs = ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && m.start < end && start < m.end);
  const glue = lastMatch(SPEECH_GLUE, line.text.slice(start, end), (m) => !orgs.some((o) => o.start <= start + m.index && start + m.index + m[0].length <= o.end));
  if (glue) start += glue.index + glue[0].length;
  const lead = orgs.some((o) => o.start === start) ? 0 : line.text.slice(start, end).match(LEADING_JUNK)?.[0].length ?? 0;
  start += lead;
  const trail = line.text.slice(start, end).match(TRAILING_JUNK)?.[0].length ?? 0;
  end -= trail;
  end = start + withoutField(ctx, line.text.slice(start, end)).length;
  const raw = line.text.slice(start, end);
  if ([...raw].length < 2 || !/\p{Script=Han}|[A-Za-z]{2,}/u.test(raw)) return undefined;
  const { lexicon } = ctx;
  if (lexicon.isGenericOrganization(raw) || lexicon.titleSet.has(raw)) return undefined;

  const overlapping = ctx.overlapping(line.number, start, end).filter((m) => m.type === 'Organization');
  const atStart = overlapping.filter((m) => m.start === start).sort((a, b) => b.end - a.end)[0];
  const known = lexicon.lookupOrganization(raw);
  if (known && !(atStart && atStart.end === end)) {
    if (overlapping.some((m) => m.start < start || m.end > end)) return undefined;
    return { line, start, end, lexiconName: known.name, kind: known.kind, confidence: 0.9 };
  }
  if (atStart?.end === end) return { line, start, end, existing: atStart, confidence: atStart.confidence };
  // several organisations in the slot (清华大学附属北京清华长庚医院科研部): the last one is the employer,
  // unless it is a ministry's short name used for a company's department (南方航空科技部)
  const inner = overlapping.filter((m) => m.start >= start && m.end <= end).sort((a, b) => b.end - a.end);
  for (const m of inner) {
    if (m === atStart) break;
    const tail = line.text.slice(m.end, end);
    const before = inner.find((o) => o.end <= m.start);
    const ministryAsDepartment = m.kind === 'government' && before && before.kind !== 'government' && DEPARTMENT_LIKE.test(m.form);
    if (ministryAsDepartment) continue;
    if (tail === '') return { line, start: m.start, end, existing: m, confidence: m.confidence };
    if (DEPARTMENT_LIKE.test(tail) && [...tail].length <= 6 && !NOT_IN_NAME.test(tail) && !lexicon.lookupOrganization(tail)) {
      return { line, start: m.start, end: m.end, existing: m, department: tail, confidence: m.confidence };
    }
  }
  // a known organisation followed by more text: a unit with its own name (清华大学基础模型研究中心) or a department (中国商飞信息化部)
  const prefix = atStart ? { end: atStart.end, existing: atStart as ExtractedMention | undefined, name: undefined as string | undefined } : knownPrefix(ctx, raw, start);
  if (prefix) {
    const rest = line.text.slice(prefix.end, end);
    if (NOT_IN_NAME.test(rest)) return undefined;
    // 中国石化石化盈科: the second, more specific organisation is the employer; but 南方航空科技部 is a
    // department, even though 科技部 alone is also the ministry's short name
    const restEntry = lexicon.lookupOrganization(rest);
    const prefixKind = prefix.existing?.kind ?? (prefix.name ? lexicon.entry('Organization', prefix.name)?.kind : undefined);
    const departmentLike = DEPARTMENT_LIKE.test(rest) && [...rest].length <= 5 && (!restEntry || (restEntry.kind === 'government' && prefixKind !== 'government'));
    const restMention = overlapping.find((m) => m.start === prefix.end && m.end === end);
    if (restMention && !departmentLike) return { line, start: prefix.end, end, existing: restMention, confidence: restMention.confidence };
    if (restMention) ctx.removeMention(restMention);
    const restKnown = departmentLike ? undefined : lexicon.lookupOrganization(rest);
    if (restKnown) return { line, start: prefix.end, end, lexiconName: restKnown.name, kind: restKnown.kind, confidence: 0.85 };
    // 库帕斯 + 科技: the same organisation written with its ending
    if (LEGAL_ENDINGS.includes(rest)) {
      const name = prefix.existing?.lexiconName ?? prefix.name;
      return { line, start, end, ...(name ? { lexiconName: name } : {}), kind: prefix.existing?.kind ?? 'company', confidence: 0.85 };
    }
    const restSuffix = endingSuffix(ctx, rest);
    if (restSuffix?.strength === 'strong' && !startsWithPlace(ctx, rest)) {
      return { line, start, end, kind: restSuffix.kind, confidence: 0.8 };
    }
    const head = prefix.existing
      ? { existing: prefix.existing, confidence: prefix.existing.confidence }
      : { lexiconName: prefix.name, kind: lexicon.entry('Organization', prefix.name!)?.kind, confidence: 0.85 };
    return { line, start, end: prefix.end, ...head, department: rest };
  }
  if (overlapping.some((m) => m.start < start || m.end > end)) return undefined;
  if (NOT_IN_NAME.test(raw)) return undefined;

  if (lexicon.places.has(raw)) {
    if (!GOVERNMENT_PLACE.test(raw)) return undefined;
    return { line, start, end, kind: 'government', impliedName: `${raw}人民政府`, confidence: 0.7 };
  }
  if (isPlausibleName(raw, lexicon)) return undefined;
  const suffix = endingSuffix(ctx, raw);
  const homophone = suffix ? undefined : ctx.lexicon.closest(raw, 'Organization');
  if (!suffix && !homophone) {
    // a known organisation's name written with other characters of the same sound (迅飞 for 讯飞, 智普AI for 智谱AI)
    const soundsKnown = [...raw].length <= MAX_BARE_SLOT ? lexicon.homophones(raw, 'Organization', { weak: true }) : [];
    if (soundsKnown.length === 1) return { line, start, end, lexiconName: soundsKnown[0]!.name, kind: soundsKnown[0]!.kind, confidence: 0.75 };
    // a bare name: it must read as a proper noun, not an ordinary word (签约嘉宾, 以下嘉宾)
    if (options.requireEvidence || [...raw].length > MAX_BARE_SLOT) return undefined;
    if (ctx.segmenter.isOrdinaryWord(raw)) return undefined;
    const tags = ctx.segmenter.tag(raw);
    if (!tags.some((t) => PROPER_TAGS.has(t.tag))) return undefined;
    // 将AI变 of 将AI变成虚拟老师: a name does not end in a verb
    if (/^v[dg]?$/.test(tags.at(-1)!.tag)) return undefined;
  }
  if ([...raw].length > 24) return undefined;
  return { line, start, end, kind: suffix?.kind ?? homophone?.entry.kind ?? 'company', confidence: suffix ? 0.85 : 0.7 };
}

/**
 * The longest known organisation that starts the text (华为 in 华为升腾), when the lexicon spotter did not
 * mark it; or one misheard (好威云 in 好威云marketing部), when a department follows it.
 */
function knownPrefix(ctx: DocumentContext, raw: string, start: number): { end: number; existing: undefined; name: string } | undefined {
  if (ctx.lexicon.mayStartOrganization(raw)) {
    for (let length = raw.length - 1; length >= 2; length--) {
      const entry = ctx.lexicon.lookupOrganization(raw.slice(0, length));
      if (entry) return { end: start + length, existing: undefined, name: entry.name };
    }
  }
  if (!DEPARTMENT_LIKE.test(raw)) return undefined;
  for (let length = Math.min(raw.length - 1, 8); length >= 3; length--) {
    const head = raw.slice(0, length);
    const near = /^\p{Script=Han}+$/u.test(head) ? ctx.lexicon.closest(head, 'Organization') : undefined;
    const entry = near?.withinBudget ? near.entry : undefined;
    if (entry && [...entry.name].length === length && DEPARTMENT_LIKE.test(raw.slice(length))) return { end: start + length, existing: undefined, name: entry.name };
  }
  return undefined;
}

/** 欧洲科学院 after 北京大学 is a second organisation, not a unit of the first. */
function startsWithPlace(ctx: DocumentContext, text: string): boolean {
  for (let length = Math.min(text.length - 1, 6); length >= 2; length--) if (ctx.lexicon.places.has(text.slice(0, length))) return true;
  return false;
}

/** The mention for an organisation slot, added when a person is attached to it. */
export function materialize(ctx: DocumentContext, slot: OrgSlot): ExtractedMention {
  if (slot.existing) return slot.existing;
  return ctx.addMention({
    type: 'Organization', start: slot.start, end: slot.end, line: slot.line.number,
    method: slot.lexiconName ? 'lexicon' : 'introduction', confidence: slot.confidence,
    ...(slot.lexiconName ? { lexiconName: slot.lexiconName } : {}),
    ...(slot.kind ? { kind: slot.kind } : {}), ...(slot.impliedName ? { impliedName: slot.impliedName } : {}),
  }, slot.line);
}

/** Organisation names ending in a known suffix (有限公司, 研究院, 大学, 管委会 …) anywhere in the text. */
export function extractSuffixOrganizations(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    const text = line.text;
    let tokens: Token[] | undefined;
    let clauseStart = -1;
    for (let i = 0; i < text.length; i++) {
      const suffix = lexicon.freeSuffixIndex.longestAt(text, i)?.value;
      if (!suffix) continue;
      const end = i + suffix.suffix.length;
      if (ctx.overlapping(line.number, i, end).some((m) => m.type === 'Organization' || m.type === 'Person')) continue;
      // clause around the suffix, tagged once per clause
      let from = i;
      // a space between Latin words before a Chinese suffix (AI Verify基金会) does not end the clause
      const hanSuffix = /^\p{Script=Han}/u.test(suffix.suffix);
      const breaksClause = (at: number) => CLAUSE_BREAK.test(text[at]!) && !(hanSuffix && text[at] === ' ' && /[A-Za-z]/.test(text[at - 1] ?? '') && /[A-Za-z]/.test(text[at + 1] ?? ''));
      while (from > 0 && !breaksClause(from - 1)) from--;
      if (from !== clauseStart) {
        let to = end;
        while (to < text.length && !breaksClause(to)) to++;
        tokens = ctx.segmenter.tag(text.slice(from, to)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
        clauseStart = from;
      }
      const found = nameBefore(ctx, line, tokens!, i, end, suffix);
      if (found) {
        ctx.addMention({ type: 'Organization', start: found.start, end, line: line.number, method: 'org-suffix', confidence: suffix.strength === 'strong' ? 0.8 : 0.6, kind: suffix.kind }, line);
        dropCoincidentalNames(ctx, line, found.start, i);
        i = end - 1;
      }
    }
  }
}

/** The start of a known place that begins before `start` and ends after it, before the suffix; else `start`. */
function placeAcross(ctx: DocumentContext, text: string, start: number, suffixStart: number): number {
  for (let before = 1; before <= 2 && start - before >= 0; before++) {
    for (let after = 1; after <= 3 && start + after <= suffixStart; after++) {
      if (ctx.lexicon.places.has(text.slice(start - before, start + after))) return start - before;
    }
  }
  return start;
}

/** Words that follow an organisation's name as a verb of cooperation (与深言科技合作), though tagged as nouns. */
const COOPERATION_AFTER = /^(合作|签约|联合|携手|共建)$/;

/** The field a title is held in, said between the organisation and the title (人工智能领域首席科学家). */
const FIELD_WORD = /(?:领域|方向|板块)$/;

/** An organisation slot without the field its guest's title is held in (好威云人工智能领域 → 好威云). */
function withoutField(ctx: DocumentContext, text: string): string {
  const field = FIELD_WORD.exec(text);
  if (!field) return text;
  let cut = field.index;
  const words = ctx.segmenter.tag(text.slice(0, cut));
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k]!;
    if (word.end !== cut || word.word.length < 2 || !ctx.segmenter.isOrdinaryWord(word.word) || ctx.lexicon.lookupOrganization(word.word)) break;
    cut = word.start;
  }
  return text.slice(0, cut);
}

/**
 * A known short name inside a longer one that goes on with name characters of its own (云启 of
 * 北京云启智联科技有限公司) is a coincidence, not that organisation; one followed only by ending words (商汤 of
 * 上海商汤智能科技) stays.
 */
function dropCoincidentalNames(ctx: DocumentContext, line: Line, start: number, suffixStart: number): void {
  for (const inner of ctx.overlapping(line.number, start, suffixStart)) {
    // only a short name said for a longer one (云启 for 云启资本): a company's own name in a longer one is its subsidiary's
    if (inner.type !== 'Organization' || inner.method !== 'lexicon' || inner.form === inner.lexiconName || inner.start < start || inner.end >= suffixStart) continue;
    let rest = line.text.slice(inner.end, suffixStart);
    for (let ending = ctx.lexicon.suffixIndex.longestEndingAt(rest, rest.length); ending && rest; ending = ctx.lexicon.suffixIndex.longestEndingAt(rest, rest.length)) {
      rest = rest.slice(0, rest.length - ending.phrase.length);
    }
    if (/\p{Script=Han}/u.test(rest) && !ctx.segmenter.isOrdinaryWord(rest)) ctx.removeMention(inner);
  }
}

/** Verbs whose object a body's name is, never part of it. */
const GOVERNING_VERBS = new Set(['建设', '打造', '成立', '建立', '设立', '组建', '共建', '依托', '担任', '作为', '加入', '联合', '申报', '获批', '启动', '发起', '举行', '召开', '祝贺', '恭喜', '介绍', '欢迎']);

/** A body being set up (打造AI数据集联创基地, 成立了大模型的语料联盟): the verb, then the new body's name. */
const FOUNDING = /(?:打造|建设|成立|建立|设立|组建|共建|揭牌)了?(?:一个|一批|首个)?([\p{Script=Han}A-Za-z0-9]{2,14}?(联创基地|创新基地|联合实验室|实验室|研究院|创新中心|联盟))/gu;
/** Words that never stand inside such a name: conjunctions, fillers, demonstratives. */
const NOT_IN_FOUNDED = /[和与及呃嗯啊这那]|一个|^.?的/;

/**
 * Bodies named as they are set up, and the ones listed right after them (打造AI数据集联创基地AI应用示范联创基地、
 * AI模型评测联创基地): new bodies the lexicon cannot know, named by what the speaker builds.
 */
export function extractFoundedBodies(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    FOUNDING.lastIndex = 0;
    for (const m of line.text.matchAll(FOUNDING)) {
      let start = m.index + m[0].length - m[1]!.length;
      let name = m[1]!;
      const suffix = m[2]!;
      for (;;) {
        if (!addFoundedBody(ctx, line, start, name, suffix)) break;
        // the next item of the list: glued on, or after 、 and, or 和
        const rest = line.text.slice(start + name.length);
        const next = new RegExp(`^([、，,和及])?([\\p{Script=Han}A-Za-z0-9]{2,14}?${suffix})`, 'u').exec(rest);
        if (!next) break;
        start += name.length + (next[1]?.length ?? 0);
        name = next[2]!;
      }
    }
  }
}

function addFoundedBody(ctx: DocumentContext, line: Line, start: number, name: string, suffix: string): boolean {
  const core = name.slice(0, name.length - suffix.length);
  if ([...core].length < 2 || NOT_IN_FOUNDED.test(core)) return false;
  if (ctx.lexicon.isGenericOrganization(name) || ctx.segmenter.isOrdinaryWord(core)) return false;
  const end = start + name.length;
  if (ctx.overlapping(line.number, start, end).some((m) => m.type === 'Organization' || m.type === 'Person')) return true;
  const kind = ctx.lexicon.suffixIndex.longestEndingAt(name, name.length)?.value.kind ?? 'other';
  ctx.addMention({ type: 'Organization', start, end, line: line.number, method: 'founded', confidence: 0.7, kind }, line);
  return true;
}

/** Words that say a company's name comes next: 我们的子公司萤石网络, 孵化了一家公司，叫地瓜机器人. */
const COMPANY_NAMED = /(?:子公司|孙公司|旗下公司|(?:一家|这家)(?:公司|企业)[，,]?\s*(?:叫做|叫作|名为|叫))(?:是)?/g;
/** Adverbs and times that follow a name, whatever the tagger makes of them (地瓜机器人专门做…). */
const AFTER_A_NAME = /^(专门|主要|也|都|还|就|已经|正在|一直|现在|目前|今年|去年|最近)$/;
/** Tags of the words a company's name is made of here: nouns and names, not verbs or adverbs (专门, 也). */
const COMPANY_NAME_TAGS = new Set(['n', 'nz', 'nr', 'nrt', 'ns', 'nt', 'j', 'eng', 'x', 'vn', 'ng', 'l']);

/**
 * Companies named in so many words (我们的子公司剑维软件, 一家公司叫地瓜机器人专门做…): the name is the nouns that
 * follow the cue, up to a verb, an adverb or the clause's end; a lexicon name there is that organisation.
 */
export function extractNamedCompanies(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  for (const line of ctx.contentLines()) {
    if (!/公司|企业/.test(line.text)) continue;
    COMPANY_NAMED.lastIndex = 0;
    for (const m of line.text.matchAll(COMPANY_NAMED)) {
      const start = m.index + m[0].length;
      let to = start;
      while (to < line.text.length && to - start < 12 && !CLAUSE_BREAK.test(line.text[to]!)) to++;
      if (to === start) continue;
      const tokens = ctx.segmenter.tag(line.text.slice(start, to));
      let length = 0;
      for (const t of tokens) {
        if (!COMPANY_NAME_TAGS.has(t.tag) || AFTER_A_NAME.test(t.word) || (t.tag === 'x' && !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word))) break;
        length += t.word.length;
      }
      const name = line.text.slice(start, start + length);
      if ([...name].length < 2 || NOT_IN_NAME.test(name) || lexicon.isGenericOrganization(name) || lexicon.orgWords.has(name)) continue;
      if (ctx.overlapping(line.number, start, start + length).length > 0) continue;
      if (ctx.segmenter.isOrdinaryWord(name) || lexicon.places.has(name)) continue;
      const known = lexicon.lookupOrganization(name);
      ctx.addMention({
        type: 'Organization', start, end: start + length, line: line.number, method: known ? 'lexicon' : 'company-named', confidence: 0.7,
        kind: known?.kind ?? 'company', ...(known ? { lexiconName: known.name } : {}),
      }, line);
    }
  }
}

/** A title that names the academy its holder belongs to (欧洲科学院院士, 美国国家工程院外籍院士). */
const ACADEMY_TITLE = /^(.{2,}?(?:科学院|工程院))(?:外籍)?院士$/u;
const academyTitles = new WeakMap<object, Array<{ title: string; academy: string }>>();

const ORDINAL = /^第[一二三四五六七八九十百零〇两0-9]+$/;

/**
 * The academy named inside an academician's title (北京大学欧洲科学院院士谢涛: 欧洲科学院) is an organisation
 * of its own, as a known academy (中国科学院) already is where the lexicon spots it.
 */
export function extractAcademies(ctx: DocumentContext): void {
  const { lexicon } = ctx;
  let titles = academyTitles.get(lexicon);
  if (!titles) {
    titles = lexicon.titles.flatMap((title) => {
      const m = ACADEMY_TITLE.exec(title);
      return m ? [{ title, academy: m[1]! }] : [];
    });
    academyTitles.set(lexicon, titles);
  }
  for (const line of ctx.contentLines()) {
    if (!line.text.includes('院士')) continue;
    for (const { title, academy } of titles) {
      for (let at = line.text.indexOf(title); at >= 0; at = line.text.indexOf(title, at + title.length)) {
        const end = at + academy.length;
        if (ctx.overlapping(line.number, at, end).some((m) => m.type === 'Organization')) continue;
        const known = lexicon.lookupOrganization(academy);
        ctx.addMention({
          type: 'Organization', start: at, end, line: line.number, method: 'org-suffix', confidence: 0.8,
          kind: known?.kind ?? 'research', ...(known ? { lexiconName: known.name } : {}),
        }, line);
      }
    }
  }
}

/** How the segmenter tags a coined name it does not know: as a verb, an adjective, a name, a noun. */
const COINED_TAGS = new Set(['v', 'vn', 'a', 'an', 'x', 't', 'ns', 'nr', 'nrt', 'nrfg', 'nz', 'ng', 'n', 'nt', 'j', 'b']);
/** What one does to a company after a place (在上海注册科技有限公司): not part of its name. */
const COMPANY_VERBS = new Set(['注册', '创办', '创立', '投资', '收购', '入股', '控股', '并购', '落户', '新设', '组建', '设立', '成立', '来到', '位于', '还有', '包括']);
/** The legal forms of a registered company, which always follow its full name. */
const LEGAL_FORM = /有限公司$|有限责任公司$/;

/** A name that starts with a place, and the words that may stand between the place and the rest of the name. */
interface PlaceLedName {
  /** How many words, at most, stand between. */
  words: number;
  place: (ctx: DocumentContext, token: Token) => boolean;
  /** What the words between make, joined. */
  between: RegExp;
  word: (ctx: DocumentContext, line: Line, token: Token) => boolean;
}

/**
 * A registered company's name after its place, with one or two short coined words (not ordinary words, titles or
 * other mentions) before the rest: 上海启衡算力科技有限公司.
 */
const COINED_AFTER_PLACE: PlaceLedName = {
  words: 2,
  place: (ctx, t) => ctx.lexicon.places.has(t.word),
  between: /^\p{Script=Han}{1,4}$/u,
  word: (ctx, line, t) => COINED_TAGS.has(t.tag) && !GOVERNING_VERBS.has(t.word) && !COMPANY_VERBS.has(t.word) && !ctx.lexicon.titleSet.has(t.word) &&
    !ctx.lexicon.orgWords.has(t.word) && ctx.overlapping(line.number, t.start, t.end).length === 0,
};

/** A place named with its administrative level (江苏省, 南京市, 浦东新区): what a formal body's name starts with. */
const ADMINISTRATIVE_PLACE = /(?:省|市|自治区|新区|区|县)$/;
/** Tags of the words of a field (产业技术, 创新投资, 人工智能行业). */
const FIELD_TAGS = new Set(['n', 'vn', 'v', 'nz', 'an', 'b', 'j', 'x', 'eng', 'l']);

/**
 * A formal body's name after its administrative place, with common words of its field before the rest
 * (江苏省产业技术研究院, 南京市创新投资集团): one to three words, eight characters at most, none of them a verb that
 * governs the name, a title, or a mention of something else.
 */
const FIELD_AFTER_ADMINISTRATION: PlaceLedName = {
  words: 3,
  place: (ctx, t) => ADMINISTRATIVE_PLACE.test(t.word) && (t.tag === 'ns' || ctx.lexicon.places.has(t.word)),
  between: /^\p{Script=Han}{2,8}$/u,
  word: (ctx, line, t) => FIELD_TAGS.has(t.tag) && !GOVERNING_VERBS.has(t.word) && !COMPANY_VERBS.has(t.word) && !ctx.lexicon.titleSet.has(t.word) &&
    !ctx.overlapping(line.number, t.start, t.end).some((m) => m.type !== 'Organization'),
};

/** Where a name that starts with a place starts, when the walk stopped at `stoppedAt` on the words between. */
function placeLedStart(ctx: DocumentContext, line: Line, tokens: Token[], stoppedAt: number, rule: PlaceLedName): number | undefined {
  for (let k = stoppedAt; k >= Math.max(0, stoppedAt - rule.words + 1); k--) {
    const place = tokens[k - 1];
    if (!place || !rule.place(ctx, place)) continue;
    const between = tokens.slice(k, stoppedAt + 1);
    if (!rule.between.test(between.map((t) => t.word).join('')) || !between.every((t) => rule.word(ctx, line, t))) continue;
    return place.start;
  }
  return undefined;
}

function nameBefore(ctx: DocumentContext, line: Line, tokens: Token[], suffixStart: number, suffixEnd: number, suffix: SuffixEntry): { start: number } | undefined {
  const { lexicon } = ctx;
  const last = tokens.findIndex((t) => t.start < suffixEnd && t.end >= suffixEnd);
  if (last < 0 || tokens[last]!.end !== suffixEnd) return undefined; // the suffix is inside a longer word (大学生, 公司化)
  if (/^[vda]/.test(tokens[last]!.tag) && tokens[last]!.tag !== 'vn') return undefined; // 学会 as "learn"
  // a weak suffix followed by a noun is the start of a phrase (科技革命, 科技创新), not the end of a name
  const following = tokens[last + 1];
  if (suffix.strength === 'weak' && following && /^(n|vn|nz)$/.test(following.tag) && !COOPERATION_AFTER.test(following.word)) return undefined;
  if (suffix.notBefore.some((word) => line.text.startsWith(word, suffixEnd))) return undefined;
  const first = tokens.findIndex((t) => t.end > suffixStart);
  if (first < 0) return undefined;
  const head = tokens[first]!;
  let start = Math.min(head.start, suffixStart);
  let proper = head.start < suffixStart && PROPER_TAGS.has(head.tag);
  let noun = head.start < suffixStart && NOUN_TAGS.has(head.tag);
  // a key laboratory is named after its field, verbs included (传播内容认知全国重点实验室); an alliance after its field
  // too, a verb only right before 联盟 (杭州人工智能大模型产业创新联盟)
  const field = /重点实验室$/.test(suffix.suffix);
  const alliance = /联盟$/.test(suffix.suffix);
  let firstWord: Token | undefined;
  let stoppedAt = -1;
  for (let k = first - 1; k >= 0; k--) {
    stoppedAt = k;
    const t = tokens[k]!;
    // an ordinal numbers a unit (公安部第三研究所, 中国电科第十四研究所)
    const ordinal = ORDINAL.test(t.word);
    const fieldWord = (field && t.tag === 'v') || (alliance && (t.tag === 'a' || (t.tag === 'v' && k === first - 1)));
    if (!NAME_TAGS.has(t.tag) && !fieldWord && !ordinal) break;
    // one space between two Latin words belongs to the name (AI Verify基金会)
    const latinSpace = t.word === ' ' && /^[A-Za-z]/.test(tokens[k - 1]?.word ?? '') && /^[A-Za-z]/.test(tokens[k + 1]?.word ?? '');
    if (t.tag === 'x' && !latinSpace && !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word)) break;
    if ((lexicon.orgWords.has(t.word) && !alliance) || lexicon.titleSet.has(t.word) && (suffix.strength !== 'strong' || alliance)) break;
    if (alliance && lexicon.honorifics.includes(t.word)) break;
    const mentions = ctx.overlapping(line.number, t.start, t.end);
    if (mentions.some((m) => m.type !== 'Organization')) break;
    if (suffixEnd - t.start > 24) break;
    // a connective the segmenter glued to an unknown name right after a known one (与鸿佰 of 工业富联与鸿佰科技) joins two
    // names: the name starts after it
    const joinsNamed = ctx.mentionsOnLine(line.number).some((m) => m.type === 'Organization' && m.end === t.start);
    if (t.tag === 'x' && joinsNamed && /^[与和跟及同]\p{Script=Han}/u.test(t.word) && mentions.every((m) => m.start >= t.start + 1)) {
      start = t.start + 1;
      proper = noun = true;
      stoppedAt = -1;
      break;
    }
    start = t.start;
    firstWord = t;
    if (PROPER_TAGS.has(t.tag) || mentions.length > 0) proper = true;
    if (NOUN_TAGS.has(t.tag)) noun = true;
    stoppedAt = -1;
  }
  // a registered company's name runs from the place it starts with (上海启衡算力科技有限公司), whatever the
  // segmenter made of the coined name between (启衡 as a verb)
  const registered = stoppedAt < 1 ? undefined : LEGAL_FORM.test(suffix.suffix) ? placeLedStart(ctx, line, tokens, stoppedAt, COINED_AFTER_PLACE)
    : suffix.strength === 'strong' || /集团$/.test(suffix.suffix) ? placeLedStart(ctx, line, tokens, stoppedAt, FIELD_AFTER_ADMINISTRATION) : undefined;
  if (registered !== undefined) {
    start = registered;
    proper = noun = true;
  }
  while (line.text[start] === ' ') start++;
  // a place the segmenter split at the name's start (上 + 海瑞 of 上海瑞澄光电科技有限公司) is taken whole
  start = placeAcross(ctx, line.text, start, suffixStart);
  // …but not the verb that governs it (建设语音识别国家重点实验室)
  if (firstWord && ((field && firstWord.tag === 'v') || (alliance && /^vn?$/.test(firstWord.tag)) || ((field || alliance) && GOVERNING_VERBS.has(firstWord.word)))) start = firstWord.end;
  if (start >= suffixStart) return undefined;
  // a known organisation the walk stopped inside is taken whole (中电信 in 中电信AI公司)
  const cut = ctx.mentionsOnLine(line.number).find((m) => m.type === 'Organization' && m.start < start && start < m.end);
  if (cut) start = cut.start;
  // speech glue before the name (这是总台…, 整个蚂蚁…) is cut off, not taken in
  const glue = lastMatch(SPEECH_GLUE, line.text.slice(start, suffixStart));
  if (glue) start += glue.index + glue[0].length;
  if (start >= suffixStart) return undefined;
  const name = line.text.slice(start, suffixEnd);
  const core = line.text.slice(start, suffixStart);
  if (lexicon.isGenericOrganization(name) || lexicon.orgWords.has(core) || lexicon.places.has(name)) return undefined;
  // a generic Latin term and a suffix (AI制片厂, AI公司) names a kind of body, not a body
  if (lexicon.latinTerms.has(core.trim().toLowerCase())) return undefined;
  // the suffix made a generic word by the one-character word before it (世界高科技, but not 资本公司 for
  // 本公司), or a word said twice (优势优势资源赋能科技): no name
  const wordBefore = tokens.some((t) => t.start === suffixStart - 1);
  if (suffixStart > start && wordBefore && lexicon.orgWords.has(line.text.slice(suffixStart - 1, suffixEnd))) return undefined;
  // or by the two before it after a place or common nouns (中国AI公司, 人形机器人上市公司; not 智诚易云科技公司, 中电信AI公司)
  const twoBefore = registered === undefined && suffixStart - 2 > start && tokens.some((t) => t.start === suffixStart - 2) && lexicon.orgWords.has(line.text.slice(suffixStart - 2, suffixEnd));
  if (twoBefore) {
    const rest = line.text.slice(start, suffixStart - 2);
    const restTokens = tokens.filter((t) => t.start >= start && t.end <= suffixStart - 2);
    const named = ctx.overlapping(line.number, start, suffixStart - 2).some((m) => m.type === 'Organization');
    if (lexicon.places.has(rest) || (!named && !restTokens.some((t) => PROPER_TAGS.has(t.tag) && t.tag !== 'ns'))) return undefined;
  }
  if (/(\p{Script=Han}{2})\1/u.test(core)) return undefined;
  // a name given in so many words (一家叫做深言科技的公司) is proper, whatever its words
  if (givenNameAt(line.text, start)) proper = noun = true;
  if (!noun || [...core].length < 2) return undefined;
  if (ctx.segmenter.isOrdinaryWord(name)) return undefined; // 一流大学, 重点实验室
  // one ordinary noun and a suffix (语料联盟, 模型协会, 电气工程学院) names a kind of body, not a body
  const coreTokens = tokens.filter((t) => t.start >= start && t.end <= suffixStart);
  if (!proper && coreTokens.length <= 1) return undefined;
  // ordinary words only, none proper (高水平大学, 非营利智库, 只靠政府): a kind of body described, not named
  if (!proper && !field && coreTokens.every((t) => ctx.segmenter.isOrdinaryWord(t.word))) return undefined;
  if (lexicon.places.has(core) && suffix.strength !== 'strong') return undefined; // 中国科技, 上海科技
  if (suffix.strength !== 'strong' && !proper) return undefined;
  return { start };
}

/** A school or department of a university: its field, then what it is (计算机学院, 教育学部, 心理与认知科学学院, 电子系). */
const UNIVERSITY_UNIT = /^(\p{Script=Han}{2,10}?)(学院|学部|学系|系|研究院|研究所|实验室|研究中心)/u;
/** What stands between the units of a list after their university (华东师大的教育学部、计算机学院和心理与认知科学学院). */
const UNIT_LIST_BREAK = /^(?:、|和|及|以及|，)/;
/** Speech, not a field: a unit's field holds none of these. */
const NOT_IN_FIELD = /[的是了在这那个们我你他她它把被从对向就也都还很]/;

/** A field of study is nouns (知识工程, 心理与认知科学), not speech (签约成立联合, 一些): it ends in a noun and holds no numeral, pronoun or adverb. */
function isFieldOfStudy(ctx: DocumentContext, field: string): boolean {
  const tags = ctx.segmenter.tag(field).map((t) => t.tag);
  // (a verbal noun, 教育/vn, is a noun here)
  const last = tags.at(-1) ?? 'v';
  return last !== 'v' && last !== 'vd' && !/^[mrdupc]/.test(last) && !tags.some((t) => /^[mrdu]/.test(t));
}

/**
 * The schools and departments a text names after their university (华东师范大学教育学部, 华东师大的计算机学院和…学院):
 * each an organisation of its own, named with its university's name.
 */
export function extractUniversityUnits(ctx: DocumentContext): void {
  for (const university of ctx.mentions.filter((m) => m.type === 'Organization' && m.kind === 'university' && m.lexiconName)) {
    const line = ctx.line(university.line);
    let at = university.end + (line.text[university.end] === '的' ? 1 : 0);
    for (let count = 0; count < 6; count++) {
      const unit = UNIVERSITY_UNIT.exec(line.text.slice(at, at + 16));
      if (!unit) break;
      const [name, field] = unit as unknown as [string, string];
      if (NOT_IN_FIELD.test(field) || ctx.lexicon.places.has(field) || !isFieldOfStudy(ctx, field)) break;
      const end = at + name.length;
      if (ctx.overlapping(line.number, at, end).length > 0) break;
      ctx.addMention({ type: 'Organization', start: at, end, line: line.number, method: 'org-suffix', confidence: 0.7, kind: 'university', impliedName: `${university.lexiconName}${name}` }, line);
      const next = UNIT_LIST_BREAK.exec(line.text.slice(end));
      if (!next) break;
      at = end + next[0].length;
    }
  }
}

/**
 * The parent named at the start of a unit's name (复旦大学 in 复旦大学计算机科学技术学院, 工信部 in
 * 工信部科技司) becomes a mention of its own: the text names both organisations.
 */
export function addParentMentions(ctx: DocumentContext): void {
  const units = ctx.mentions.filter((m) => m.type === 'Organization' && m.end - m.start >= 5);
  for (const unit of units) {
    const unitEntry = unit.lexiconName ? ctx.lexicon.entry('Organization', unit.lexiconName) : undefined;
    const line = ctx.line(unit.line);
    const text = line.text.slice(unit.start, unit.end);
    if (!ctx.lexicon.mayStartOrganization(text)) continue;
    for (let length = text.length - 2; length >= 2; length--) {
      const rest = text.slice(length);
      if (LEGAL_ENDINGS.includes(rest) || !endingSuffix(ctx, rest)) continue;
      const entry = ctx.lexicon.lookupOrganization(text.slice(0, length));
      if (!entry || entry.name === unit.lexiconName) continue;
      // a lexicon name that starts like another organisation (阿里云 / 阿里) is not its unit unless the lexicon says so
      if (unitEntry && unitEntry.parent !== entry.name) break;
      // a short name inside a longer word (澳大 of 澳大利亚科学院) is not a parent
      if (length === 2 && !ctx.segmenter.tag(text).some((t) => t.end === length)) continue;
      ctx.addMention({ type: 'Organization', start: unit.start, end: unit.start + length, line: unit.line, method: 'lexicon', lexiconName: entry.name, kind: entry.kind, confidence: 0.9 }, line);
      // the unit is named after its parent's own name, without the ending the speaker added to it
      // (中国电信集团政企信息服务事业群 → 中国电信政企信息服务事业群); abbreviations are left as said
      const said = text.slice(0, length);
      if (!unit.lexiconName && !unit.impliedName && said !== entry.name && said.startsWith(entry.name)) unit.impliedName = entry.name + rest;
      break;
    }
    // a company named inside a longer name, before a unit of its own (南方电网大数据公司 of 南方电网大数据公司土木工程学院)
    const inner = /^(.{4,}?(?:有限公司|公司|集团))(?=.{2,}$)/u.exec(text);
    if (inner && !unit.lexiconName && endingSuffix(ctx, text.slice(inner[1]!.length)) && !ctx.overlapping(unit.line, unit.start, unit.start + inner[1]!.length).some((m) => m !== unit && m.end === unit.start + inner[1]!.length)) {
      ctx.addMention({ type: 'Organization', start: unit.start, end: unit.start + inner[1]!.length, line: unit.line, method: 'org-suffix', kind: 'company', confidence: 0.7 }, line);
    }
  }
}
