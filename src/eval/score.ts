import type { Graph, GraphNode } from '../graph/schema.js';
import { ENTITY_LABELS, type EntityLabel } from '../graph/schema.js';
import { normalizeName } from '../util/text.js';
import type { Gold, GoldEntity } from './gold.js';

export const SCORED_RELATIONS = ['AFFILIATED_WITH', 'DEVELOPS', 'OFFERS', 'PARTNERS_WITH'] as const;
export type ScoredRelation = (typeof SCORED_RELATIONS)[number];

export interface Counts {
  /** predicted items that are right / all predicted */
  correct: number;
  predicted: number;
  /** gold items found / all gold */
  found: number;
  gold: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface TranscriptScore {
  source: string;
  entities: Record<EntityLabel, Counts>;
  entityTotal: Counts;
  core: { found: number; gold: number };
  duplicates: { duplicated: number; matched: number };
  canonical: { correct: number; matched: number };
  relations: Record<ScoredRelation, Counts>;
  signings: { gold: number; matched: number; partyFound: number; partyGold: number; details: Array<{ gold: string; node: string | null; jaccard: number; partiesFound: number; parties: number }> };
  missing: Array<{ type: string; name: string; salience: string }>;
  spurious: Array<{ label: string; name: string }>;
}

export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.found / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const zero = (): Counts => ({ correct: 0, predicted: 0, found: 0, gold: 0 });

function goldKeys(e: GoldEntity): Set<string> {
  return new Set([e.name, ...e.aliases, ...e.surface].map(normalizeName).filter(Boolean));
}

function nodeKeys(n: GraphNode): Set<string> {
  return new Set([n.name, ...n.aliases, ...n.mentions.map((m) => m.text)].map(normalizeName).filter(Boolean));
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Scores a graph against one transcript's gold annotation, by the rules of tests/gold/README.md. */
export function scoreTranscript(graph: Graph, gold: Gold): TranscriptScore {
  const nodes = graph.nodes.filter((n) => (ENTITY_LABELS as readonly string[]).includes(n.label) && n.mentions.some((m) => m.source === gold.source));
  const goldEntities = gold.entities.filter((e) => (ENTITY_LABELS as readonly string[]).includes(e.type));
  const goldKeySets = new Map(goldEntities.map((e) => [e.id, goldKeys(e)]));
  const nodeKeySets = new Map(nodes.map((n) => [n.id, nodeKeys(n)]));

  // node id → gold ids it matches (same type)
  const matchesOf = new Map<string, string[]>();
  const nodesOfGold = new Map<string, GraphNode[]>();
  for (const n of nodes) {
    const ids = goldEntities.filter((e) => e.type === n.label && intersects(nodeKeySets.get(n.id)!, goldKeySets.get(e.id)!)).map((e) => e.id);
    matchesOf.set(n.id, ids);
    for (const id of ids) nodesOfGold.set(id, [...(nodesOfGold.get(id) ?? []), n]);
  }

  const entities = Object.fromEntries(ENTITY_LABELS.map((l) => [l, zero()])) as Record<EntityLabel, Counts>;
  for (const n of nodes) {
    const c = entities[n.label as EntityLabel];
    c.predicted++;
    if (matchesOf.get(n.id)!.length) c.correct++;
  }
  const core = { found: 0, gold: 0 };
  const duplicates = { duplicated: 0, matched: 0 };
  const canonical = { correct: 0, matched: 0 };
  const missing: TranscriptScore['missing'] = [];
  for (const e of goldEntities) {
    const c = entities[e.type as EntityLabel];
    c.gold++;
    const matched = nodesOfGold.get(e.id) ?? [];
    if (e.salience === 'core') core.gold++;
    if (matched.length === 0) {
      missing.push({ type: e.type, name: e.name, salience: e.salience });
      continue;
    }
    c.found++;
    if (e.salience === 'core') core.found++;
    duplicates.matched++;
    if (matched.length > 1) duplicates.duplicated++;
    canonical.matched++;
    const right = new Set([e.name, ...e.aliases].map(normalizeName));
    if (matched.some((n) => right.has(normalizeName(n.name)))) canonical.correct++;
  }
  const entityTotal = zero();
  for (const c of Object.values(entities)) {
    entityTotal.correct += c.correct;
    entityTotal.predicted += c.predicted;
    entityTotal.found += c.found;
    entityTotal.gold += c.gold;
  }
  const spurious = nodes.filter((n) => matchesOf.get(n.id)!.length === 0).map((n) => ({ label: n.label, name: n.name }));

  // relations
  const relations = Object.fromEntries(SCORED_RELATIONS.map((t) => [t, zero()])) as Record<ScoredRelation, Counts>;
  const pairKey = (type: string, a: string, b: string) => (type === 'PARTNERS_WITH' && a > b ? `${type}|${b}|${a}` : `${type}|${a}|${b}`);
  const goldPairs = new Set<string>();
  for (const r of gold.relations) {
    if (!(SCORED_RELATIONS as readonly string[]).includes(r.type)) continue;
    const key = pairKey(r.type, r.from, r.to);
    if (goldPairs.has(key)) continue;
    goldPairs.add(key);
    relations[r.type as ScoredRelation].gold++;
  }
  const foundPairs = new Set<string>();
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const rel of graph.relationships) {
    if (!(SCORED_RELATIONS as readonly string[]).includes(rel.type)) continue;
    if (!rel.evidence.some((e) => e.source === gold.source)) continue;
    if (!nodeIds.has(rel.start) || !nodeIds.has(rel.end)) continue;
    const c = relations[rel.type as ScoredRelation];
    c.predicted++;
    let right = false;
    for (const a of matchesOf.get(rel.start) ?? []) {
      for (const b of matchesOf.get(rel.end) ?? []) {
        const key = pairKey(rel.type, a, b);
        if (goldPairs.has(key)) {
          right = true;
          foundPairs.add(key);
        }
      }
    }
    if (right) c.correct++;
  }
  for (const key of foundPairs) relations[key.split('|')[0] as ScoredRelation].found++;

  // signing events
  const signingNodes = graph.nodes.filter((n) => n.label === 'SigningEvent' && n.mentions.some((m) => m.source === gold.source));
  const partiesOf = new Map<string, Set<string>>();
  for (const s of signingNodes) {
    const parties = new Set<string>();
    for (const rel of graph.relationships) if (rel.type === 'PARTY_TO' && rel.end === s.id) for (const g of matchesOf.get(rel.start) ?? []) parties.add(g);
    partiesOf.set(s.id, parties);
  }
  const signings: TranscriptScore['signings'] = { gold: 0, matched: 0, partyFound: 0, partyGold: 0, details: [] };
  for (const g of gold.signings) {
    signings.gold++;
    signings.partyGold += g.parties.length;
    let best: { id: string; jaccard: number; found: number } | undefined;
    for (const [id, parties] of partiesOf) {
      const inter = g.parties.filter((p) => parties.has(p)).length;
      const jaccard = inter / (g.parties.length + parties.size - inter || 1);
      if (inter > 0 && (!best || jaccard > best.jaccard)) best = { id, jaccard, found: inter };
    }
    if (best) {
      signings.matched++;
      signings.partyFound += best.found;
    }
    signings.details.push({ gold: g.name, node: best?.id ?? null, jaccard: best?.jaccard ?? 0, partiesFound: best?.found ?? 0, parties: g.parties.length });
  }

  return { source: gold.source, entities, entityTotal, core, duplicates, canonical, relations, signings, missing, spurious };
}

export interface EvalReport {
  transcripts: TranscriptScore[];
  total: Omit<TranscriptScore, 'source' | 'missing' | 'spurious' | 'signings'> & { signings: Omit<TranscriptScore['signings'], 'details'> };
}

function addCounts(into: Counts, c: Counts): void {
  into.correct += c.correct;
  into.predicted += c.predicted;
  into.found += c.found;
  into.gold += c.gold;
}

export function scoreGraph(graph: Graph, golds: Gold[]): EvalReport {
  const transcripts = golds.map((g) => scoreTranscript(graph, g));
  const total: EvalReport['total'] = {
    entities: Object.fromEntries(ENTITY_LABELS.map((l) => [l, zero()])) as Record<EntityLabel, Counts>,
    entityTotal: zero(),
    core: { found: 0, gold: 0 },
    duplicates: { duplicated: 0, matched: 0 },
    canonical: { correct: 0, matched: 0 },
    relations: Object.fromEntries(SCORED_RELATIONS.map((t) => [t, zero()])) as Record<ScoredRelation, Counts>,
    signings: { gold: 0, matched: 0, partyFound: 0, partyGold: 0 },
  };
  for (const t of transcripts) {
    for (const l of ENTITY_LABELS) addCounts(total.entities[l], t.entities[l]);
    addCounts(total.entityTotal, t.entityTotal);
    for (const r of SCORED_RELATIONS) addCounts(total.relations[r], t.relations[r]);
    total.core.found += t.core.found;
    total.core.gold += t.core.gold;
    total.duplicates.duplicated += t.duplicates.duplicated;
    total.duplicates.matched += t.duplicates.matched;
    total.canonical.correct += t.canonical.correct;
    total.canonical.matched += t.canonical.matched;
    total.signings.gold += t.signings.gold;
    total.signings.matched += t.signings.matched;
    total.signings.partyFound += t.signings.partyFound;
    total.signings.partyGold += t.signings.partyGold;
  }
  return { transcripts, total };
}
