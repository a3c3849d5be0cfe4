import type { Line } from '../ingest/schema.js';
import { CLAUSE_BREAK, outermost, sentenceSpans } from '../util/text.js';
import type { DocumentContext } from './context.js';
import type { Introduction } from './introductions.js';
import { inRanges, witnessRanges } from './witnesses.js';
import type { SpeakerTimeline } from './relations.js';
import type { EvidenceRef, ExtractedMention, RelationCandidate, SigningCandidate } from './schema.js';

const SIGNING_WORD = /签约|签署|签订|签下|签了[^，。；！？]{0,12}(?:协议|备忘录|合同)|(?:章程|倡议书|协议|备忘录|合同)上签字/;
const EVENT_NAME = /([^，,。；;！!？?：:\s]{2,60}?)(?:的)?(合作签约仪式|签约仪式|签署仪式|签约环节|签约活动|合作签约|战略合作协议|合作协议|合作备忘录|框架协议)/;
/** Words that precede an event name in the host's announcement and are not part of it. */
const NAME_LEAD = /^.*(进行的是|进行|进入到|进入|即将|举行|举办|开始|见证|下面是|接下来是|是)/;
const GENERIC_EVENT_NAME = /^(?:(?:本次|这次|今天|本届|现场)(?:论坛|大会|峰会|活动|会议)?(?:当中|上|中)?的?)?(?:合作)?(?:签约仪式|签署仪式|签约环节|签约活动|合作签约)$/;
/** A signing project announced by name: "签约项目是：A与B共建…实验室". */
const PROJECT_NAME = /签约项目(?:是|为)?[：:]\s*([^。；;！!？?]{2,60})/;
/** A new round or the next project of a signing (第二轮签约, 第二个签约项目, 下一项签约): a new event. */
const NEXT_ROUND = /第[二三四五六七八九十0-9]+轮|下一轮|再一轮|(?:第[二三四五六七八九十0-9]+|下一)(?:个|项|批)(?:签约|项目)|还有一(?:项|个)[^，。；！？]{0,8}签约/;
/** How far before its first signing line a ceremony may have called its guests up ("有请联盟的发起单位代表上台。他们是…"). */
const CALL_UP_REACH = 4;
/** Lines within this distance of each other belong to the same ceremony. */
const CLUSTER_GAP = 8;

interface Cluster {
  lines: Line[];
}

function clusters(ctx: DocumentContext, reported: Set<number>): Cluster[] {
  const out: Cluster[] = [];
  let current: Line[] = [];
  for (const line of ctx.contentLines()) {
    if (!SIGNING_WORD.test(line.text) || reported.has(line.number)) continue;
    const last = current[current.length - 1];
    // a new round of signing (第二轮签约) is a new event
    if (last && (line.number - last.number > CLUSTER_GAP || NEXT_ROUND.test(line.text))) {
      out.push({ lines: current });
      current = [];
    }
    current.push(line);
  }
  if (current.length) out.push({ lines: current });
  return out;
}

/**
 * Signing ceremonies and reported agreements: lines with 签约/签署/签订 close together form one event;
 * its name and subject come from the announcement ("X签约仪式"), its parties are the organisations named
 * in those lines (witnesses excluded), its signatories the people introduced as signing guests.
 */
export function extractSignings(ctx: DocumentContext, introductions: Introduction[], organizer: ExtractedMention | undefined, speakers: SpeakerTimeline): { signings: SigningCandidate[]; relations: RelationCandidate[] } {
  const signings: SigningCandidate[] = [];
  const relations: RelationCandidate[] = [];
  const reported = new Set<number>();
  for (const line of ctx.contentLines()) {
    if (!SIGNING_WORD.test(line.text)) continue;
    for (const { signing, pairs } of reportedSignings(ctx, line, introductions, speakers)) {
      signings.push({ ...signing, id: `s${signings.length}` });
      reported.add(line.number);
      for (const [a, b] of pairs) relations.push({ type: 'PARTNERS_WITH', from: a, to: b, basis: 'signing', evidence: signing.evidence[0]! });
    }
  }
  for (const cluster of clusters(ctx, reported)) {
    const lineNumbers = new Set(cluster.lines.map((l) => l.number));
    const first = ceremonyStart(ctx, cluster.lines[0]!.number, introductions, reported);
    const last = cluster.lines[cluster.lines.length - 1]!.number;
    const spanned: Line[] = [];
    // lines that report agreements of their own are not part of a ceremony around them
    for (let n = first; n <= last; n++) if (ctx.line(n).text.trim() && !reported.has(n)) spanned.push(ctx.line(n));

    let name = '';
    let nameLine: Line | undefined;
    for (const line of spanned) {
      const m = EVENT_NAME.exec(line.text);
      if (m) {
        name = (m[1]!.replace(NAME_LEAD, '') + m[2]!).replace(/^的/, '');
        nameLine = line;
        break;
      }
    }
    // "第一个签约项目是：A与B共建人工智能联合实验室": the project is the event's name
    const project = name ? undefined : spanned.map((line) => ({ line, m: PROJECT_NAME.exec(line.text) })).find((p) => p.m);
    if (project) {
      name = project.m![1]!.trim();
      nameLine = project.line;
    }

    const parties = new Map<string, ExtractedMention>();
    const signatories: SigningCandidate['signatories'] = [];
    const seenSignatories = new Set<string>();
    const signatoryLines = new Set<number>();
    for (const intro of introductions) {
      const line = ctx.line(intro.person.line);
      if (intro.person.line < first || intro.person.line > last) continue;
      if (inRanges(intro.person, witnessRanges(line.text))) continue;
      if (!/签约|签署/.test(line.text)) continue;
      signatoryLines.add(line.number);
      // one party per signatory: the first organisation they were introduced with (not also its unit)
      if (seenSignatories.has(intro.person.id)) continue;
      seenSignatories.add(intro.person.id);
      signatories.push({ person: intro.person.id, onBehalfOf: intro.org?.id ?? null });
      if (intro.org && !parties.has(intro.org.form)) parties.set(intro.org.form, intro.org);
    }
    // a signing mentioned in passing, with no one called up and no ceremony (我们今天见证了A和B的签约，听到了C、D…):
    // its parties are those named in the clause of the signing word, when there are two
    const inPassing = signatories.length === 0 && !name && !spanned.some((l) => CEREMONY_WORDS.test(l.text));
    // other lines of the ceremony name the parties directly ("来自A、B、C的嘉宾上台签约", "A和B的战略合作协议")
    const named = (inClause: boolean) => {
      const found = new Map(parties);
      for (const line of spanned) {
        if (signatoryLines.has(line.number)) continue;
        // "我们今天见证了A和B的签约" names what was witnessed, not witnesses: only a ceremony has those
        const ranges = inPassing ? [] : witnessRanges(line.text);
        const clauses = inClause ? [...line.text.matchAll(SIGNING_WORD_ALL)].map((w) => clauseAround(line.text, w.index)) : [[0, line.text.length] as const];
        for (const m of ctx.mentionsOnLine(line.number)) {
          if (m.type !== 'Organization' || inRanges(m, ranges) || !clauses.some(([from, to]) => m.start >= from && m.end <= to)) continue;
          // the body the ceremony founds (…联盟成立仪式) is not one of its parties
          if (FOUNDED_HERE.test(line.text.slice(m.end))) continue;
          if (!found.has(m.form)) found.set(m.form, m);
        }
      }
      return found;
    };
    const inClause = inPassing ? named(true) : undefined;
    for (const [form, m] of inClause && inClause.size >= 2 ? inClause : named(false)) parties.set(form, m);
    // a parent named beside its own unit (中国移动 and 中国移动上海产业研究院) is not a second party
    const partyList = [...parties.values()].filter((p, _, all) => !all.some((o) => o !== p && o.form.length > p.form.length && o.form.startsWith(p.form)));
    if (partyList.length < 2) continue;

    const subject = subjectOf(name, partyList);
    const evidence: EvidenceRef[] = cluster.lines.slice(0, 4).map((l) => ctx.evidence(l, Math.max(0, l.text.search(SIGNING_WORD))));
    if (nameLine && !lineNumbers.has(nameLine.number)) evidence.unshift(ctx.evidence(nameLine, 0));
    const signing: SigningCandidate = {
      id: `s${signings.length}`,
      // a ceremony announced by a bare 签约仪式 is named by its parties
      name: name && !GENERIC_EVENT_NAME.test(name) ? name : `${[...partyList].sort((a, b) => a.line - b.line || a.start - b.start).map((p) => p.form).join('、')}签约`,
      subject,
      parties: partyList.map((p) => p.id),
      signatories,
      lines: spanned.map((l) => l.number),
      evidence,
    };
    signings.push(signing);

    // partnership: a host party (the forum's organiser, or the first named) with each other party; two parties with each other
    const host = partyList.find((p) => organizer && p.form === organizer.form) ?? partyList[0]!;
    for (const other of partyList) {
      if (other === host) continue;
      relations.push({ type: 'PARTNERS_WITH', from: host.id, to: other.id, basis: 'signing', evidence: evidence[0]! });
    }
  }
  return { signings, relations };
}

/**
 * The first line of a ceremony whose signing line comes after its guests were called up and named: the lines
 * just before it that call guests up or introduce two or more of them.
 */
function ceremonyStart(ctx: DocumentContext, firstSigning: number, introductions: Introduction[], reported: Set<number>): number {
  let start = firstSigning;
  let looked = 0;
  for (let n = firstSigning - 1; n >= 1 && looked < CALL_UP_REACH; n--) {
    const text = ctx.line(n).text;
    if (!text.trim()) continue;
    looked++;
    if (reported.has(n) || SIGNING_WORD.test(text)) break;
    const introduced = introductions.filter((i) => i.person.line === n).length;
    if (!/有请|上台|他们是|分别是/.test(text) && introduced < 2) break;
    start = n;
  }
  return start;
}

/** What follows the name of a body a ceremony founds or unveils: "…联盟成立仪式", "…中心揭牌". */
const FOUNDED_HERE = /^(?:正式)?(?:成立|揭牌|启动|授牌)/;

/** Words of a ceremony on stage, beside a signing said in passing. */
const CEREMONY_WORDS = /仪式|有请|上台|签约台|环节|掌声|嘉宾/;
const SIGNING_WORD_ALL = new RegExp(SIGNING_WORD.source, 'g');
/** The clause around an offset: between commas and sentence ends (not the 、 of a list). */
function clauseAround(text: string, at: number): readonly [number, number] {
  let from = at;
  while (from > 0 && !/[，,。；;！!？?]/.test(text[from - 1]!)) from--;
  let to = at;
  while (to < text.length && !/[，,。；;！!？?]/.test(text[to]!)) to++;
  return [from, to];
}

/** What tells a stage ceremony from a reported agreement: the host's words around the signing, or a witness. */
const STAGE_WORDS = new RegExp(`${CEREMONY_WORDS.source}|见证`);
/** The signing verb of a reported agreement, and the words that may stand between the parties and it. */
const REPORTED_VERB = /(?:正式|共同|在此|现场|今天|日前|近日)?(?:签署|签订|签下|签约|签(?=了[^，。；！？]{0,12}(?:协议|备忘录|合同)))(?:了)?/;
/** Words that join the parties of one agreement ("A与B", "A携手B"). */
const PARTY_JOIN = /^(?:与|和|同|跟|及|、|携手|联合|以及)$/;
/** Agreements one by one between two lists of parties: "A、B分别与C、D签署". */
const RESPECTIVELY_JOIN = /^分别(?:与|和|同|跟)$/;
/** A name declared in brackets between two parties ("（以下简称“锡创数科”）"): no words of the sentence. */
const BRACKETED = /[（(][^（）()]*[）)]/g;

/**
 * Agreements reported in one sentence, as news and speeches tell them ("阿里云与中国一汽签署战略合作协议",
 * "商汤科技…并与上海临港集团签署合作备忘录"): the organisations joined before the verb are the parties, what
 * follows it is the subject. A stage ceremony is left to the clusters of its lines.
 */
function reportedSignings(ctx: DocumentContext, line: Line, introductions: Introduction[], speakers: SpeakerTimeline): Array<{ signing: Omit<SigningCandidate, 'id'>; pairs: Array<[string, string]> }> {
  const found: Array<{ signing: Omit<SigningCandidate, 'id'>; pairs: Array<[string, string]> }> = [];
  for (const [start, end] of sentenceSpans(line.text)) {
    const sentence = { start, end };
    const text = line.text.slice(sentence.start, sentence.end);
    if (!SIGNING_WORD.test(text) || STAGE_WORDS.test(text)) continue;
    const verb = REPORTED_VERB.exec(text);
    if (!verb) continue;
    const verbStart = sentence.start + verb.index;
    // a name declared for a party (以下简称…) is that party, not another
    const orgs = outermost(ctx.mentionsOnLine(line.number).filter((m) => m.type === 'Organization' && !m.aliasOf && m.start >= sentence.start && m.end <= verbStart))
      .sort((a, b) => a.start - b.start);
    // the parties are the last organisations before the verb, each joined to the next by 与/和/携手…
    const parties: ExtractedMention[] = [];
    // where "分别与" splits them into two sides: the number of parties on the right
    let rightSide = 0;
    for (let k = orgs.length - 1; k >= 0; k--) {
      const org = orgs[k]!;
      const next = parties[0];
      const between = line.text.slice(org.end, next ? next.start : verbStart).replace(BRACKETED, '');
      if (next && RESPECTIVELY_JOIN.test(between) && rightSide === 0) rightSide = parties.length;
      else if (next ? !PARTY_JOIN.test(between) : !/^[^，,]{0,12}$/.test(between)) break;
      if (!parties.some((p) => p.form === org.form)) parties.unshift(org);
    }
    // "商汤科技董事长徐立宣布…，并与上海临港集团签署…": the organisation the sentence is about signs with the one after 与
    const subjectOrg = orgs[0];
    if (parties.length === 1 && subjectOrg && subjectOrg !== parties[0] && subjectOrg.start - sentence.start <= 12 &&
      /(?:与|和|同|跟)$/.test(line.text.slice(subjectOrg.end, parties[0]!.start))) parties.unshift(subjectOrg);
    // "我们与中国电信签署了…": the speaker's organisation, when the transcript says who is speaking
    const speaker = parties.length === 1 && /我们(?:也|还|已经|已|将|今天|刚刚)?(?:与|和|同|跟)$/.test(line.text.slice(sentence.start, parties[0]!.start)) ? speakers.at(line.number) : undefined;
    if (speaker && speaker.form !== parties[0]!.form) parties.unshift(speaker);
    if (parties.length < 2) continue;
    const afterVerb = verbStart + verb[0].length;
    let subjectEnd = afterVerb;
    while (subjectEnd < sentence.end && !CLAUSE_BREAK.test(line.text[subjectEnd]!)) subjectEnd++;
    const subject = line.text.slice(afterVerb, subjectEnd).replace(/^(了|一份|一项|一系列)/, '');
    if (!subject) continue;
    const signatories = introductions
      .filter((intro) => intro.person.line === line.number && intro.person.start >= sentence.start && intro.person.end <= verbStart)
      .map((intro) => ({ person: intro.person.id, onBehalfOf: intro.org?.id ?? null }));
    const signing = {
      name: `${parties.slice(0, -1).map((p) => p.form).join('、')}与${parties.at(-1)!.form}${subject}`,
      subject,
      parties: parties.map((p) => p.id),
      signatories,
      lines: [line.number],
      evidence: [ctx.evidence(line, verbStart)],
    };
    // the first party with each other one; with two sides, each party of one with each of the other
    const left = rightSide > 0 ? parties.slice(0, parties.length - rightSide) : parties.slice(0, 1);
    const right = rightSide > 0 ? parties.slice(parties.length - rightSide) : parties.slice(1);
    found.push({ signing, pairs: left.flatMap((a) => right.map((b): [string, string] => [a.id, b.id])) });
  }
  return found;
}

function subjectOf(name: string, parties: ExtractedMention[]): string {
  let subject = name;
  for (const p of parties) subject = subject.split(p.form).join('');
  subject = subject
    .replace(/(签约仪式|签署仪式|签约环节|签约活动|签约)$/, '')
    .replace(/^(和|与|及|、|的)+/, '')
    .replace(/^(和|与|及|、|的)+/, '')
    .replace(/(的)$/, '');
  return subject || name;
}
