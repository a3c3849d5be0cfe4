import type { Line } from '../ingest/schema.js';
import { adjoins, outermost, PARAGRAPH_LEAD, sentenceBounds } from '../util/text.js';
import type { DocumentContext } from './context.js';
import { introductionText, roleOf, type Introduction } from './introductions.js';
import type { ExtractedMention, RelationCandidate } from './schema.js';
import { HOST_LABEL, speakerLabel } from './speaker-labels.js';
import { WITNESS } from './witnesses.js';

const ENGLISH_COOPERATION = /\b(?:work(?:s|ed|ing)?\s+(?:closely\s+|together\s+)?with|partner(?:s|ed|ing)?\s+with|(?:a\s+)?partnership\s+with|collaborat(?:e|es|ed|ing)\s+with|in\s+(?:cooperation|collaboration|partnership)\s+with|teamed\s+up\s+with)\b/gi;
/** "我们的合作伙伴", "我们在中国的合作伙伴", "我们九天在金融行业的合作伙伴", "都是我们Nvidia的合作伙伴". */
const OUR_PARTNERS = /(我们|咱们)[^，,。；;！？]{0,10}?的?(主要|重要|核心|战略)?的?合作伙伴/;
const JOINT_LAUNCH = /联合发布|共同发布|联合推出|共同推出|联合打造|共同打造/;
const HOSTED_BY = /由(.{2,30}?)(主办|举办|承办|发起)/;

/** The organisation that runs the forum: named in the title, or "由X主办" in the text. */
export function findOrganizer(ctx: DocumentContext): { mention: ExtractedMention; quoteLine: number } | undefined {
  const title = ctx.doc.forum.title;
  const heading = ctx.doc.lines.find((l) => l.text.trim() !== '');
  if (heading && heading.text.includes(title)) {
    const at = heading.text.indexOf(title);
    const inTitle = ctx.mentionsOnLine(heading.number).filter((m) => m.type === 'Organization' && m.start >= at && m.end <= at + title.length);
    if (inTitle[0]) return { mention: inTitle[0], quoteLine: heading.number };
  }
  for (const line of ctx.contentLines()) {
    const m = HOSTED_BY.exec(line.text);
    if (!m) continue;
    const from = m.index;
    const to = from + m[0].length;
    const org = ctx.mentionsOnLine(line.number).find((x) => x.type === 'Organization' && x.start >= from && x.end <= to);
    if (org) return { mention: org, quoteLine: line.number };
  }
  return undefined;
}

/** A clause that names who hosts, co-hosts or supports the forum: "…主办", "B承办", "C协办". */
const HOSTING_CLAUSE = /(?:联合主办|共同主办|主办|承办|协办|联合举办|共同举办)(?:单位)?$/;

/**
 * The forum's other organisers, named beside the organiser in the sentence that says who hosts it
 * ("由A主办，B承办，C协办", "由A和B联合主办"): every organisation of a hosting clause.
 */
export function findCoOrganizers(ctx: DocumentContext, organizer: { mention: ExtractedMention; quoteLine: number }): ExtractedMention[] {
  const line = ctx.line(organizer.quoteLine);
  const [from, to] = sentenceBounds(line.text, organizer.mention.start, organizer.mention.end);
  // a parent inside its unit's name (中国科学院 of 中国科学院自动化研究所) is not an organiser of its own
  const orgs = outermost(ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && m.start >= from && m.end <= to))
    .filter((m) => m !== organizer.mention);
  const found: ExtractedMention[] = [];
  let clauseStart = from;
  for (let k = from; k <= to; k++) {
    if (k < to && !/[，,、；;]/.test(line.text[k]!)) continue;
    if (HOSTING_CLAUSE.test(line.text.slice(clauseStart, k))) {
      for (const o of orgs) if (o.start >= clauseStart && o.end <= k && !sameOrg(o, organizer.mention) && !found.some((f) => sameOrg(f, o))) found.push(o);
    }
    clauseStart = k + 1;
  }
  return found;
}

/**
 * DEVELOPS and OFFERS: an organisation written right before its model or product (华为云盘古大模型),
 * the developer or owner the lexicon records when that organisation is named in the same transcript,
 * or the single organisation of the sentence that introduces a model found by pattern.
 */
export function extractOwnership(ctx: DocumentContext, organizer: ExtractedMention | undefined, speakers: SpeakerTimeline): RelationCandidate[] {
  const relations: RelationCandidate[] = [];
  const orgsByName = new Map<string, ExtractedMention>();
  const orgForms: Array<{ form: string; mention: ExtractedMention }> = [];
  for (const m of ctx.mentions) {
    if (m.type !== 'Organization') continue;
    for (const key of [m.lexiconName, m.impliedName, m.form]) if (key && !orgsByName.has(key)) orgsByName.set(key, m);
    const entry = m.lexiconName ? ctx.lexicon.entry('Organization', m.lexiconName) : undefined;
    for (const form of [m.form, ...(entry ? [entry.name, ...entry.aliases] : [])]) if ([...form].length >= 2) orgForms.push({ form, mention: m });
  }
  /** The owner the lexicon records for a model or product (or its family), or that owner's parent, when named here. */
  const lexiconOwner = (m: ExtractedMention): ExtractedMention | undefined => {
    const name = m.lexiconName ?? m.family;
    return ownerOf(name ? ctx.lexicon.entry(m.type, name)?.owner : undefined);
  };
  /** A known model or product whose name starts this one's (星辰大模型 of 星辰数字人, 小浣熊 of 小浣熊一体机): its owner's. */
  const familyOwner = (m: ExtractedMention): ExtractedMention | undefined => {
    const name = m.lexiconName ?? m.impliedName ?? m.form;
    for (let length = name.length - 1; length >= 2; length--) {
      const entry = ctx.lexicon.lookup(name.slice(0, length)) ?? ctx.lexicon.lookup(`${name.slice(0, length)}大模型`);
      if ((entry?.type === 'Model' || entry?.type === 'Product') && entry.owner) return ownerOf(entry.owner);
    }
    return undefined;
  };
  /** The organisation the lexicon records as an owner, or its parent, when named here. */
  function ownerOf(recorded: string | null | undefined): ExtractedMention | undefined {
    let owner = recorded;
    const chain: ExtractedMention[] = [];
    for (let depth = 0; owner && depth < 3; depth++) {
      const org = orgsByName.get(owner);
      if (org) chain.push(org);
      owner = ctx.lexicon.entry('Organization', owner)?.parent;
    }
    // the forum's organiser, when it is the owner or the owner's parent, speaks for its own models
    return chain.find((o) => organizer && sameName(o, organizer)) ?? chain[0];
  }
  for (const m of ctx.mentions) {
    if (m.type !== 'Model' && m.type !== 'Product') continue;
    const type = m.type === 'Model' ? 'DEVELOPS' : 'OFFERS';
    const line = ctx.line(m.line);
    const evidence = ctx.evidence(line, m.start, m.end);
    const onLine = ctx.mentionsOnLine(m.line);
    const owners = new Set<ExtractedMention>();
    // written right before it (华为云盘古大模型), or its name starts with the organisation's (小米SU7, 中车MaaS平台)
    const adjacent = onLine.find((o) => o.type === 'Organization' && adjoins(line.text, o.end, m.start));
    if (adjacent) owners.add(adjacent);
    const name = m.lexiconName ?? m.impliedName ?? m.form;
    const prefixed = orgForms.filter((o) => name.startsWith(o.form) && name.length > o.form.length).sort((a, b) => b.form.length - a.form.length)[0];
    if (prefixed) owners.add(prefixed.mention);
    const recorded = lexiconOwner(m) ?? (owners.size === 0 ? familyOwner(m) : undefined);
    if (recorded) owners.add(recorded);
    if (owners.size === 0 && /我们/.test(line.text.slice(Math.max(0, m.start - 12), m.start))) {
      // "我们的X": the organisation of the guest speaking (called up, introducing themself or labelled); before
      // anyone is called up, the organiser's; nobody's when the speaker's employer is not known
      const turn = speakers.at(m.line);
      const ours = turn === undefined ? organizer : turn ?? undefined;
      if (ours) owners.add(ours);
    }
    if (owners.size === 0 && (m.method === 'model-pattern' || m.method === 'product-pattern')) {
      const [from, to] = sentenceBounds(line.text, m.start);
      const orgs = onLine.filter((o) => o.type === 'Organization' && o.start >= from && o.end <= to && o.end <= m.start);
      const distinct = new Set(orgs.map((o) => nameOfOrg(o, onLine)));
      if (distinct.size === 1) owners.add(orgs[orgs.length - 1]!);
    }
    // the subject of the sentence (or of the line) that launches it: "衡川智能…正式发布…“汀兰Agent工坊”", "3. 智谱｜北京。…推出…AutoGLM"
    if (owners.size === 0 && (m.method === 'model-pattern' || m.method === 'product-pattern')) {
      const subject = launchingSubject(line, m, onLine);
      if (subject) owners.add(subject);
    }
    for (const owner of owners) relations.push({ type, from: owner.id, to: m.id, evidence });
  }
  return relations;
}

/** An organisation's name for counting: its lexicon or implied name, or the name it was declared for (以下简称). */
function nameOfOrg(o: ExtractedMention, onLine: ExtractedMention[]): string {
  const declaredFor = o.aliasOf ? onLine.find((x) => x.id === o.aliasOf) : undefined;
  return o.lexiconName ?? o.impliedName ?? (declaredFor ? nameOfOrg(declaredFor, onLine) : o.form);
}

/** Verbs by which an organisation brings out a model or product. */
const LAUNCH_VERB = /发布|推出|上线|开源|研发|打造|自研|开发|带来|提供|旗下|升级|亮相/;

/**
 * The organisation that launches a model or product in its sentence: the one the sentence (or its line) starts with,
 * a launching verb after it, and no other organisation between them but names declared for it.
 */
function launchingSubject(line: Line, m: ExtractedMention, onLine: ExtractedMention[]): ExtractedMention | undefined {
  const [from] = sentenceBounds(line.text, m.start);
  const orgs = onLine.filter((o) => o.type === 'Organization' && o.end <= m.start).sort((a, b) => a.start - b.start);
  const subject = orgs.filter((o) => (o.start >= from && /^[\s，,]*$/.test(line.text.slice(from, o.start))) || PARAGRAPH_LEAD.test(line.text.slice(0, o.start))).at(-1);
  if (!subject) return undefined;
  const between = orgs.filter((o) => o.start >= subject.end && o.aliasOf !== subject.id);
  if (between.length > 0 || !LAUNCH_VERB.test(line.text.slice(subject.end, m.start))) return undefined;
  return subject;
}

/** Two sides of agreements made one by one: "A、B分别与C、D签署…". */
const RESPECTIVELY = /分别(?:与|和|同|跟)/;
/** Partners listed and called so, without saying whose: "阿里云、浙江大学等合作伙伴". */
const LISTED_PARTNERS = /等(?:战略|生态|核心|重要|主要)?合作伙伴/;
/** Partners of someone named: "X的合作伙伴", "我们的合作伙伴". */
const OWNED_PARTNERS = /的(?:战略|生态|核心|重要|主要)?合作伙伴/;
/** The organisations of the list that ends at `end` (joined by 、，和 及 与 以及 only), in order. */
function listBefore(text: string, orgs: ExtractedMention[], end: number): ExtractedMention[] {
  const list: ExtractedMention[] = [];
  let at = end;
  for (const o of [...orgs].sort((a, b) => b.end - a.end)) {
    if (o.end > at) continue;
    if (!/^[、，,和及与\s]*(?:以及)?$/.test(text.slice(o.end, at))) break;
    list.unshift(o);
    at = o.start;
  }
  return list;
}

/** Cooperation said in so many words: partner, strategic cooperation, joint launch. */
const STRONG_PARTNER_CUE = /合作伙伴|战略合作|携手|联合发布|共同发布|联合推出|共同推出|联合打造|共同打造|联合研发|共同研发|达成合作|签约合作|联合实验室/;
const STRONG_PARTNER_CUE_ALL = new RegExp(STRONG_PARTNER_CUE.source, 'g');
/**
 * "和/与/跟 X …合作", "和 X 一起做…": X is a partner only when it stands between the preposition and the cue; a
 * list may run over commas ("跟英伟达，还有AMD，都有很好的合作").
 */
const WITH_COOPERATION = new RegExp('(与|和|跟|同)((?:[^，。；！？]|[，,](?=还有|以及|和|及|包括|都|也都|均)){1,40}?)(?:(一起|共同|联合)?(开展|展开|达成|深度|深化|进行|展开了|开展了|建立)?(合作|联合创新|联合培养|联合研发)' +
  // work done together: "和国家电网一起做电力大模型", "跟X共同训练了…"
  '|(?:一起|共同|联合)(?:做|打造|研发|开发|训练|推出|发布|建设|搭建|构建|研制|编制|制定|探索|举办|主办)' +
  // a body unveiled together: "A与B共同为X揭牌"
  '|(?:一起|共同|联合)为[^，。；！？]{1,24}?(?:揭牌|启动|剪彩))', 'g');
/** Working together, said of everyone named (一起, 共同, 联合…), not of a joint programme (联合培养) or an adjective (联合的). */
const TOGETHER = /一起|共同|联合(?!培养|的)/;
const TOGETHER_NEXT = new RegExp(`^(?:${TOGETHER.source})`);
/** The speaker's own side taking up cooperation (深化与X的合作, 加强与X合作): no other organisation is its subject. */
const OUR_COOPERATION = /(深化|加强|推进|拓展|扩大|持续|积极|进一步|将|也|还|并)(同|与|和|跟)$/;
/** "我们和/与/跟 …": the speaker's organisation is the one cooperating. */
const WE = /(我们|咱们)(也|还|已经|将|会|一直|正在|在|共同|都|呢)*(和|与|跟|同)/;

/**
 * PARTNERS_WITH stated in a sentence. "我们和A、B合作" links the speaker's organisation with A and B;
 * "A与B合作", "A携手B", "A的合作伙伴B" link A with the others named.
 */
export function extractStatedPartnerships(ctx: DocumentContext, organizer: ExtractedMention | undefined, speakers: SpeakerTimeline): RelationCandidate[] {
  const relations: RelationCandidate[] = [];
  for (const line of ctx.contentLines()) {
    const strong = STRONG_PARTNER_CUE.test(line.text);
    if (!strong && !/合作|一起|共同|联合/.test(line.text) && !/ with /i.test(line.text)) continue;
    // a body being set up (中国电信联合合作伙伴，打造AI数据集联创基地) is what the partners build, not one of them
    // a parent named inside its unit's name (中国科学院 of 中国科学院自动化研究所) is not a party of its own
    const orgs = outermost(ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && m.method !== 'founded'))
      .sort((a, b) => a.start - b.start);
    if (orgs.length === 0) continue;
    const sentences = new Map<number, number>();
    for (const o of orgs) {
      const [from, to] = sentenceBounds(line.text, o.start);
      sentences.set(from, to);
    }
    for (const [from, to] of sentences) {
      const sentence = line.text.slice(from, to);
      const inSentence = orgs.filter((m) => m.start >= from && m.end <= to);
      let partners: ExtractedMention[] = [];
      // the organisations named together in one cue (我们和A、B、C一起…), who work together too
      const lists: Array<{ members: ExtractedMention[]; together: boolean }> = [];
      let cueAt = -1;
      // the speaker's organisation is one side: "我们与A合作", "深化与A的合作", "我们(和)A联合推出"
      let ours = false;
      /**
       * A cue at `at` (sentence offset) naming partners in [spanFrom, spanTo) of the line: they join the last
       * organisation named before the cue. Returns undefined when it names none, else whether none was before.
       */
      const takeCooperation = (at: number, spanFrom: number, spanTo: number, together: boolean): boolean | undefined => {
        const named = inSentence.filter((o) => o.start >= spanFrom && o.end <= spanTo);
        if (named.length === 0) return undefined;
        const before = inSentence.filter((o) => o.end <= from + at);
        partners.push(...before.slice(-1), ...named);
        lists.push({ members: named, together });
        cueAt = at;
        return before.length === 0;
      };
      // a cue inside a name (华西医院商汤科技联合实验室) names a body; it does not state a partnership
      const strongCue = [...sentence.matchAll(STRONG_PARTNER_CUE_ALL)].find((c) => !inSentence.some((o) => o.start <= from + c.index && from + c.index < o.end));
      // "A、B分别与C、D签署": each on one side with each on the other, not the sides among themselves
      const respectively = RESPECTIVELY.exec(sentence);
      if (respectively && (strongCue || /合作|签署|签订|签约/.test(sentence.slice(respectively.index)))) {
        const at = from + respectively.index;
        const left = inSentence.filter((o) => o.end <= at);
        const right = inSentence.filter((o) => o.start >= at + respectively[0].length);
        const evidence = ctx.evidence(line, at, at + respectively[0].length);
        const basis = JOINT_LAUNCH.test(sentence) ? 'joint-launch' : 'stated';
        for (const a of left) for (const b of right) if (!sameOrg(a, b)) relations.push({ type: 'PARTNERS_WITH', from: a.id, to: b.id, basis, evidence });
        continue;
      }
      // "阿里云、浙江大学等合作伙伴代表": partners of the organiser or speaker, listed before 等
      const listed = LISTED_PARTNERS.exec(sentence);
      if (strongCue && listed && !OWNED_PARTNERS.test(sentence)) {
        partners = listBefore(line.text, inSentence, from + listed.index);
        lists.push({ members: partners, together: false });
        cueAt = listed.index;
        ours = partners.length > 0;
      } else if (strongCue) {
        partners = inSentence;
        lists.push({ members: inSentence, together: TOGETHER.test(sentence) });
        cueAt = strongCue.index;
        const we = sentence.search(/我们|咱们/);
        if (we >= 0 && inSentence.length === 1 && we < inSentence[0]!.start - from && JOINT_LAUNCH.test(sentence)) ours = true;
        // "我们的合作伙伴包括A、B", "华为是我们的战略合作伙伴": partners of the speaker's organisation, not of each other
        if (OUR_PARTNERS.test(sentence)) ours = true;
      } else {
        WITH_COOPERATION.lastIndex = 0;
        for (let m = WITH_COOPERATION.exec(sentence); m; m = WITH_COOPERATION.exec(sentence)) {
          // 和 inside a name (上海市经济和信息化委员会) joins nothing: look again just after it
          if (inSentence.some((o) => o.start <= from + m!.index && from + m!.index < o.end)) {
            WITH_COOPERATION.lastIndex = m.index + 1;
            continue;
          }
          const spanFrom = from + m.index + m[1]!.length;
          // "我们和A、B一起做…" (the others work together too), not "我们和A、B都有联合的实验室"
          const alone = takeCooperation(m.index, spanFrom, spanFrom + m[2]!.length, TOGETHER_NEXT.test(m[0].slice(m[1]!.length + m[2]!.length)));
          if (alone && OUR_COOPERATION.test(line.text.slice(Math.max(from, spanFrom - 6), spanFrom))) ours = true;
        }
        // "we work closely with Hugging Face", "Meta partnered with Microsoft"
        for (const m of sentence.matchAll(ENGLISH_COOPERATION)) {
          const cueEnd = from + m.index + m[0].length;
          const alone = takeCooperation(m.index, cueEnd, cueEnd + Math.max(0, sentence.slice(m.index + m[0].length).search(/\.\s|$/)), false);
          if (alone && /\b(we|our team|our company)\b/i.test(sentence.slice(0, m.index))) ours = true;
        }
      }
      const distinct: ExtractedMention[] = [];
      for (const m of partners) if (!distinct.some((d) => sameOrg(d, m))) distinct.push(m);
      if (distinct.length === 0) continue;
      const basis = JOINT_LAUNCH.test(sentence) ? 'joint-launch' : 'stated';
      const evidence = ctx.evidence(line, from + Math.max(0, cueAt), from + Math.max(0, cueAt) + 2);
      // "我们" before the first organisation: the speaker's organisation is the one cooperating
      const we = WE.exec(sentence);
      const speaking = ours || (we !== null && we.index < distinct[0]!.start - from);
      // before anyone is called up the organiser speaks; a speaker whose employer is not known (null) stands for nobody
      const turn = speaking ? speakers.at(line.number) : undefined;
      const speaker = !speaking ? undefined : turn === undefined ? organizer : turn ?? undefined;
      if (speaker) {
        for (const other of distinct) if (!sameOrg(other, speaker)) relations.push({ type: 'PARTNERS_WITH', from: speaker.id, to: other.id, basis, evidence });
        // "我们和A、B、C一起合作": the others named work together too
        for (const { members: list, together: joint } of lists) {
          if (joint) {
            const together = list.filter((m, i) => list.findIndex((o) => sameOrg(o, m)) === i);
            for (let a = 0; a < together.length; a++) for (let b = a + 1; b < together.length; b++) relations.push({ type: 'PARTNERS_WITH', from: together[a]!.id, to: together[b]!.id, basis, evidence });
          }
        }
      } else if (!speaking && distinct.length >= 2) {
        const [first, ...others] = distinct;
        for (const other of others) relations.push({ type: 'PARTNERS_WITH', from: first!.id, to: other.id, basis, evidence });
      }
    }
  }
  return relations;
}

/**
 * A moderator giving a panel guest the floor by honorific: "郑总先来", "请周总谈谈", "王老师您怎么看" (not "请王会长留步",
 * a stage direction).
 */
const HAND_OVER = /^(?:您|你)?(?:先来|来|先说|先讲|先谈|谈谈|说说|讲讲|来谈谈|来说说|来讲讲|怎么看|有什么看法)/;

/**
 * Turns a moderator hands over by honorific (郑总先来): the answer, from the next line on, is that guest's, and
 * "我们" there means the guest's organisation. The guest is the one introduced last before with that surname.
 */
function handOvers(ctx: DocumentContext, introductions: Introduction[]): Array<{ line: number; org: ExtractedMention | undefined }> {
  const turns: Array<{ line: number; org: ExtractedMention | undefined }> = [];
  const content = [...ctx.contentLines()].map((l) => l.number);
  for (const m of ctx.mentions) {
    if (m.type !== 'Person' || !m.reference) continue;
    const text = ctx.line(m.line).text;
    if (!HAND_OVER.test(text.slice(m.end))) continue;
    const guest = introductions.filter((i) => i.org && i.person.line <= m.line && i.person.form.startsWith(m.reference!.surname)).at(-1);
    const next = content.find((n) => n > m.line);
    if (!guest || next === undefined) continue;
    turns.push({ line: next, org: guest.org });
    // another panellist cutting in (我补充一点, 对，…) speaks for an organisation the text does not say
    const cutIn = content.find((n) => n > next && REPLY_OPENER.test(ctx.line(n).text));
    if (cutIn !== undefined) turns.push({ line: cutIn, org: undefined });
  }
  return turns;
}
/** How a panellist who was not handed the floor starts to speak. */
const REPLY_OPENER = /^\s*(?:我补充|我来补充|补充一点|我同意|我也补充|对[，,。]|是的[，,。])/;

/**
 * Who is speaking where: after a guest is called up or introduces themself, "我们" in their talk means
 * their organisation, until the next speaker.
 */
export class SpeakerTimeline {
  private readonly turns: Array<{ line: number; org: ExtractedMention | undefined }> = [];
  /** Whether the transcript labels its speakers ("芮勇：…"), so that who speaks is known, not guessed. */
  readonly labelled: boolean;

  constructor(ctx: DocumentContext, introductions: Introduction[]) {
    // a guest called up without an employer (把时间交给彭宇欣教授) may have been introduced with one before
    const employer = new Map<string, ExtractedMention>();
    for (const intro of introductions) if (intro.org && !employer.has(intro.person.form)) employer.set(intro.person.form, intro.org);
    // a transcript with speaker labels ("孟樸：谢谢主持人。") says who speaks outright; a label overrides a call-up on its line
    const labelled = new Map<number, ExtractedMention | undefined>();
    for (const line of ctx.contentLines()) {
      const label = speakerLabel(line.text);
      if (!label) continue;
      const person = ctx.mentionsOnLine(line.number).find((m) => m.type === 'Person' && m.start === label.start && m.end === label.start + label.name.length);
      const name = person?.form ?? label.name;
      if (person || employer.has(name)) labelled.set(line.number, employer.get(name));
      else if (HOST_LABEL.test(name)) labelled.set(line.number, undefined);
    }
    for (const intro of introductions) {
      const text = ctx.line(intro.person.line).text;
      if (labelled.has(intro.person.line) || !/有请|欢迎|交给|我是|我叫|致辞|演讲|分享|发言|报告|\b(?:welcome|I['’]m|I am|my name is)\b/i.test(text)) continue;
      const last = this.turns[this.turns.length - 1];
      if (last && last.line === intro.person.line) continue; // the first person called up on a line speaks first
      this.turns.push({ line: intro.person.line, org: intro.org ?? employer.get(intro.person.form) });
    }
    this.labelled = labelled.size > 0;
    if (labelled.size > 0) this.turns.push(...[...labelled].map(([line, org]) => ({ line, org })));
    else this.turns.push(...handOvers(ctx, introductions));
    this.turns.sort((a, b) => a.line - b.line);
  }

  /**
   * Who speaks at a line: undefined before anyone was called up; else the speaker's organisation, or null
   * when the speaker's employer is not known (their "我们" is then nobody's the graph knows).
   */
  at(line: number): ExtractedMention | null | undefined {
    let found: ExtractedMention | null | undefined;
    for (const turn of this.turns) {
      if (turn.line > line) break;
      found = turn.org ?? null;
    }
    return found;
  }
}

const PANEL = /圆桌|对话环节|座谈|panel/i;
/** The panel as one subject: "这几位嘉宾…都跟X有着很好的合作". */
const WHOLE_PANEL = /这几位|那几位|几位嘉宾|各位嘉宾|诸位嘉宾|在座的(各位|几位)?嘉宾/;
/** A sentence that goes on with the subject of the one before ("…。并且跟X有着很好的合作"). */
const SAME_SUBJECT = /^[，,\s]*(并且|而且|同时|也都|也|都|还|并)/;
const PANEL_COOPERATION = /(跟|与|和|同)([^，。；！？]{1,20}?)(有着|有|保持着?|开展了?|建立了?|一直|都)[^。；！？]{0,12}?合作/;
/** How many lines after the last panelist's introduction the moderator may still speak of the panel as one. */
const PANEL_WINDOW = 12;

/**
 * Partnerships stated of a whole panel by its moderator ("今天我们的这几位嘉宾…并且跟X有着很好的合作"):
 * the organisation of every panelist introduced since the panel was announced partners with X.
 */
export function extractPanelPartnerships(ctx: DocumentContext, introductions: Introduction[]): RelationCandidate[] {
  const relations: RelationCandidate[] = [];
  // guests with an employer who are not the host, in the order they were introduced; taken in as the lines pass
  const guests = introductions.filter((i) => i.org && roleOf(introductionText(ctx.line(i.person.line).text, i.person)) !== 'host').sort((a, b) => a.person.line - b.person.line);
  let nextGuest = 0;
  let panelFrom = -1;
  let panelists: Introduction[] = [];
  let previousSentence = '';
  for (const line of ctx.contentLines()) {
    const lastIntroduced = panelists.at(-1)?.person.line ?? -Infinity;
    // a new panel, unless this names the one whose guests were just introduced (欢迎各位来到我们的圆桌论坛)
    if (PANEL.test(line.text) && line.number - lastIntroduced > PANEL_WINDOW) {
      panelFrom = line.number;
      panelists = [];
    }
    for (; nextGuest < guests.length && guests[nextGuest]!.person.line <= line.number; nextGuest++) {
      if (panelFrom >= 0 && guests[nextGuest]!.person.line >= panelFrom) panelists.push(guests[nextGuest]!);
    }
    if (panelFrom < 0) continue;
    if (panelists.length < 2 || line.number - panelists.at(-1)!.person.line > PANEL_WINDOW) {
      previousSentence = '';
      continue;
    }
    for (const sentence of line.text.split(/(?<=[。！？!?；;])/)) {
      const cooperation = PANEL_COOPERATION.exec(sentence);
      const subjectHere = cooperation && WHOLE_PANEL.test(sentence.slice(0, cooperation.index));
      const subjectBefore = cooperation && SAME_SUBJECT.test(sentence) && WHOLE_PANEL.test(previousSentence);
      if (/\p{Script=Han}{2}/u.test(sentence)) previousSentence = sentence;
      if (!cooperation || !(subjectHere || subjectBefore)) continue;
      const at = line.text.indexOf(sentence) + cooperation.index + cooperation[1]!.length;
      const partner = ctx.mentionsOnLine(line.number).find((m) => m.type === 'Organization' && m.start >= at && m.end <= at + cooperation[2]!.length);
      if (!partner) continue;
      const evidence = ctx.evidence(line, at, partner.end);
      const seen: ExtractedMention[] = [];
      for (const { org } of panelists) {
        if (sameOrg(org!, partner) || seen.some((s) => sameOrg(s, org!))) continue;
        seen.push(org!);
        relations.push({ type: 'PARTNERS_WITH', from: org!.id, to: partner.id, basis: 'stated', evidence });
      }
    }
  }
  return relations;
}

const NEXT_TALK = /(有请|请到|请出|欢迎).{0,60}(主旨演讲|主题演讲|主题报告|主旨报告|带来.{0,30}(演讲|分享|报告))/;
const CEREMONY_STAGE = /有请|请到|请出|欢迎|上台|登台|嘉宾|仪式|环节|掌声|移步|领导/;
const CEREMONY = /发布环节|联合发布|共同发布|一起登台|登台发布|启动仪式|发布仪式|共创仪式|揭牌仪式|发布人|发布嘉宾|启动嘉宾/;
/** Lines after a ceremony's announcement that may still list its guests. */
const CEREMONY_WINDOW = 4;

/**
 * Joint launches on stage (倡议书发布, 联创基地发布, 联合发布环节, 共创仪式): the organisations of the
 * guests called up to launch together are partners of the forum's organiser (or of the first of them).
 * Witnesses (见证嘉宾) are not partners.
 */
export function extractCeremonyPartnerships(ctx: DocumentContext, introductions: Introduction[], organizer: ExtractedMention | undefined): RelationCandidate[] {
  const relations: RelationCandidate[] = [];
  const lines = [...ctx.contentLines()];
  for (let i = 0; i < lines.length; i++) {
    const cue = lines[i]!;
    if (!CEREMONY.test(cue.text) || /签约|签署/.test(cue.text)) continue;
    // a stage ceremony calls people up; "A与B共同发布了X" told in a report is a stated partnership instead
    if (!CEREMONY_STAGE.test(cue.text) && !CEREMONY_STAGE.test(lines[i + 1]?.text ?? '')) continue;
    const window: typeof lines = [];
    for (const l of lines.slice(i, i + CEREMONY_WINDOW + 1)) {
      // the next ceremony, a signing included, has guests of its own
      if (l.number - cue.number > CEREMONY_WINDOW * 2 || (l !== cue && (CEREMONY.test(l.text) || /签约|签署/.test(l.text)) && /环节|仪式/.test(l.text))) break;
      // the next talk begins: its speaker is not one of the ceremony's
      if (l !== cue && NEXT_TALK.test(l.text)) break;
      window.push(l);
    }
    const numbers = new Set(window.map((l) => l.number));
    const partners: ExtractedMention[] = [];
    const witnessLines = new Set(window.filter((l, k) => {
      const next = window[k + 1];
      return (WITNESS.test(l.text) && !CEREMONY.test(l.text)) || (next !== undefined && /^.{0,12}(共同)?见证/.test(next.text));
    }).map((l) => l.number));
    for (const intro of introductions) {
      if (!intro.org || !numbers.has(intro.person.line) || witnessLines.has(intro.person.line)) continue;
      const text = ctx.line(intro.person.line).text;
      const witnessAt = text.search(WITNESS);
      if (witnessAt >= 0 && intro.person.start > witnessAt) continue;
      // a joint body and the organisation named at the start of its name (华西医院 of 华西医院…联合实验室) both
      // take part; a branch (中华医学会病理学分会) takes part alone
      const joint = /联合|共建|联创/.test(intro.org.form);
      const parents = !joint ? [] : ctx.mentionsOnLine(intro.org.line).filter((m) => m.type === 'Organization' && m !== intro.org && m.start === intro.org!.start && m.end < intro.org!.end);
      for (const org of [intro.org, ...parents]) if (!partners.some((p) => sameOrg(p, org))) partners.push(org);
    }
    if (partners.length < 2 && !(organizer && partners.length >= 1)) continue;
    // the organiser hosts a ceremony it takes part in, or one with a single other party; two or more parties
    // without it (A与B共同揭牌) cooperate with each other
    const host = partners.find((p) => organizer && sameOrg(p, organizer)) ?? (partners.length >= 2 ? partners[0]! : organizer!);
    const evidence = ctx.evidence(cue, Math.max(0, cue.text.search(CEREMONY)));
    for (const p of partners) if (!sameOrg(p, host)) relations.push({ type: 'PARTNERS_WITH', from: host.id, to: p.id, basis: 'joint-launch', evidence });
    i += window.length - 1;
  }
  return relations;
}

function sameName(a: ExtractedMention, b: ExtractedMention): boolean {
  return (a.lexiconName ?? a.form) === (b.lexiconName ?? b.form);
}

function sameOrg(a: ExtractedMention, b: ExtractedMention): boolean {
  return (a.lexiconName ?? a.impliedName ?? a.form) === (b.lexiconName ?? b.impliedName ?? b.form);
}
