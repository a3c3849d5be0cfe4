import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import { isPlausibleName, latinPersonName, soundsLikeSomeoneNamed, splitOrgAndName } from './names.js';
import { spellsName } from '../lexicon/pinyin.js';
import { materialize, organizationSlot, type OrgSlot } from './organizations.js';
import type { ExtractedMention, RelationCandidate } from './schema.js';
import { declaringBrackets } from './document-names.js';
import { shortSpeakerLabelEnd } from './speaker-labels.js';
import { inRanges, witnessRanges } from './witnesses.js';
import { isLatinName, PARAGRAPH_LEAD, SENTENCE_BREAK, sentenceBounds } from '../util/text.js';

/**
 * Stage grammar of introductions: "(有请/欢迎) + organisation + title(s) + name + (先生/女士)",
 * "organisation + name + title", "name + title", and chains of them ("A董事长、B总经理 + name").
 * Yields people with titles, their organisations, and the AFFILIATED_WITH and SPOKE_AT links.
 */

type TokenKind = 'title' | 'honorific' | 'text';
interface Tok {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/** Punctuation and connectives between the items of a list of guests. */
const ITEM_BREAK = /[、，,。；;！!？?：:\s“”"（）()《》【】／|｜]|以及|还有|及其/g;
/** Words after which an introduction starts (the item's text before them is dropped). */
const START_CUES = ['让我们掌声欢迎', '掌声欢迎', '热烈欢迎', '隆重介绍', '有请', '欢迎', '感谢', '谢谢', '尊敬的', '邀请', '请到', '来自', '他们是', '分别是', '嘉宾是', '位是', '主持人是', '下面是', '接下来是', '这位是', '我是', '我叫', '下面请', '接下来请', '请出', '交给', '请'];
/** Words that end an introduced name: what the guest is called on stage to do. */
const END_CUES = /(?:与|和|跟|同)(?:我们|大家|各位|在座)|签署|签订|签约|上台|致辞|带来|发表|发布|解读|宣读|揭牌|颁奖|见证|做总结|作总结|分享|演讲|讲话|登台|共同|一起|为我们|为大家|作主旨|做主旨|进行|莅临|出席|留步|入座|表示|指出|认为|强调|介绍|透露|宣布|提出|称|在(主|分|本次|这次)?(会|大会|论坛|峰会|发布会|现场|会上|论坛上|大会上)|在(?:演讲|讲话|致辞|发言|报告|采访|对话|分享|接受)|(?:也|还|则|亦|都)(?:出席|参加|来到|发表|表示|介绍|分享|指出|认为|强调|谈到|提到)/;
/** What a speaker says while thinking: 呃, 嗯, 那个. */
const FILLER_ONLY = /^(?:呃|嗯|啊|哦|额|唉|诶|那个|这个|就是|然后)+$/;
/**
 * A place said alone before an executive title of its government (上海市副市长陈杰) stands for that government:
 * the slot names 上海市人民政府 (the lexicon's entry when it has one).
 */
function placeGovernment(ctx: DocumentContext, slot: OrgSlot, title: string | undefined): OrgSlot {
  const { lexicon } = ctx;
  const place = slot.line.text.slice(slot.start, slot.end);
  // a party secretary of a place (无锡市委书记, 江苏省委副书记) leads its party committee: 中共无锡市委员会
  const committee = title && !slot.existing ? PARTY_COMMITTEE.exec(title) : null;
  if (committee && isKnownPlace(ctx, place)) {
    const level = committee[1]!;
    const name = `中共${place.endsWith(level) ? place.slice(0, -1) : place}${level}委员会`;
    const known = lexicon.lookupOrganization(name);
    return { ...slot, impliedName: known?.name ?? name, ...(known ? { lexiconName: known.name } : {}), kind: 'government' };
  }
  if (slot.existing || !title || !lexicon.placeGovernment.titles.has(title) || !lexicon.places.has(place)) return slot;
  const government = place + lexicon.placeGovernment.body;
  const known = lexicon.lookupOrganization(government);
  return { ...slot, impliedName: known?.name ?? government, ...(known ? { lexiconName: known.name } : {}), kind: known?.kind ?? 'government' };
}

/** A place (with or without its level) said before the title of its government or its party committee. */
function isPlaceWithOffice(ctx: DocumentContext, text: string, title: string): boolean {
  const { lexicon } = ctx;
  if (!isKnownPlace(ctx, text)) return false;
  return lexicon.placeGovernment.titles.has(title) || PARTY_COMMITTEE.test(title);
}

/** A place the places list knows, said with or without its level (温州, 温州市). */
function isKnownPlace(ctx: DocumentContext, text: string): boolean {
  const bare = text.replace(/[省市区县]$/, '');
  return [text, bare, `${bare}市`, `${bare}省`, `${bare}区`, `${bare}县`].some((form) => ctx.lexicon.places.has(form));
}

/** The organisation a paragraph is about: the one it opens with, after a list number at most, set apart by punctuation. */
function lineTopic(ctx: DocumentContext, line: Line): ExtractedMention | undefined {
  const first = ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization').sort((a, b) => a.start - b.start)[0];
  if (!first || !PARAGRAPH_LEAD.test(line.text.slice(0, first.start))) return undefined;
  return /^\s*(?:[（(][^）)]*[）)])?\s*[｜|:：。，,]/.test(line.text.slice(first.end)) ? first : undefined;
}

/** The titles of a place's party committee: its level (省, 市, 区, 县, 州) and 委. */
const PARTY_COMMITTEE = /^(省|市|区|县|州)委(?:副?书记|常委)/;

/** "…王五博士，他是百度研究院的首席科学家": what the guest just named is, said of them in the third person. */
const THIRD_PERSON = /[，,]\s*(?:他|她)(?:现在)?(?:是|现任|担任)(?:来自)?/g;

/** The organisation and title said of the guest named just before 他是/她是 (the guest must end the clause before it). */
function thirdPersonAppositions(ctx: DocumentContext, line: Line): Introduction[] {
  const found: Introduction[] = [];
  const onLine = ctx.mentionsOnLine(line.number);
  for (const m of line.text.matchAll(THIRD_PERSON)) {
    const before = line.text.slice(0, m.index);
    const closing = [...CLOSING, ...CLOSING_AT_END].find((honorific) => before.endsWith(honorific));
    const nameEnd = m.index - (closing?.length ?? 0);
    const person = onLine.find((p) => p.type === 'Person' && p.end === nameEnd && !p.reference);
    const orgStart = m.index + m[0].length;
    const org = onLine.filter((o) => o.type === 'Organization' && o.start === orgStart).sort((a, b) => b.end - a.end)[0];
    if (!person || !org) continue;
    const titleStart = org.end + (line.text[org.end] === '的' ? 1 : 0);
    const title = ctx.lexicon.titleIndex.longestAt(line.text, titleStart)?.phrase;
    if (title) found.push({ person, org, titles: [title] });
  }
  return found;
}

/** A name and a bracket right after it. */
const NAME_THEN_BRACKET = /(\p{Script=Han}{2,4})[（(]([^（）()]{2,40})[）)]/gu;

/**
 * Names each followed by their organisation and title in brackets, a space or nothing between the two
 * (签约嘉宾：叶知秋（栖梧智能 首席执行官）、方立群（中国联通浙江分公司 副总经理）), and where those brackets are.
 */
function bracketedAffiliations(ctx: DocumentContext, line: Line): { introductions: Introduction[]; brackets: Array<[number, number]> } {
  const introductions: Introduction[] = [];
  const brackets: Array<[number, number]> = [];
  if (!/[（(]/.test(line.text)) return { introductions, brackets };
  for (const m of line.text.matchAll(NAME_THEN_BRACKET)) {
    const before = m[1]!;
    const open = m.index + before.length;
    const name = [3, 2].map((n) => before.slice(-n)).find((n) => n.length >= 2 && isPlausibleName(n, ctx.lexicon, { segmenter: ctx.segmenter }));
    if (!name || !/\s/.test(m[2]!)) continue;
    const nameStart = open - name.length;
    if (ctx.overlapping(line.number, nameStart, open).some((x) => x.type !== 'Person')) continue;
    const affiliations = cellAffiliations(ctx, line, { text: m[2]!, start: open + 1 });
    if (!affiliations?.length) continue;
    introductions.push(...introduced(ctx, line, nameStart, open, affiliations));
    brackets.push([open, open + m[2]!.length + 1]);
  }
  return { introductions, brackets };
}

/** Where a table's cells are set apart (a programme, a guest list). */
const CELL_BREAK = /[|｜]/;

/** The cells of a table row, trimmed, with where each starts. */
function cellsOf(text: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const part of text.split(CELL_BREAK)) {
    cells.push(trimmedCell(part, start));
    start += part.length + 1;
  }
  return cells;
}

/**
 * A guest in a table row of a programme or a guest list: a cell that is a name, and the next cell its
 * organisations and titles, a space or nothing between each organisation and its title, 、 between them
 * ("09:00-09:10 | 开幕致辞 | 孟广川 | 杭州市经济和信息化局 副局长", "叶知秋 | 栖梧智能 创始人、CEO").
 */
function tableRowGuests(ctx: DocumentContext, line: Line): Introduction[] {
  if (!CELL_BREAK.test(line.text)) return [];
  const { lexicon } = ctx;
  const found: Introduction[] = [];
  const cells = cellsOf(line.text);
  for (let i = 0; i + 1 < cells.length; i++) {
    // a role may label the name (主持人：姚一帆)
    const nameCell = withoutLabel(cells[i]!);
    if (!/^\p{Script=Han}{2,4}$/u.test(nameCell.text) || !isPlausibleName(nameCell.text, lexicon, { segmenter: ctx.segmenter })) continue;
    const nameEnd = nameCell.start + nameCell.text.length;
    if (ctx.overlapping(line.number, nameCell.start, nameEnd).some((m) => m.type !== 'Person')) continue;
    const affiliations = cellAffiliations(ctx, line, cells[i + 1]!) ?? orgThenTitles(ctx, line, cells[i + 1]!, cells[i + 2]);
    if (affiliations.length === 0) continue;
    found.push(...introduced(ctx, line, nameCell.start, nameEnd, affiliations));
  }
  return found;
}

type Affiliated = { org: ExtractedMention; titles: string[] };

/** The person named at [start, end) with every title of theirs, and an introduction for each organisation. */
function introduced(ctx: DocumentContext, line: Line, start: number, end: number, affiliations: Affiliated[]): Introduction[] {
  const titles = [...new Set(affiliations.flatMap((a) => a.titles))];
  const person = ctx.addMention({ type: 'Person', start, end, line: line.number, method: 'introduction', confidence: 0.8, titles }, line);
  return affiliations.map((a) => ({ person, org: a.org, titles: a.titles }));
}

type Cell = { text: string; start: number };

/** A piece of text without the spaces around it, and where what is left starts. */
function trimmedCell(text: string, start: number): Cell {
  return { text: text.trim(), start: start + text.length - text.trimStart().length };
}

/** A cell without the role that labels it (主持人：姚一帆 → 姚一帆). */
function withoutLabel(cell: Cell): Cell {
  const colon = Math.max(cell.text.lastIndexOf('：'), cell.text.lastIndexOf(':'));
  return colon < 0 ? cell : trimmedCell(cell.text.slice(colon + 1), cell.start + colon + 1);
}

/** A remark in brackets at a cell's end (（分享…进展）) is no part of a title. */
const TRAILING_REMARK = /[（(][^（）()]*[）)]$/;
/** A short name in brackets after an organisation's name (（西溪创投）). */
const BRACKETED = /[（(][^（）()]*[）)]/;

/**
 * The organisations of a cell, each with the titles after it (a title alone goes with the organisation before it);
 * undefined when a part of it is no organisation with a title.
 */
function cellAffiliations(ctx: DocumentContext, line: Line, cell: Cell): Affiliated[] | undefined {
  const out: Affiliated[] = [];
  let offset = cell.start;
  for (const whole of cell.text.replace(TRAILING_REMARK, '').split('、')) {
    const at = offset;
    offset += whole.length + 1;
    // an organisation's short name in brackets stands between it and the title (…有限公司（西溪创投）管理合伙人)
    const bracket = BRACKETED.exec(whole);
    const part = bracket ? whole.slice(0, bracket.index) + ' ' + whole.slice(bracket.index + bracket[0].length) : whole;
    const spaced = /^(\S+)[ \u3000]+(\S+)$/u.exec(part);
    const title = spaced ? (ctx.lexicon.titleIndex.longestEndingAt(spaced[2]!, spaced[2]!.length) ? spaced[2]! : undefined)
      : ctx.lexicon.titleIndex.longestEndingAt(part, part.length)?.phrase;
    if (!title) return undefined;
    const orgText = spaced ? spaced[1]! : part.slice(0, part.length - title.length);
    if (orgText === '') {
      const last = out.at(-1);
      if (!last) return undefined;
      last.titles.push(title);
      continue;
    }
    const slot = organizationSlot(ctx, line, at, at + orgText.length, { requireEvidence: true });
    if (!slot) return undefined;
    out.push({ org: materialize(ctx, slot), titles: [title] });
  }
  return out;
}

/** An organisation alone in one cell and its titles in the next (华为技术有限公司 | 昇腾计算业务浙江区域总经理). */
function orgThenTitles(ctx: DocumentContext, line: Line, orgCell: Cell, titleCell: Cell | undefined): Affiliated[] {
  if (!titleCell || orgCell.text === '' || /[、/／]/.test(orgCell.text)) return [];
  const titles = titleCell.text.replace(TRAILING_REMARK, '').split(/[、/／]/).map((t) => t.trim());
  if (titles.length === 0 || !titles.every((t) => t !== '' && ctx.lexicon.titleIndex.longestEndingAt(t, t.length))) return [];
  const slot = organizationSlot(ctx, line, orgCell.start, orgCell.start + orgCell.text.length, { requireEvidence: true });
  return slot ? [{ org: materialize(ctx, slot), titles }] : [];
}

/** A name, a connective and what follows it: "张英与商汤科技" between two titles. */
const GUEST_JOIN = /^(\p{Script=Han}{2,3}?)(与|和|跟|同|及)(\p{Script=Han}{2,})$/u;
/** Cues of a self-introduction ("我是中电信AI公司何忠江"): the item may end with a name and no title. */
const SELF_CUE = '我是|我叫|本人是';
const SELF_INTRODUCTION = new RegExp(`(${SELF_CUE})(来自)?$`);
/** A speaker's own role said first, the organisation and name after a comma (我是今天的主持人，…). */
const SELF_THEN_ROLE = new RegExp(`(?:${SELF_CUE})[^。！？!?，,]{1,12}[，,]\\s*$`);
/** Honorifics that close an introduction; 教授, 博士 and 院士 are titles too, and close only at the end of an item. */
const CLOSING = ['先生', '女士', '小姐', '老师'];
const CLOSING_AT_END = ['教授', '博士', '院士'];
/** First characters of CLOSING and CLOSING_AT_END: elsewhere neither can start. */
const CLOSING_FIRST = new Set([...CLOSING, ...CLOSING_AT_END].map((h) => h.charCodeAt(0)));
const STAGE_CUE = /有请|欢迎|上台|致辞|嘉宾|演讲|分享|签约|主持|发布人|发言|报告|见证|登台|\b(?:welcome|introduce|invite|keynote|on stage|to the stage)\b/i;

export interface Introduction {
  person: ExtractedMention;
  org?: ExtractedMention;
  titles: string[];
}

interface Affiliation {
  org?: OrgSlot;
  titles: string[];
}

function tokenize(item: string, offset: number, ctx: DocumentContext, line: Line): Tok[] {
  const { lexicon } = ctx;
  // inside a known organisation's name (上海人工智能实验室, 复旦大学计算机科学技术学院) no title starts
  const orgSpans = ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && m.end > offset && m.start < offset + item.length);
  const insideOrg = (i: number) => orgSpans.some((m) => m.start <= offset + i && offset + i < m.end);
  const tokens: Tok[] = [];
  let text = '';
  let textStart = offset;
  const flush = (at: number) => {
    if (text) tokens.push({ kind: 'text', text, start: textStart, end: at });
    text = '';
  };
  for (let i = 0; i < item.length; ) {
    let title = insideOrg(i) ? undefined : lexicon.titleIndex.longestAt(item, i)?.phrase;
    // a committee's title after a name that goes on (…战略咨询专家委员会委员): the committee ends the name, 委员 is the title
    const committee = title && text ? bodyEndingTitle(title, lexicon) : undefined;
    if (committee) {
      text += committee;
      i += committee.length;
      continue;
    }
    const orgWord = lexicon.suffixIndex.longestAt(item, i)?.phrase;
    const longerOrgWord = title && orgWord && orgWord.length > title.length;
    // 教授/博士/院士 at the end close a name (…李克强教授), but follow an organisation as a title (中国工程院院士)
    const closing = !CLOSING_FIRST.has(item.charCodeAt(i)) ? undefined : CLOSING.find((h) => item.startsWith(h, i)) ??
      CLOSING_AT_END.find((h) => item.startsWith(h, i) && i + h.length === item.length && text !== '' && splitOrgAndName(text, lexicon, ctx.segmenter) !== undefined);
    if (closing && (!title || closing.length >= title.length) && i > 0) {
      flush(offset + i);
      tokens.push({ kind: 'honorific', text: closing, start: offset + i, end: offset + i + closing.length });
      i += closing.length;
    } else if (title && !longerOrgWord) {
      flush(offset + i);
      tokens.push({ kind: 'title', text: title, start: offset + i, end: offset + i + title.length });
      i += title.length;
    } else {
      if (!text) textStart = offset + i;
      text += item[i];
      i++;
    }
  }
  flush(offset + item.length);
  // "董事长兼CEO", "党委书记、董事长": titles side by side, or joined by 兼/和, are one run
  const merged: Tok[] = [];
  for (const tok of tokens) {
    const prev = merged[merged.length - 1];
    const prev2 = merged[merged.length - 2];
    // a region before a title is part of it (华东区总经理, 江苏区域总经理, 大中华区总裁)
    if (tok.kind === 'title' && prev?.kind === 'text' && isRegionOfATitle(prev.text, lexicon)) {
      prev.kind = 'title';
      prev.text += tok.text;
      prev.end = tok.end;
      if (prev2?.kind === 'title') {
        merged.pop();
        prev2.text = `${prev2.text}、${prev.text}`;
        prev2.end = prev.end;
      }
      continue;
    }
    if (tok.kind === 'title' && prev?.kind === 'text' && /^(兼|和|及)$/.test(prev.text) && prev2?.kind === 'title') {
      merged.pop();
      prev2.text = `${prev2.text}${prev.text}${tok.text}`;
      prev2.end = tok.end;
      continue;
    }
    if (tok.kind === 'title' && prev?.kind === 'title') {
      prev.text = `${prev.text}、${tok.text}`;
      prev.end = tok.end;
      continue;
    }
    merged.push(tok);
  }
  return merged;
}

/** Where a company's regional office is: a place or a region with 区/区域/大区 (华东区, 江苏区域, 大中华区, 亚太区). */
const REGION_WORDS = '大区|区域|地区|片区';
const REGION_OF_A_TITLE = new RegExp(`^(.{2,4}?)(?:${REGION_WORDS}|区)$`, 'u');
const WIDE_REGIONS = new Set(['大中华', '全球', '海外', '国际']);
/** The words a region a title is held in ends with (浙江区域, 华南大区). */
const REGION_BEFORE_TITLE = new RegExp(`(?:${REGION_WORDS})$`);

function isRegionOfATitle(text: string, lexicon: DocumentContext['lexicon']): boolean {
  const region = REGION_OF_A_TITLE.exec(text)?.[1];
  return region !== undefined && (lexicon.places.has(region) || WIDE_REGIONS.has(region));
}

/** The body at the start of a title that is a body's name and a title (专家委员会 of 专家委员会委员), if any. */
function bodyEndingTitle(title: string, lexicon: DocumentContext['lexicon']): string | undefined {
  for (let k = title.length - 1; k >= 2; k--) {
    const body = title.slice(0, k);
    if (lexicon.titleSet.has(title.slice(k)) && lexicon.suffixIndex.longestEndingAt(body, body.length)?.value.strength === 'strong') return body;
  }
  return undefined;
}

function titlesOf(tok: Tok | undefined): string[] {
  return tok?.kind === 'title' ? tok.text.split('、') : [];
}

/** The start cue that ends last in the item (the first of START_CUES on a tie), with where it starts. */
function lastCue(item: string): { c: string; k: number } | undefined {
  let best: { c: string; k: number } | undefined;
  for (const c of START_CUES) {
    const k = item.lastIndexOf(c);
    if (k >= 0 && (!best || k + c.length > best.k + best.c.length)) best = { c, k };
  }
  return best;
}

/** Splits a line into items (between list separators), with introduction cues removed from their start and end. */
export function introductionItems(text: string): Array<{ text: string; start: number; self?: boolean }> {
  const out: Array<{ text: string; start: number; self?: boolean }> = [];
  const push = (from: number, to: number) => {
    let item = text.slice(from, to);
    let at = from;
    let self = false;
    for (;;) {
      const cue = lastCue(item);
      if (!cue) break;
      const cut = cue.k + cue.c.length;
      if (cut >= item.length) break;
      if (SELF_INTRODUCTION.test(item.slice(0, cut))) self = true;
      item = item.slice(cut);
      at += cut;
    }
    const end = item.search(END_CUES);
    if (end === 0) return;
    if (end > 0) item = item.slice(0, end);
    if (item) out.push({ text: item, start: at, ...(self ? { self } : {}) });
  };
  let start = 0;
  for (const m of text.matchAll(ITEM_BREAK)) {
    if (m.index > start) push(start, m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length) push(start, text.length);
  return out;
}

/** A known organisation (weak aliases included) or a name with an organisation suffix. */
function isOrgLike(ctx: DocumentContext, text: string): boolean {
  return Boolean(ctx.lexicon.lookupOrganization(text)) || Boolean(ctx.lexicon.suffixIndex.longestEndingAt(text, text.length));
}

/** How a report goes on after a person's name: what they said or did (表示, 在…上, 则, 也…). */
const PREDICATE_START = /^(?:与|和|同|跟|之前|此前|目前|现在|曾经|一直|负责|在|则|也|还|更|又|表示|说|指出|认为|强调|透露|介绍|分析|称|坦言|告诉|对|向|于|从|就|曾|已|将|会|带领|主持|出席|参加|发表|致辞|宣布|提到|谈到|回忆|补充|現任|现任|兼任|率队|率领|一行|等人|等|作了|做了|作题为|担任|参与|出任|加盟|加入|正式|是)/;

/** The length of a name (three or two characters, a known surname first) that a predicate follows in this text, or 0. */
function nameBeforePredicate(text: string, ctx: DocumentContext): number {
  // the segmenter's own reading, when it takes the start for a personal name (何佳 of 何佳用了一个多月的…)
  const [first, second] = ctx.segmenter.tag(text.slice(0, 8));
  // (or a word it does not know, before a number or an adverb: 马晓婷第一个上台)
  const nameLike = first && (/^nr/.test(first.tag) || (first.tag === 'x' && second !== undefined && /^[mdpr]$/.test(second.tag))) &&
    !(first.word.length === 2 && second?.tag === 'c'); // a two-character word before 和/与 is as often a noun of a list (博士荣誉和…)
  if (first && nameLike && first.start === 0 && /^\p{Script=Han}{2,3}$/u.test(first.word) && first.word.length < text.length &&
    isPlausibleName(first.word, ctx.lexicon, { segmenter: ctx.segmenter })) return first.word.length;
  for (const length of [3, 2]) {
    if (text.length <= length || !PREDICATE_START.test(text.slice(length))) continue;
    // a two-character word before 和/与 is as often a noun of a list (博士荣誉和…) as a name
    if (length === 2 && /^[与和同跟]/.test(text.slice(length))) continue;
    const name = text.slice(0, length);
    if (/^\p{Script=Han}+$/u.test(name) && !ctx.segmenter.isOrdinaryWord(name) && isPlausibleName(name, ctx.lexicon, { segmenter: ctx.segmenter })) return length;
  }
  return 0;
}

/** What sets an apposition apart from the name before it: a bracket or a comma. */
const APPOSITION = /^\s*[（(，,]\s*$/;

/** What a guest is called up to do, right after the name. */
const AFTER_NAME_CUE = /^\s*(致辞|上台|发言|演讲|分享|带来|作报告|做报告)/;

/** The organisation named between the cue that calls a guest up (有请) or a list separator and the guest's title. */
function organizationBefore(ctx: DocumentContext, line: Line, titleStart: number): ExtractedMention | undefined {
  let from = titleStart;
  while (from > 0 && !/[、，,。；;！!？?：:\s]/.test(line.text[from - 1]!)) from--;
  const cue = lastCue(line.text.slice(from, titleStart));
  if (cue) from += cue.k + cue.c.length;
  if (titleStart - from < 2) return undefined;
  const slot = organizationSlot(ctx, line, from, titleStart, { requireEvidence: true });
  return slot ? materialize(ctx, slot) : undefined;
}

const LATIN_RUN = /[A-Za-z][A-Za-z.'’\-]*(?:[ \t]+[A-Za-z][A-Za-z.'’\-]*){0,5}/g;

/**
 * Foreign guests introduced by a Chinese title and a Latin name (马来西亚科技创新部副秘书长 Duk Doctor Osman,
 * Meta首席AI科学家Yann LeCun): the introduction grammar reads Han names; these it leaves to this.
 */
function latinGuests(ctx: DocumentContext, line: Line): Introduction[] {
  const found: Introduction[] = [];
  for (const run of line.text.matchAll(LATIN_RUN)) {
    let before = run.index;
    while (before > 0 && /\s/.test(line.text[before - 1]!)) before--;
    const title = ctx.lexicon.titleIndex.longestEndingAt(line.text, before);
    if (!title) continue;
    // a capitalised name, or one word in lower case that the guest is called up to speak with (首席执行官goita致辞)
    const after = line.text.slice(run.index + run[0].length);
    const calledUp = /^[a-z]{3,}$/.test(run[0]) && AFTER_NAME_CUE.test(after) ? { start: 0, end: run[0].length } : undefined;
    const name = latinPersonName(run[0], ctx.lexicon) ?? calledUp;
    if (!name) continue;
    const start = run.index + name.start;
    const end = run.index + name.end;
    if (ctx.overlapping(line.number, start, end).length > 0) continue;
    const titleStart = before - title.phrase.length;
    const org = ctx.mentionsOnLine(line.number).find((m) => m.type === 'Organization' && m.end === titleStart) ?? organizationBefore(ctx, line, titleStart);
    const person = ctx.addMention({ type: 'Person', start, end, line: line.number, method: 'introduction', confidence: 0.8, titles: [title.phrase] }, line);
    found.push({ person, ...(org ? { org } : {}), titles: [title.phrase] });
  }
  return found;
}

/** An English name before a comma and a title: "Dr. Andrew Ng, founder of …". */
const ENGLISH_NAME_COMMA = /(?<![A-Za-z'’])(?!I['’]m\b)((?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3})\s*[,，]\s*(?:the\s+|our\s+)?/g;
/** A known person from a known organisation: "Andrew Ng from DeepLearning.AI". */
const ENGLISH_FROM = /^\s+from\s+(?:the\s+)?/;
/** A title of up to five words and "of"/"at": "managing general partner of ". */
const ENGLISH_TITLE_OF = /^((?:[A-Za-z\-]+\s+){0,4}?)([A-Za-z\-]+)\s+(?:of|at)\s+/;
/** A title with what it is of, then "at": "vice president of solutions architecture at ". */
const ENGLISH_TITLE_AT = /^((?:[A-Za-z\-]+\s+){0,4}?)([A-Za-z\-]+)((?:\s+of\s+[a-z][a-z\s\-]{0,40}?)?)\s+at\s+/;
/** An organisation and a title before a name: "OpenAI CEO Sam Altman". */
const ENGLISH_TITLE_NAME = /^\s+((?:[A-Za-z\-]+\s+){0,3}?)([A-Za-z\-]+)\s+([A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})\b/;
/** A guest naming themself and where they come from: "I'm Michael Brandt from Siemens", "My name is Ana Li, from ". */
const ENGLISH_SELF = /\b(?:I['’]m|I am|[Mm]y name is)\s+((?:Dr\.?\s+)?[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,2})(\s*[,，]?\s+from\s+(?:the\s+)?)/g;
/** Capitalised words that name an organisation the lexicon does not know ("AI Fund"). */
const CAPITALISED_RUN = /^[A-Z][\w.&\-]*(?:['’]s)?(?:\s+(?!and\b)[A-Z][\w.&\-]*){0,4}/;

/**
 * English introductions, as bilingual hosts and news give them: "Dr. Andrew Ng, founder of DeepLearning.AI and
 * managing general partner of AI Fund", "OpenAI CEO Sam Altman".
 */
function englishIntroductions(ctx: DocumentContext, line: Line): Introduction[] {
  const found: Introduction[] = [];
  const { lexicon } = ctx;
  // co-director, vice-chair: the word after the prefix is the title's
  const titleWord = (word: string) => lexicon.englishTitleWords.has(word.toLowerCase().replace(/^(?:co|vice|deputy|executive)-/, ''));
  const isTitle = (words: string, last: string) => titleWord(last) && !/\b(?:or|the|of|at)\b/i.test(words) &&
    words.split(/\s+and\s+/).slice(0, -1).every((w) => titleWord(w.trim().split(/\s+/).at(-1)!));
  const personAt = (start: number, end: number, titles: string[]): ExtractedMention | undefined => {
    const existing = ctx.overlapping(line.number, start, end);
    const person = existing.find((m) => m.type === 'Person');
    if (person) return person;
    if (existing.length > 0) return undefined;
    return ctx.addMention({ type: 'Person', start, end, line: line.number, method: 'introduction', confidence: 0.8, titles }, line);
  };
  const orgAt = (start: number): ExtractedMention | undefined => {
    const known = ctx.mentionsOnLine(line.number).find((m) => m.type === 'Organization' && m.start === start);
    if (known) return known;
    const run = CAPITALISED_RUN.exec(line.text.slice(start))?.[0].replace(/[.,]+$/, '');
    if (!run || run.replace(/[^A-Za-z]/g, '').length < 2 || lexicon.latinTerms.has(run.toLowerCase()) || ctx.overlapping(line.number, start, start + run.length).length > 0) return undefined;
    return ctx.addMention({ type: 'Organization', start, end: start + run.length, line: line.number, method: 'introduction', confidence: 0.6 }, line);
  };
  for (const m of line.text.matchAll(ENGLISH_NAME_COMMA)) {
    // "president of Chinese Society of Paology， vice president of …": what follows "of" is no guest's name
    if (/\b(?:of|at|from|for|in|with|the)\s+$/i.test(line.text.slice(0, m.index))) continue;
    const known = ctx.overlapping(line.number, m.index, m.index + m[1]!.length).find((x) => x.type === 'Person');
    const name = known ? { start: known.start - m.index, end: known.end - m.index } : latinPersonName(m[1]!, lexicon);
    if (!name) continue;
    const affiliations: Array<{ title: string; org: ExtractedMention }> = [];
    let at = m.index + m[0].length;
    for (;;) {
      // "founder of X", or "vice president of solutions architecture at X"
      const rest = line.text.slice(at);
      let affiliation: { title: string; org: ExtractedMention } | undefined;
      for (const title of [ENGLISH_TITLE_OF.exec(rest), ENGLISH_TITLE_AT.exec(rest)]) {
        const org = title && isTitle(title[1]!, title[2]!) ? orgAt(at + title[0].length) : undefined;
        if (org) {
          affiliation = { title: `${title![1]}${title![2]}${title![3] ?? ''}`, org };
          break;
        }
      }
      if (!affiliation) break;
      affiliations.push(affiliation);
      const { org } = affiliation;
      at = org.end + (/^\s*[,，]?\s*(?:and\s+)?(?:the\s+)?/.exec(line.text.slice(org.end))?.[0].length ?? 0);
    }
    if (affiliations.length === 0) continue;
    const person = personAt(m.index + name.start, m.index + name.end, affiliations.map((a) => a.title));
    if (person) for (const a of affiliations) found.push({ person, org: a.org, titles: [a.title] });
  }
  for (const org of ctx.mentionsOnLine(line.number)) {
    if (org.type !== 'Organization') continue;
    const after = ENGLISH_TITLE_NAME.exec(line.text.slice(org.end));
    if (!after || !isTitle(after[1]!, after[2]!)) continue;
    const start = org.end + after[0].length - after[3]!.length;
    const listed = lexicon.lookup(after[3]!);
    if (listed && listed.type !== 'Person') continue;
    const title = `${after[1]}${after[2]}`;
    const person = personAt(start, start + after[3]!.length, [title]);
    if (person) found.push({ person, org, titles: [title] });
  }
  // "I'm Michael Brandt from Siemens": a guest who names themself and their organisation
  for (const m of line.text.matchAll(ENGLISH_SELF)) {
    const start = m.index + m[0].length - m[1]!.length - m[2]!.length;
    const name = latinPersonName(m[1]!, lexicon);
    if (!name) continue;
    const org = orgAt(m.index + m[0].length);
    const person = org && personAt(start + name.start, start + name.end, []);
    if (person && org) found.push({ person, org, titles: [] });
  }
  for (const person of ctx.mentionsOnLine(line.number)) {
    if (person.type !== 'Person' || !isLatinName(person.form) || found.some((f) => f.person === person)) continue;
    const from = ENGLISH_FROM.exec(line.text.slice(person.end));
    const org = from && ctx.mentionsOnLine(line.number).find((m) => m.type === 'Organization' && m.start === person.end + from[0].length);
    if (org) found.push({ person, org, titles: [] });
  }
  return found;
}

/** How many lines an interpreter's English may follow the Chinese introduction it renders. */
const INTERPRETATION_LINES = 6;

/**
 * "…弘毅投资总裁曹永刚。Cao Yung Gang， CEO of Tonyny Capital": an English introduction of a guest just introduced in
 * Chinese, whose name it spells in pinyin, renders that introduction; the organisation it names in English, when
 * the lexicon does not know it, is the one named in Chinese.
 */
function alignInterpretations(english: Introduction[], before: Introduction[], lineNumber: number): void {
  const recent = before.filter((b) => lineNumber - b.person.line <= INTERPRETATION_LINES && /^\p{Script=Han}+$/u.test(b.person.form));
  // one guest called up in Chinese, then one in English (有请…总裁史军… / please welcome Jeff, president of …): the
  // same guest under an English name
  const lastLine = recent.at(-1)?.person.line;
  const single = english.length === 1 && lastLine !== undefined && new Set(recent.filter((b) => b.person.line === lastLine).map((b) => b.person.form)).size === 1
    ? recent.at(-1) : undefined;
  for (const intro of english) {
    const rendered = recent.findLast((b) => spellsName(intro.person.form, b.person.form)) ?? single;
    if (!rendered) continue;
    if (rendered === single && !intro.person.impliedName) intro.person.impliedName = rendered.person.form;
    const org = rendered.org;
    if (org && intro.org && intro.org.method === 'introduction' && /^[A-Za-z]/.test(intro.org.form)) intro.org.impliedName = org.lexiconName ?? org.impliedName ?? org.form;
  }
}

export function extractIntroductions(ctx: DocumentContext): { introductions: Introduction[]; relations: RelationCandidate[] } {
  const introductions: Introduction[] = [];
  const relations: RelationCandidate[] = [];
  for (const line of ctx.contentLines()) {
    let carried: Affiliation[] = [];
    const onLine = introductions.length;
    const cutShort: OrgSlot[] = [];
    let named: { start: number; end: number } | undefined;
    const labelEnd = shortSpeakerLabelEnd(line.text);
    const declaring = declaringBrackets(line.text);
    // a name with its organisation and title in brackets after it (叶知秋（栖梧智能 首席执行官）): read whole
    const bracketed = bracketedAffiliations(ctx, line);
    introductions.push(...bracketed.introductions);
    const skipped = [...declaring, ...bracketed.brackets];
    let previousEnd = 0;
    for (const item of introductionItems(line.text)) {
      // an organisation waiting for its people does not wait past the end of its sentence
      if (SENTENCE_BREAK.test(line.text.slice(previousEnd, item.start))) carried = [];
      previousEnd = item.start + item.text.length;
      if (item.start + item.text.length <= labelEnd) continue;
      // names declared in brackets (…有限公司（以下简称“X”）首席执行官…) stand between an organisation and its titles
      if (skipped.some(([open, close]) => item.start > open && item.start + item.text.length < close)) continue;
      // a filler (…好威云的，呃，首席技术官…) neither ends nor starts an introduction
      if (FILLER_ONLY.test(item.text)) continue;
      const found = parseItem(ctx, line, item, carried);
      introductions.push(...found.introductions);
      cutShort.push(...(found.cutShort ?? []));
      // a name, then its organisation and title set apart: 王建国（深思科技首席执行官）, 李晓明，北辰智能联合创始人，
      const apposed = named && found.introductions.length === 0 && found.carried.some((a) => a.org && a.titles.length > 0) &&
        APPOSITION.test(line.text.slice(named.end, item.start));
      if (named && apposed) {
        const titles = found.carried.flatMap((a) => a.titles);
        const person = ctx.addMention({ type: 'Person', start: named.start, end: named.end, line: line.number, method: 'introduction', confidence: 0.8, titles }, line);
        for (const a of found.carried) if (a.org) introductions.push({ person, org: materialize(ctx, a.org), titles: a.titles });
        carried = [];
        named = undefined;
        continue;
      }
      carried = found.carried;
      const alone = found.introductions.length === 0 && found.carried.length === 0 && isPlausibleName(item.text, ctx.lexicon, { segmenter: ctx.segmenter }) &&
        ctx.overlapping(line.number, item.start, item.start + item.text.length).every((m) => m.type === 'Person');
      named = alone ? { start: item.start, end: item.start + item.text.length } : undefined;
    }
    // in a list of guests, a guest's organisation stays one though the name was cut short
    if (introductions.length > onLine) for (const slot of cutShort) materialize(ctx, slot);
    introductions.push(...thirdPersonAppositions(ctx, line));
    introductions.push(...tableRowGuests(ctx, line));
    if (/[A-Za-z]{3}/.test(line.text)) {
      if (STAGE_CUE.test(line.text)) introductions.push(...latinGuests(ctx, line));
      const english = englishIntroductions(ctx, line);
      alignInterpretations(english, introductions, line.number);
      introductions.push(...english);
    }
  }
  // a person given a title and no organisation in a paragraph about one (3. 智谱｜北京。…。CEO张鹏。): its person
  for (const intro of introductions) {
    if (intro.org || intro.titles.length === 0) continue;
    const topic = lineTopic(ctx, ctx.line(intro.person.line));
    if (topic && topic.end <= intro.person.start) intro.org = topic;
  }
  for (const intro of introductions) {
    const line = ctx.line(intro.person.line);
    const evidence = ctx.evidence(line, intro.person.start, intro.person.end);
    if (intro.org) relations.push({ type: 'AFFILIATED_WITH', from: intro.person.id, to: intro.org.id, title: intro.titles.join('、') || null, evidence });
  }
  const introduced = new Set<string>();
  for (const intro of introductions) {
    const line = ctx.line(intro.person.line);
    if (!STAGE_CUE.test(line.text) || introduced.has(intro.person.id)) continue;
    introduced.add(intro.person.id);
    const role = inRanges(intro.person, witnessRanges(line.text)) ? 'witness' : roleOf(introductionText(line.text, intro.person));
    relations.push({ type: 'SPOKE_AT', from: intro.person.id, role, evidence: ctx.evidence(line, intro.person.start, intro.person.end) });
  }
  return { introductions, relations };
}

/** Words that call a guest up. */
const CALL_UP = /有请|欢迎|交给|请出|邀请|请到/g;
/** A call-up of someone else; one of the whole list ("欢迎各位圆桌对话嘉宾一同上台") still speaks of them. */
const NEXT_GUEST_CALL_UP = new RegExp(`(?:${CALL_UP.source})(?!各位|诸位|几位|以上|上述)`);

/**
 * What a line says of the person introduced in it: from the sentence that calls them up (or their own
 * sentence) up to the next call-up, without a speaker label. "主持人：感谢王总的精彩分享。接下来有请…杨植麟先生。"
 * → "接下来有请…杨植麟先生。"; "有请签约嘉宾。…杜文、…林杰明。" keeps 签约 for both.
 */
export function introductionText(text: string, person: { start: number; end: number }): string {
  const [sentenceStart, sentenceEnd] = sentenceBounds(text, person.start, person.end);
  let callUp = -1;
  for (const m of text.slice(0, person.start).matchAll(CALL_UP)) callUp = m.index;
  const start = Math.max(shortSpeakerLabelEnd(text), callUp >= 0 ? sentenceBounds(text, callUp)[0] : sentenceStart);
  const nextCallUp = text.slice(sentenceEnd).search(NEXT_GUEST_CALL_UP);
  return text.slice(start, nextCallUp < 0 ? text.length : sentenceEnd + nextCallUp);
}

/** Hosting, but not thanks to the host (谢谢主持人) nor leading research (主持研发, 主持国家重点项目). */
const HOSTING = /主持(?!研发|研究|开发|完成|承担|参与|制定|编制|设计|建设|项目|课题|国家|重大|重点|省部)/;
const THANKS_TO_HOST = /(谢谢|感谢)[，,\s]*(我们的|我们|各位)?主持人?/g;

/** The role a person was introduced in, from what is said of them: 'host', 'signatory', 'speaker', 'panelist' or 'guest'. */
export function roleOf(text: string): string {
  if (HOSTING.test(text.replace(THANKS_TO_HOST, ''))) return 'host';
  if (/\b(?:moderator|host)\b/i.test(text)) return 'host';
  if (/签约|签署|\bsign/i.test(text)) return 'signatory';
  if (/致辞|演讲|分享|报告|发言|主旨|\b(?:keynote|talk|speech|presentation|remarks)\b/i.test(text)) return 'speaker';
  if (/圆桌|对话|讨论|\bpanel/i.test(text)) return 'panelist';
  return 'guest';
}

/**
 * Reads one item. `carried` holds organisations and titles named in earlier items of the same list
 * that still wait for their person ("冰装集团、叶文华副总经理", "党委委员、副总裁、职工董事杜文").
 */
function parseItem(
  ctx: DocumentContext,
  line: Line,
  item: { text: string; start: number; self?: boolean },
  carried: Affiliation[],
): { introductions: Introduction[]; carried: Affiliation[]; cutShort?: OrgSlot[] } {
  const tokens = tokenize(item.text, item.start, ctx, line);
  const introductions: Introduction[] = [];
  const { lexicon } = ctx;
  // affiliations read so far in this item (and carried), waiting for a person; the last one is open for titles
  let pending: Affiliation[] = carried.map((a) => ({ ...a, titles: [...a.titles] }));
  let lastPerson: { affiliations: Affiliation[] } | undefined;
  const current = (): Affiliation => {
    if (pending.length === 0) pending.push({ titles: [] });
    return pending[pending.length - 1]!;
  };
  const openOrg = (org: OrgSlot) => {
    const cur = pending[pending.length - 1];
    if (cur && !cur.org && cur.titles.length === 0) cur.org = org;
    else if (cur && !cur.org) cur.org = org;
    else pending.push({ org, titles: [] });
  };

  const addPerson = (tok: { start: number; end: number }, closing: boolean, extraTitles: string[] = []) => {
    if (extraTitles.length) current().titles.push(...extraTitles);
    const affiliations = pending.filter((a) => a.org || a.titles.length);
    const titlesFor = (a: Affiliation) => (a.org?.department ? a.titles.map((t) => a.org!.department + t) : a.titles);
    const allTitles = [...new Set(affiliations.flatMap(titlesFor))];
    const person = ctx.addMention({ type: 'Person', start: tok.start, end: tok.end, line: line.number, method: 'introduction', confidence: closing ? 0.95 : 0.8, titles: allTitles }, line);
    const withOrg = affiliations.filter((a) => a.org);
    if (withOrg.length === 0) introductions.push({ person, titles: allTitles });
    for (const a of withOrg) introductions.push({ person, org: materialize(ctx, a.org!), titles: titlesFor(a) });
    lastPerson = { affiliations };
    pending = [];
  };

  let textTokens = 0;
  let orgsOpened = 0;
  const openOrgCounted = (slot: OrgSlot) => {
    orgsOpened++;
    openOrg(slot);
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind === 'text') textTokens++;
    if (tok.kind === 'title') {
      current().titles.push(...titlesOf(tok));
      continue;
    }
    if (tok.kind === 'honorific') continue;
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    const isLast = i === tokens.length - 1;
    const followedByTitle = next?.kind === 'title';
    const followedByClosing = next?.kind === 'honorific';
    const precededByTitle = tokens[i - 1]?.kind === 'title';

    // two guests joined by 与/和 (副主任张英与商汤科技董事长徐立): the first name ends at the connective, an organisation follows
    const joined = precededByTitle && followedByTitle ? GUEST_JOIN.exec(tok.text) : null;
    if (joined && isPlausibleName(joined[1]!, lexicon, { segmenter: ctx.segmenter })) {
      const restStart = tok.start + joined[1]!.length + joined[2]!.length;
      const slot = organizationSlot(ctx, line, restStart, tok.end);
      if (slot) {
        addPerson({ start: tok.start, end: tok.start + joined[1]!.length }, false);
        openOrgCounted(slot);
        continue;
      }
    }
    // title + NAME + what they do, as a report writes it (鸿海董事长刘扬伟在日前的法说会上表示, 广达董事长林百里则乐观表示)
    if (precededByTitle && isLast && !item.self && [...tok.text].length > 3) {
      const length = nameBeforePredicate(tok.text, ctx);
      if (length > 0) {
        addPerson({ start: tok.start, end: tok.start + length }, false);
        continue;
      }
    }
    // title + NAME (+ honorific | end | a title that starts the next person's chain)
    // (a host introducing themself may go by a stage name: 我是东方卫视的节目主持人子龙)
    if (precededByTitle && (followedByClosing || isLast) && isPlausibleName(tok.text, lexicon, { long: followedByClosing, segmenter: ctx.segmenter, surname: item.self && isLast ? 'any' : 'known' })) {
      addPerson(tok, followedByClosing);
      continue;
    }
    // a place + the title of its government or party committee (无锡市委书记, 温州市副市长): that body, whatever follows
    const placeTitle = followedByTitle ? titlesOf(next)[0] : undefined;
    if (placeTitle && isPlaceWithOffice(ctx, tok.text, placeTitle)) {
      openOrgCounted(placeGovernment(ctx, { line, start: tok.start, end: tok.end, confidence: 0.8 }, placeTitle));
      continue;
    }
    // ORG + title(s) + …: this text is an organisation when what follows the titles is a name or another organisation
    const nameOrOrgAfter = afterNext?.kind === 'text' && (isPlausibleName(afterNext.text, lexicon, { long: tokens[i + 3]?.kind === 'honorific', segmenter: ctx.segmenter }) || isOrgLike(ctx, afterNext.text));
    if (followedByTitle && nameOrOrgAfter && (isOrgLike(ctx, tok.text) || !isPlausibleName(tok.text, lexicon, { segmenter: ctx.segmenter }))) {
      const slot = organizationSlot(ctx, line, tok.start, tok.end);
      if (slot) {
        openOrgCounted(placeGovernment(ctx, slot, titlesOf(next)[0]));
        continue;
      }
    }
    // [ORG] NAME + title, or [ORG] NAME + honorific
    // (a connective and a surname, 和周 of 陈市长和周厅长, 和吴 of 和吴博士, start no name: 周厅长 is a reference)
    if ((followedByTitle || followedByClosing) && /^[和与跟及同]\p{Script=Han}$/u.test(tok.text)) continue;
    if (followedByTitle || followedByClosing) {
      // a guest named before, said again as it sounds (伟尚陈赞 for 伟尚成藏): the whole text is the name
      if (soundsLikeSomeoneNamed(ctx.mentions, tok.text, line.number)) {
        addPerson(tok, followedByClosing, followedByTitle ? titlesOf(next) : []);
        if (followedByTitle) i++;
        continue;
      }
      // a region of the title (华为昇腾计算业务浙江区域总经理) ends no name: 江区域 is none
      const split = REGION_BEFORE_TITLE.test(tok.text) ? undefined : splitOrgAndName(tok.text, lexicon, ctx.segmenter);
      if (split) {
        const nameStart = tok.end - split.name.length;
        const slot = split.org ? organizationSlot(ctx, line, tok.start, nameStart) : undefined;
        if (split.org && !slot && !precededByTitle) continue; // unexplained text before the name: not an introduction
        if (slot) openOrg(slot);
        addPerson({ start: nameStart, end: tok.end }, followedByClosing, followedByTitle ? titlesOf(next) : []);
        if (followedByTitle) i++;
        continue;
      }
      if (followedByTitle) {
        const slot = organizationSlot(ctx, line, tok.start, tok.end);
        if (slot) openOrgCounted(placeGovernment(ctx, slot, titlesOf(next)[0]));
        continue;
      }
    }
    // a second name after a closing honorific shares the organisation and titles (唐柯先生李俊先生)
    if (tokens[i - 1]?.kind === 'honorific' && followedByClosing && lastPerson && isPlausibleName(tok.text, lexicon, { segmenter: ctx.segmenter })) {
      pending = lastPerson.affiliations.map((a) => ({ ...a, titles: [...a.titles] }));
      addPerson(tok, true);
      continue;
    }
    // a self-introduction ends with the speaker's name: "我是中电信AI公司何忠江"
    if (item.self && isLast && !precededByTitle) {
      const split = splitOrgAndName(tok.text, lexicon, ctx.segmenter);
      if (split && split.org) {
        const nameStart = tok.end - split.name.length;
        const slot = organizationSlot(ctx, line, tok.start, nameStart);
        if (slot) {
          openOrg(slot);
          addPerson({ start: nameStart, end: tok.end }, false);
          continue;
        }
      }
    }
    // a guest called up with their organisation and no title: 有请寒武纪的陈天石, 感谢月之暗面的杨植麟
    // (or a speaker's own, after their role: 我是今天的主持人，华东师范大学的陈思远)
    const before = line.text.slice(0, item.start);
    const calledUp = START_CUES.some((c) => before.endsWith(c)) || SELF_THEN_ROLE.test(before);
    const linked = tokens.length === 1 && calledUp ? tok.text.lastIndexOf('的') : -1;
    if (linked > 0 && isPlausibleName(tok.text.slice(linked + 1), lexicon, { segmenter: ctx.segmenter })) {
      const slot = organizationSlot(ctx, line, tok.start, tok.start + linked, { requireEvidence: true });
      if (slot) {
        openOrg(slot);
        addPerson({ start: tok.start + linked + 1, end: tok.end }, false);
        continue;
      }
    }
    // a name alone after the organisation and titles said before it, each set apart (有请，华为云，首席技术官，张宇昕)
    if (tokens.length === 1 && pending.some((a) => a.titles.length > 0) && isPlausibleName(tok.text, lexicon, { segmenter: ctx.segmenter })) {
      addPerson(tok, false);
      continue;
    }
    // an item that is only an organisation: its people follow in the next item (冰装集团、叶文华副总经理)
    if (tokens.length === 1) {
      const slot = organizationSlot(ctx, line, tok.start, tok.end, { requireEvidence: true });
      if (slot) return { introductions, carried: [{ org: slot, titles: [] }] };
      return { introductions, carried: [] };
    }
  }
  // what is left waits for the next item only when the item was nothing but organisations and titles
  const onlyAffiliations = introductions.length === 0 && orgsOpened === textTokens;
  // an organisation and titles before a name cut down to its surname (木西集成电路联合创始人CTO杨。)
  const last = tokens[tokens.length - 1];
  const cutName = last?.kind === 'text' && [...last.text].length === 1 && lexicon.surnames.has(last.text) && tokens[tokens.length - 2]?.kind === 'title';
  const cutShort = !onlyAffiliations && cutName ? pending.flatMap((a) => (a.org && a.titles.length > 0 ? [a.org] : [])) : [];
  // an organisation and titles after the last person wait for theirs in the next item (沈悦与科大讯飞副总裁、江苏区域总经理孙立平)
  const endsWithAffiliation = introductions.length > 0 && last?.kind === 'title' && pending.some((a) => a.org && a.titles.length > 0);
  return { introductions, carried: onlyAffiliations || endsWithAffiliation ? pending : [], cutShort };
}
