import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import type { LexEntry } from '../lexicon/lexicon.js';
import type { ExtractedMention } from './schema.js';
import { isPlausibleName } from './names.js';

const CLAUSE_BREAK = /[，,。；;！!？?：:“”"（）()《》]/;
/** Words before the first item of a list, or glued to the front of an item. */
const LIST_LEAD = /^(来自|包括|包含|比如|例如|像是|像|如|有|和|与|及|以及|还有|跟|同)/;
/** The end of the last item: "…的嘉宾", "…等企业". */
const LIST_TAIL = /(的|等|共同|一起|上台|都|也).*$/;
const NOT_A_NAME = /[我你他她它们这那哪些了吗呢吧啊呃嗯就都也还很个位]/;
/** A preposition or conjunction at the end: the words before a list's first member (分别与, 联盟由), not a member. */
const ENDS_IN_CONNECTIVE = /^\p{Script=Han}{2,}[与和及同跟由向对为把被将从]$/u;

interface Item {
  start: number;
  end: number;
}

function listItems(line: Line, from: number, to: number): Item[] {
  const items: Item[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || line.text[i] === '、') {
      if (i > start) items.push({ start, end: i });
      start = i + 1;
    }
  }
  return items;
}

/**
 * Lists propagate type: in "A、B、C 和 D", when most members are organisations, the others are too
 * (中国旅游 among 中国电信、中国中车…; a garbled 五志愿 before 商汤科技). Members the lexicon knows
 * by a weak alias or with a legal ending get that entry; the others are kept as written.
 */
export function extractEnumerations(ctx: DocumentContext): void {
  for (const line of ctx.contentLines()) {
    if (!line.text.includes('、')) continue;
    let from = 0;
    for (let i = 0; i <= line.text.length; i++) {
      if (i < line.text.length && !CLAUSE_BREAK.test(line.text[i]!)) continue;
      if (line.text.slice(from, i).includes('、')) typeClause(ctx, line, from, i);
      from = i + 1;
    }
  }
}

function typeClause(ctx: DocumentContext, line: Line, from: number, to: number): void {
  const items = listItems(line, from, to);
  if (items.length < 3) return;
  const orgs = ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' || m.type === 'Person');
  const holdsOrg = (item: Item) => orgs.some((m) => m.type === 'Organization' && m.start >= item.start && m.end <= item.end);
  const orgItems = items.filter(holdsOrg).length;
  if (orgItems * 2 < items.length) return;
  items.forEach((item, index) => {
    const { start, text } = itemText(line, item, index, items.length);
    const end = start + text.length;
    const inside = ctx.overlapping(line.number, start, end);
    if (inside.length === 0) {
      typeUnknownItem(ctx, line, start, text);
      return;
    }
    const orgsInside = inside.filter((m) => m.type === 'Organization').sort((a, b) => a.start - b.start);
    if (orgsInside.length !== inside.length) return;
    // items run together by speech recognition (五志愿商汤科技, 中航信南网大数据): the words before the first
    // organisation are an item of their own, and an industry word after the last one names its subsidiary
    const first = orgsInside[0]!;
    const before = line.text.slice(start, first.start);
    if (/^\p{Script=Han}{2,4}$/u.test(before) && !ctx.segmenter.isOrdinaryWord(before)) typeUnknownItem(ctx, line, start, before);
    extendToSubsidiary(ctx, line, orgsInside.at(-1)!, end);
  });
}

/** An item's text without the words that introduce the list or follow its last item. */
function itemText(line: Line, item: Item, index: number, count: number): { start: number; text: string } {
  let start = item.start;
  let text = line.text.slice(item.start, item.end);
  if (index === 0) {
    // the first item starts after the words that introduce the list
    const cut = Math.max(...['来自', '包括', '有请', '欢迎', '邀请', '比如', '例如', '像'].map((w) => {
      const k = text.lastIndexOf(w);
      return k < 0 ? -1 : k + w.length;
    }));
    if (cut > 0) {
      start += cut;
      text = text.slice(cut);
    }
  }
  const lead = LIST_LEAD.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  if (index === count - 1) text = text.replace(LIST_TAIL, '');
  return { start, text };
}

/** An item no earlier step typed: an organisation, since most of its list are. */
function typeUnknownItem(ctx: DocumentContext, line: Line, start: number, text: string): void {
  if (text.length < 2 || text.length > 12 || NOT_A_NAME.test(text) || ENDS_IN_CONNECTIVE.test(text) || !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(text)) return;
  const { lexicon } = ctx;
  if (lexicon.places.has(text) || lexicon.isGenericOrganization(text) || lexicon.titleSet.has(text)) return;
  // a company the lexicon knows by this short name, though it reads like a person's (荣耀 among 小米、荣耀、vivo)
  const listed = lexicon.lookupOrganization(text);
  if (!listed) {
    if (isPlausibleName(text, lexicon, { segmenter: ctx.segmenter })) return;
    // a surname and an honorific (赵总, 李部长), or any name and one of two characters (建先生): someone addressed
    const honorific = lexicon.honorificIndex.longestEndingAt(text, text.length);
    if (honorific && (lexicon.surnames.has(text[0]!) || honorific.phrase.length >= 2)) return;
  }
  const known = listed ?? lexicon.closest(text, 'Organization')?.entry ?? namedAfterGarbledSyllable(ctx, text);
  ctx.addMention({
    type: 'Organization', start, end: start + text.length, line: line.number, method: 'enumeration',
    confidence: known ? 0.8 : 0.5, ...(known ? { lexiconName: known.name, kind: known.kind } : {}),
  }, line);
}

/** A known organisation and an industry word in one item (南网大数据): the subsidiary of that name, in its place. */
function extendToSubsidiary(ctx: DocumentContext, line: Line, org: ExtractedMention, end: number): void {
  const rest = line.text.slice(org.end, end);
  if (!org.lexiconName || !/^\p{Script=Han}{1,4}$/u.test(rest) || NOT_A_NAME.test(rest)) return;
  const { lexicon } = ctx;
  // 南网公司 is 南网 itself; 南网研究院 is a unit, which the unit rules name
  if (lexicon.isGenericOrganization(rest) || lexicon.titleSet.has(rest)) return;
  const suffix = lexicon.suffixIndex.longestEndingAt(rest, rest.length);
  if (!suffix || suffix.value.kind !== 'company') return;
  ctx.removeMention(org);
  // named after its parent's own name, so that its full name said elsewhere (南方电网大数据公司) is the same node
  ctx.addMention({ type: 'Organization', start: org.start, end, line: line.number, method: 'enumeration', confidence: 0.7, kind: 'company', impliedName: org.lexiconName + rest }, line);
}

/**
 * A name this transcript says elsewhere, after one garbled syllable that speech recognition glued to it
 * (五志愿 for 智源 among the parties of a signing).
 */
function namedAfterGarbledSyllable(ctx: DocumentContext, text: string): LexEntry | undefined {
  const chars = [...text];
  return chars.length === 3 ? ctx.organizationsNamedLike(chars.slice(1).join(''))[0] : undefined;
}
