import { createHash } from 'node:crypto';
import type { EvidenceRef, Extraction, ExtractedMention } from '../extract/schema.js';
import { globalMentionId, splitGlobalMentionId, type Entity, type Resolution } from '../resolve/schema.js';
import type { Evidence, Graph, GraphNode, GraphRelationship, Mention, RelationshipType, Source } from './schema.js';

/** At most this many pieces of evidence are kept on one relationship (the first ones, in reading order). */
const MAX_EVIDENCE = 12;
const MAX_LINES = 200;

export function forumId(forum: { title: string; date: string | null }): string {
  return forum.date ? `forum:${forum.date} ${forum.title}` : `forum:${forum.title}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** The mention a global id (`file#m12`) names; without a key made for each of a large build's mentions. */
function mentionFinder(extractions: Extraction[]): (gid: string) => ExtractedMention | undefined {
  const bySource = new Map<string, Map<string, ExtractedMention>>();
  for (const x of extractions) bySource.set(x.source, new Map(x.mentions.map((m) => [m.id, m])));
  return (gid) => {
    const { source, mentionId } = splitGlobalMentionId(gid);
    return bySource.get(source)?.get(mentionId);
  };
}

const PARTNER_BASIS_RANK = { signing: 3, 'joint-launch': 2, stated: 1 } as const;

/**
 * The graph: one node per resolved entity, forum and signing event, with stable ids derived from
 * label and name, and relationships merged by (type, start, end) with their evidence.
 */
export function buildGraph(extractions: Extraction[], resolution: Resolution): Graph {
  const nodes = new Map<string, GraphNode>();
  const rels = new Map<string, GraphRelationship>();
  const sources: Source[] = [];
  const entityById = new Map(resolution.entities.map((e) => [e.id, e]));
  const mentionById = mentionFinder(extractions);

  const addRel = (type: RelationshipType, start: string, end: string, evidence: EvidenceRef[], properties: GraphRelationship['properties'] = {}) => {
    if (start === end) return undefined;
    if (type === 'PARTNERS_WITH' && start > end) [start, end] = [end, start];
    const id = `${type}:${start}->${end}`;
    let rel = rels.get(id);
    if (!rel) {
      rel = { id, type, start, end, properties: {}, evidence: [] };
      rels.set(id, rel);
    }
    for (const e of evidence) {
      if (rel.evidence.length >= MAX_EVIDENCE) break;
      if (!rel.evidence.some((x) => x.source === e.source && x.line === e.line)) rel.evidence.push(e as Evidence);
    }
    mergeProperties(rel, properties);
    return rel;
  };

  // forums
  for (const x of extractions) {
    const id = forumId(x.forum);
    sources.push({ id, file: x.source, title: x.forum.title, date: x.forum.date, sha256: x.sha256 });
    if (!nodes.has(id)) {
      nodes.set(id, {
        id, label: 'Forum', name: x.forum.title, aliases: [],
        properties: { title: x.forum.title, date: x.forum.date, source: x.source },
        mentions: [{ source: x.source, line: 1, text: x.forum.title }],
      });
    } else {
      nodes.get(id)!.mentions.push({ source: x.source, line: 1, text: x.forum.title });
    }
  }

  // entities
  for (const entity of resolution.entities) {
    const mentions: Mention[] = [];
    const seen = new Set<string>();
    for (const gid of entity.mentions) {
      const m = mentionById(gid);
      if (!m) continue;
      const key = `${m.source}|${m.line}|${m.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push({ source: m.source, line: m.line, text: m.text });
    }
    mentions.sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line);
    nodes.set(entity.id, entityNode(entity, mentions));
  }

  const entityOf = (source: string, mentionId: string): string | undefined => resolution.mentionEntity[globalMentionId(source, mentionId)];

  for (const x of extractions) {
    const forum = forumId(x.forum);
    // MENTIONED_IN
    const perEntity = new Map<string, { count: number; lines: Set<number>; first: ExtractedMention }>();
    for (const m of x.mentions) {
      const id = entityOf(x.source, m.id);
      if (!id) continue;
      const stat = perEntity.get(id) ?? { count: 0, lines: new Set<number>(), first: m };
      stat.count++;
      stat.lines.add(m.line);
      perEntity.set(id, stat);
    }
    for (const [id, stat] of perEntity) {
      const lines = [...stat.lines].sort((a, b) => a - b).slice(0, MAX_LINES);
      const rel = addRel('MENTIONED_IN', id, forum, [{ source: x.source, line: stat.first.line, quote: stat.first.text }]);
      if (rel) {
        rel.properties.count = ((rel.properties.count as number | undefined) ?? 0) + stat.count;
        rel.properties.lines = lines;
      }
    }
    // relation candidates
    for (const r of x.relations) {
      const from = entityOf(x.source, r.from);
      if (!from) continue;
      switch (r.type) {
        case 'SPOKE_AT': addRel('SPOKE_AT', from, forum, [r.evidence], { role: r.role }); break;
        case 'ORGANIZED': addRel('ORGANIZED', from, forum, [r.evidence]); break;
        default: {
          const to = entityOf(x.source, r.to);
          if (!to) break;
          if (!fits(r.type, entityById.get(from), entityById.get(to))) break;
          if (r.type === 'AFFILIATED_WITH') addRel(r.type, from, to, [r.evidence], r.title ? { title: r.title } : {});
          else if (r.type === 'PARTNERS_WITH') addRel(r.type, from, to, [r.evidence], { basis: r.basis, forums: [forum] });
          else addRel(r.type, from, to, [r.evidence]);
        }
      }
    }
    // signing events
    for (const s of x.signings) {
      const parties = [...new Set(s.parties.map((p) => entityOf(x.source, p)).filter((p): p is string => Boolean(p)))].sort();
      if (parties.length < 2) continue;
      const id = `sign:${x.forum.date ?? 'undated'}:${shortHash(parties.join('|'))}`;
      const mentions: Mention[] = s.evidence.map((e) => ({ source: e.source, line: e.line, text: e.quote.includes(s.name) ? s.name : e.quote }));
      if (!nodes.has(id)) {
        nodes.set(id, { id, label: 'SigningEvent', name: s.name, aliases: [], properties: { subject: s.subject, date: x.forum.date }, mentions });
      }
      addRel('HELD_AT', id, forum, s.evidence.slice(0, 1));
      for (const party of parties) addRel('PARTY_TO', party, id, s.evidence.slice(0, 2));
      for (const signatory of s.signatories) {
        const person = entityOf(x.source, signatory.person);
        if (!person) continue;
        const onBehalf = signatory.onBehalfOf ? entityOf(x.source, signatory.onBehalfOf) : undefined;
        const onBehalfName = onBehalf ? entityById.get(onBehalf)?.name : undefined;
        addRel('SIGNED', person, id, s.evidence.slice(0, 2), onBehalfName ? { onBehalfOf: onBehalfName } : {});
      }
    }
  }

  const sortedNodes = [...nodes.values()].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const sortedRels = [...rels.values()].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  return { version: 1, sources, nodes: sortedNodes, relationships: sortedRels };
}

function fits(type: RelationshipType, from: Entity | undefined, to: Entity | undefined): boolean {
  if (!from || !to) return false;
  switch (type) {
    case 'AFFILIATED_WITH': return from.type === 'Person' && to.type === 'Organization';
    case 'DEVELOPS': return from.type === 'Organization' && to.type === 'Model';
    case 'OFFERS': return from.type === 'Organization' && to.type === 'Product';
    // a unit and its parent (中国电信 / 中国电信人工智能研究院, 华西医院商汤科技联合实验室 / 商汤科技) are not partners
    case 'PARTNERS_WITH': return from.type === 'Organization' && to.type === 'Organization' && !from.name.includes(to.name) && !to.name.includes(from.name);
    default: return true;
  }
}

function mergeProperties(rel: GraphRelationship, properties: GraphRelationship['properties']): void {
  for (const [key, value] of Object.entries(properties)) {
    const current = rel.properties[key];
    if (current === undefined) {
      rel.properties[key] = value;
    } else if (key === 'basis' && typeof value === 'string' && typeof current === 'string') {
      const rank = (b: string) => PARTNER_BASIS_RANK[b as keyof typeof PARTNER_BASIS_RANK] ?? 0;
      if (rank(value) > rank(current)) rel.properties[key] = value;
    } else if (Array.isArray(current) && Array.isArray(value)) {
      rel.properties[key] = [...new Set([...(current as string[]), ...(value as string[])])];
    } else if (key === 'title' && typeof current === 'string' && typeof value === 'string' && !current.split('、').includes(value)) {
      rel.properties[key] = `${current}、${value}`;
    } else if (key === 'role' && typeof current === 'string' && typeof value === 'string' && !current.split(',').includes(value)) {
      rel.properties[key] = `${current},${value}`;
    }
  }
}

function entityNode(entity: Entity, mentions: Mention[]): GraphNode {
  const base = { id: entity.id, name: entity.name, aliases: entity.aliases, mentions };
  switch (entity.type) {
    case 'Organization': return { ...base, label: 'Organization', properties: { kind: entity.kind ?? 'company' } };
    case 'Person': return { ...base, label: 'Person', properties: { titles: entity.titles ?? [] } };
    case 'Model': return { ...base, label: 'Model', properties: { versions: entity.versions ?? [] } };
    case 'Product': return { ...base, label: 'Product', properties: { category: entity.category ?? 'other' } };
  }
}
