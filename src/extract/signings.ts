import type { Line } from '../ingest/schema.js';
import type { DocumentContext } from './context.js';
import type { Introduction } from './introductions.js';
import type { EvidenceRef, ExtractedMention, RelationCandidate, SigningCandidate } from './schema.js';

const SIGNING_WORD = /签约|签署|签订|签下/;
const EVENT_NAME = /([^，,。；;！!？?：:\s]{2,60}?)(?:的)?(合作签约仪式|签约仪式|签署仪式|签约环节|签约活动|合作签约|战略合作协议|合作协议|合作备忘录|框架协议)/;
/** Words that precede an event name in the host's announcement and are not part of it. */
const NAME_LEAD = /^.*(进行的是|进行|进入到|进入|即将|举行|举办|开始|见证|下面是|接下来是|是)/;
const WITNESS = /见证嘉宾|见证领导|见证人|见证/;
const NEXT_ROUND = /第[二三四五六七八九十]轮|下一轮|再一轮/;
/** Lines within this distance of each other belong to the same ceremony. */
const CLUSTER_GAP = 8;

interface Cluster {
  lines: Line[];
}

function clusters(ctx: DocumentContext): Cluster[] {
  const out: Cluster[] = [];
  let current: Line[] = [];
  for (const line of ctx.contentLines()) {
    if (!SIGNING_WORD.test(line.text)) continue;
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

/** [start, end) ranges of a line that introduce witnesses rather than signing parties. */
function witnessRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = new RegExp(WITNESS.source, 'g');
  for (const m of text.matchAll(re)) {
    const rest = text.slice(m.index);
    const stop = rest.search(/签约(?!嘉宾)|签署/);
    ranges.push([m.index, stop < 0 ? text.length : m.index + stop]);
  }
  return ranges;
}

function inRanges(m: ExtractedMention, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => m.start >= a && m.end <= b);
}

/**
 * Signing ceremonies and reported agreements: lines with 签约/签署/签订 close together form one event;
 * its name and subject come from the announcement ("X签约仪式"), its parties are the organisations named
 * in those lines (witnesses excluded), its signatories the people introduced as signing guests.
 */
export function extractSignings(ctx: DocumentContext, introductions: Introduction[], organizer: ExtractedMention | undefined): { signings: SigningCandidate[]; relations: RelationCandidate[] } {
  const signings: SigningCandidate[] = [];
  const relations: RelationCandidate[] = [];
  for (const cluster of clusters(ctx)) {
    const lineNumbers = new Set(cluster.lines.map((l) => l.number));
    const first = cluster.lines[0]!.number;
    const last = cluster.lines[cluster.lines.length - 1]!.number;
    const spanned: Line[] = [];
    for (let n = first; n <= last; n++) if (ctx.line(n).text.trim()) spanned.push(ctx.line(n));

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
    // other lines of the ceremony name the parties directly ("来自A、B、C的嘉宾上台签约", "A和B的战略合作协议")
    for (const line of spanned) {
      if (signatoryLines.has(line.number)) continue;
      const ranges = witnessRanges(line.text);
      for (const m of ctx.mentionsOnLine(line.number)) {
        if (m.type !== 'Organization' || inRanges(m, ranges)) continue;
        if (!parties.has(m.form)) parties.set(m.form, m);
      }
    }
    // a parent named beside its own unit (中国移动 and 中国移动上海产业研究院) is not a second party
    const partyList = [...parties.values()].filter((p, _, all) => !all.some((o) => o !== p && o.form.length > p.form.length && o.form.startsWith(p.form)));
    if (partyList.length < 2) continue;

    const subject = subjectOf(name, partyList);
    const evidence: EvidenceRef[] = cluster.lines.slice(0, 4).map((l) => ctx.evidence(l, Math.max(0, l.text.search(SIGNING_WORD))));
    if (nameLine && !lineNumbers.has(nameLine.number)) evidence.unshift(ctx.evidence(nameLine, 0));
    const signing: SigningCandidate = {
      id: `s${signings.length}`,
      name: name || `${partyList.map((p) => p.form).join('、')}签约`,
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
