import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import { isPlausibleName, splitOrgAndName } from './names.js';
import { materialize, organizationSlot, type OrgSlot } from './organizations.js';
import type { ExtractedMention, RelationCandidate } from './schema.js';

/**
 * Stage grammar of introductions: "(有请/欢迎) + organisation + title(s) + name + (先生/女士)",
 * "organisation + name + title", "name + title". Yields people with titles, their organisations and
 * the AFFILIATED_WITH and SPOKE_AT links between them.
 */

type TokenKind = 'title' | 'honorific' | 'text';
interface Tok {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const ITEM_BREAK = /[、，,。；;！!？?：:\s“”"（）()《》]/;
/** Words after which an introduction starts (the cue is dropped from the item). */
const CUES = ['让我们掌声欢迎', '掌声欢迎', '热烈欢迎', '隆重介绍', '有请', '欢迎', '感谢', '谢谢', '尊敬的', '邀请', '请到', '来自', '以及', '还有', '他们是', '分别是', '我是', '我叫', '下面请', '接下来请', '请'];
/** Honorifics that close an introduction. */
const CLOSING = ['先生', '女士', '小姐', '教授', '博士', '院士', '老师'];
const STAGE_CUE = /有请|欢迎|上台|致辞|嘉宾|演讲|分享|签约|主持|发布人|发言|报告|见证|登台/;

export interface Introduction {
  person: ExtractedMention;
  org?: ExtractedMention;
  titles: string[];
}

function tokenize(item: string, offset: number, ctx: DocumentContext, line: Line): Tok[] {
  const { lexicon } = ctx;
  // inside a known organisation's name (上海人工智能实验室, 复旦大学计算机科学技术学院) no title starts
  const orgSpans = ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && m.end > offset && m.start < offset + item.length);
  const insideOrg = (i: number) => orgSpans.some((m) => m.start < offset + i && offset + i < m.end);
  const tokens: Tok[] = [];
  let text = '';
  let textStart = offset;
  const flush = (at: number) => {
    if (text) tokens.push({ kind: 'text', text, start: textStart, end: at });
    text = '';
  };
  for (let i = 0; i < item.length; ) {
    const title = insideOrg(i) ? undefined : lexicon.titleIndex.longestAt(item, i)?.phrase;
    const orgWord = lexicon.suffixIndex.longestAt(item, i)?.phrase;
    const longerOrgWord = title && orgWord && orgWord.length > title.length;
    const closing = CLOSING.find((h) => item.startsWith(h, i));
    if (closing && (!title || closing.length >= title.length) && i > 0) {
      flush(offset + i);
      tokens.push({ kind: 'honorific', text: closing, start: offset + i, end: offset + i + closing.length });
      i += closing.length;
      textStart = offset + i;
    } else if (title && !longerOrgWord) {
      flush(offset + i);
      tokens.push({ kind: 'title', text: title, start: offset + i, end: offset + i + title.length });
      i += title.length;
      textStart = offset + i;
    } else {
      if (!text) textStart = offset + i;
      text += item[i];
      i++;
    }
  }
  flush(offset + item.length);
  // "董事长兼CEO", "党委书记、董事长": join titles separated by 兼/和
  const merged: Tok[] = [];
  for (const tok of tokens) {
    const prev = merged[merged.length - 1];
    const prev2 = merged[merged.length - 2];
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

/** A known organisation (weak aliases included) or a name with an organisation suffix. */
function isOrgLike(ctx: DocumentContext, text: string): boolean {
  return Boolean(ctx.lexicon.lookupOrganization(text)) || Boolean(ctx.lexicon.suffixIndex.longestEndingAt(text, text.length));
}

function titlesOf(tok: Tok | undefined): string[] {
  return tok?.kind === 'title' ? tok.text.split('、') : [];
}

/** Splits a line into items (between list separators), with introduction cues removed from their start. */
function items(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || ITEM_BREAK.test(text[i]!)) {
      if (i > start) {
        let item = text.slice(start, i);
        let at = start;
        for (;;) {
          const cue = CUES.map((c) => ({ c, k: item.lastIndexOf(c) })).filter(({ k }) => k >= 0).sort((a, b) => b.k + b.c.length - (a.k + a.c.length))[0];
          if (!cue) break;
          const cut = cue.k + cue.c.length;
          if (cut >= item.length) break;
          item = item.slice(cut);
          at += cut;
        }
        out.push({ text: item, start: at });
      }
      start = i + 1;
    }
  }
  return out;
}

export function extractIntroductions(ctx: DocumentContext): { introductions: Introduction[]; relations: RelationCandidate[] } {
  const introductions: Introduction[] = [];
  const relations: RelationCandidate[] = [];
  for (const line of ctx.contentLines()) {
    let carriedOrg: OrgSlot | undefined;
    let carriedTitles: string[] = [];
    for (const item of items(line.text)) {
      const found = parseItem(ctx, line, item, carriedOrg, carriedTitles);
      introductions.push(...found.introductions);
      carriedOrg = found.loneOrg;
      carriedTitles = found.loneTitles;
    }
  }
  const stageLines = new Set<number>();
  for (const line of ctx.contentLines()) if (STAGE_CUE.test(line.text)) stageLines.add(line.number);
  for (const intro of introductions) {
    const line = ctx.line(intro.person.line);
    const evidence = ctx.evidence(line, intro.person.start, intro.person.end);
    if (intro.org) relations.push({ type: 'AFFILIATED_WITH', from: intro.person.id, to: intro.org.id, title: intro.titles.join('、') || null, evidence });
    if (stageLines.has(line.number)) relations.push({ type: 'SPOKE_AT', from: intro.person.id, role: roleOf(line.text), evidence });
  }
  return { introductions, relations };
}

function roleOf(text: string): string {
  if (/主持/.test(text)) return 'host';
  if (/签约|签署/.test(text)) return 'signatory';
  if (/致辞|演讲|分享|报告|发言|主旨/.test(text)) return 'speaker';
  if (/圆桌|对话|讨论/.test(text)) return 'panelist';
  return 'guest';
}

function parseItem(
  ctx: DocumentContext,
  line: Line,
  item: { text: string; start: number },
  carriedOrg: OrgSlot | undefined,
  carriedTitles: string[],
): { introductions: Introduction[]; loneOrg?: OrgSlot; loneTitles: string[] } {
  const tokens = tokenize(item.text, item.start, ctx, line);
  const introductions: Introduction[] = [];
  const { lexicon } = ctx;
  let org: OrgSlot | undefined = carriedOrg;
  let titles: string[] = carriedTitles;
  let lastPersonOrg: OrgSlot | undefined;
  let lastTitles: string[] = [];

  const addPerson = (tok: { text: string; start: number; end: number }, personTitles: string[], personOrg: OrgSlot | undefined, confidence: number) => {
    const allTitles = personOrg?.department ? personTitles.map((t) => personOrg.department + t) : [...personTitles];
    const person = ctx.addMention({ type: 'Person', start: tok.start, end: tok.end, line: line.number, method: 'introduction', confidence, titles: allTitles }, line);
    introductions.push({ person, org: personOrg ? materialize(ctx, personOrg) : undefined, titles: allTitles });
    lastPersonOrg = personOrg;
    lastTitles = personTitles;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== 'text') {
      if (tok.kind === 'title') titles = titlesOf(tok);
      continue;
    }
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    const isLast = i === tokens.length - 1;
    const followedByTitle = next?.kind === 'title';
    const followedByClosing = next?.kind === 'honorific';
    const precededByTitle = tokens[i - 1]?.kind === 'title';

    // title + NAME (+ honorific | end | next person)
    if (precededByTitle && (followedByClosing || isLast || (followedByTitle && afterNext?.kind !== 'text')) && isPlausibleName(tok.text, lexicon, { long: followedByClosing })) {
      addPerson(tok, titles, org, followedByClosing ? 0.95 : 0.8);
      titles = [];
      continue;
    }
    // "ORG + title + NAME" where this text is the organisation: the text after the titles is a name
    if (followedByTitle && afterNext?.kind === 'text' && (isOrgLike(ctx, tok.text) || !isPlausibleName(tok.text, lexicon))) {
      const nameAfter = afterNext.text;
      const closesAfter = tokens[i + 3]?.kind === 'honorific' || i + 3 >= tokens.length;
      if (closesAfter && isPlausibleName(nameAfter, lexicon, { long: tokens[i + 3]?.kind === 'honorific' })) {
        org = organizationSlot(ctx, line, tok.start, tok.end) ?? org;
        continue;
      }
    }
    // [ORG] NAME + title, or [ORG] NAME + honorific
    if (followedByTitle || followedByClosing) {
      const split = splitOrgAndName(tok.text, lexicon);
      if (split) {
        const nameStart = tok.end - split.name.length;
        const slotOrg = split.org ? organizationSlot(ctx, line, tok.start, nameStart) : undefined;
        if (split.org && !slotOrg && !precededByTitle) continue; // unexplained text before the name: not an introduction
        const personTitles = followedByTitle ? titlesOf(next) : titles;
        addPerson({ text: split.name, start: nameStart, end: tok.end }, personTitles, slotOrg ?? (split.org ? undefined : org), followedByClosing ? 0.9 : 0.75);
        titles = [];
        if (followedByTitle) i++;
        continue;
      }
      if (followedByTitle) {
        const slot = organizationSlot(ctx, line, tok.start, tok.end);
        if (slot) org = slot;
        continue;
      }
    }
    // a second name in the same item after a closing honorific shares the organisation and titles (唐柯先生李俊先生)
    if (tokens[i - 1]?.kind === 'honorific' && followedByClosing && isPlausibleName(tok.text, lexicon)) {
      addPerson(tok, lastTitles, lastPersonOrg, 0.85);
      continue;
    }
    // an item that is only an organisation: its people follow in the next item (冰装集团、叶文华副总经理)
    if (tokens.length === 1) {
      const slot = organizationSlot(ctx, line, tok.start, tok.end, { requireEvidence: true });
      return { introductions, loneOrg: slot, loneTitles: [] };
    }
  }
  const onlyOrgAndTitles = introductions.length === 0 && tokens.length === 2 && tokens[0]!.kind === 'text' && tokens[1]!.kind === 'title';
  return { introductions, loneOrg: onlyOrgAndTitles ? org : undefined, loneTitles: onlyOrgAndTitles ? titlesOf(tokens[1]) : [] };
}
