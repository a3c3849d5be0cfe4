import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES, type Graph, type GraphNode, type GraphRelationship, type RelationshipType } from '../../graph/schema.js';
import { normalizeName } from '../../util/text.js';
import { LABEL_STYLES, TYPE_STYLES } from './styles.js';

/** The data the offline page embeds: the graph, arranged for drawing, searching and filtering. */

const FactSchema = z.tuple([z.string(), z.string()]);

export const ViewNodeSchema = z.object({
  id: z.string(),
  label: z.enum(NODE_LABELS),
  name: z.string(),
  aliases: z.array(z.string()),
  /** Label-specific properties as display pairs (titles, kind, versions …). */
  facts: z.array(FactSchema),
  /** Where the entity was found; `quote` is the evidence quote of that line when a relationship cites it. */
  mentions: z.array(z.object({ source: z.string(), line: z.number(), text: z.string(), quote: z.string().optional() })),
  /** Ids of the forums it appears in. */
  forums: z.array(z.string()),
  /** Its name, aliases and mention texts, normalised as normalizeName does, for the search box. */
  keys: z.array(z.string()),
  /** Relationships other than MENTIONED_IN (sizes the node). */
  degree: z.number(),
});
export type ViewNode = z.infer<typeof ViewNodeSchema>;

export const ViewEdgeSchema = z.object({
  id: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  source: z.string(),
  target: z.string(),
  facts: z.array(FactSchema),
  evidence: z.array(z.object({ source: z.string(), line: z.number(), quote: z.string() })),
  forums: z.array(z.string()),
});
export type ViewEdge = z.infer<typeof ViewEdgeSchema>;

export const ViewModelSchema = z.object({
  labels: z.array(z.object({ label: z.enum(NODE_LABELS), title: z.string(), color: z.string(), shape: z.string() })),
  types: z.array(z.object({ type: z.enum(RELATIONSHIP_TYPES), color: z.string(), width: z.number(), directed: z.boolean(), shown: z.boolean() })),
  forums: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable(), file: z.string() })),
  nodes: z.array(ViewNodeSchema),
  edges: z.array(ViewEdgeSchema),
});
export type ViewModel = z.infer<typeof ViewModelSchema>;

function nodeFacts(node: GraphNode): Array<[string, string]> {
  switch (node.label) {
    case 'Organization': return [['kind', node.properties.kind]];
    case 'Person': return node.properties.titles.length ? [['titles', node.properties.titles.join('、')]] : [];
    case 'Model': return node.properties.versions.length ? [['versions', node.properties.versions.join(', ')]] : [];
    case 'Product': return [['category', node.properties.category]];
    case 'SigningEvent': return [['subject', node.properties.subject], ['date', node.properties.date ?? '']].filter(([, v]) => v) as Array<[string, string]>;
    case 'Forum': return [['title', node.properties.title], ['date', node.properties.date ?? ''], ['source', node.properties.source]].filter(([, v]) => v) as Array<[string, string]>;
  }
}

function edgeFacts(rel: GraphRelationship, forumTitle: (id: string) => string): Array<[string, string]> {
  return Object.entries(rel.properties).map(([key, value]): [string, string] => {
    if (key === 'forums' && Array.isArray(value)) return [key, value.map((id) => forumTitle(String(id))).join('; ')];
    return [key, Array.isArray(value) ? value.join(', ') : String(value)];
  });
}

export function viewModel(graph: Graph): ViewModel {
  const parts = viewModelParts(graph);
  return { ...parts, nodes: [...parts.nodes], edges: [...parts.edges] };
}

/** The view model with its nodes and edges made one at a time as they are read (once), so that a large graph's page need not hold them all. */
export type ViewModelParts = Omit<ViewModel, 'nodes' | 'edges'> & { nodes: Iterable<ViewNode>; edges: Iterable<ViewEdge> };

export function viewModelParts(graph: Graph): ViewModelParts {
  const forumByFile = new Map(graph.sources.map((s) => [s.file, s.id]));
  const forumTitles = new Map(graph.nodes.filter((n) => n.label === 'Forum').map((n) => [n.id, n.name]));
  const forumTitle = (id: string) => forumTitles.get(id) ?? id;
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const quotesAt = new Map<string, Set<string>>();
  for (const rel of graph.relationships) {
    for (const e of rel.evidence) {
      const at = `${e.source}:${e.line}`;
      if (!quotesAt.has(at)) quotesAt.set(at, new Set());
      quotesAt.get(at)!.add(e.quote);
    }
  }
  const degree = new Map<string, number>();
  const nodeForums = new Map<string, Set<string>>(graph.nodes.map((n) => [n.id, new Set(n.label === 'Forum' ? [n.id] : [])]));
  for (const rel of graph.relationships) {
    if (rel.type !== 'MENTIONED_IN') for (const end of [rel.start, rel.end]) degree.set(end, (degree.get(end) ?? 0) + 1);
    if (labelOf.get(rel.end) === 'Forum') nodeForums.get(rel.start)?.add(rel.end);
  }
  const viewNode = (node: GraphNode): ViewNode => {
    const forums = nodeForums.get(node.id)!;
    for (const m of node.mentions) {
      const forum = forumByFile.get(m.source);
      if (forum) forums.add(forum);
    }
    return {
      id: node.id,
      label: node.label,
      name: node.name,
      aliases: node.aliases,
      facts: nodeFacts(node),
      mentions: node.mentions.map((m) => {
        const quote = [...(quotesAt.get(`${m.source}:${m.line}`) ?? [])].find((q) => q.includes(m.text));
        return quote ? { ...m, quote } : { ...m };
      }),
      forums: [...forums],
      keys: [...new Set([node.name, ...node.aliases, ...node.mentions.map((m) => m.text)].map(normalizeName).filter(Boolean))],
      degree: degree.get(node.id) ?? 0,
    };
  };
  const viewEdge = (rel: GraphRelationship): ViewEdge => {
    const forums = new Set<string>();
    for (const e of rel.evidence) {
      const forum = forumByFile.get(e.source);
      if (forum) forums.add(forum);
    }
    if (Array.isArray(rel.properties.forums)) for (const id of rel.properties.forums) forums.add(String(id));
    if (labelOf.get(rel.end) === 'Forum') forums.add(rel.end);
    return { id: rel.id, type: rel.type, source: rel.start, target: rel.end, facts: edgeFacts(rel, forumTitle), evidence: rel.evidence, forums: [...forums] };
  };
  return {
    labels: NODE_LABELS.map((label) => ({ label, ...LABEL_STYLES[label] })),
    // in the order the details panel lists them: partners first
    types: (Object.keys(TYPE_STYLES) as RelationshipType[]).map((type) => ({ type, ...TYPE_STYLES[type] })),
    forums: graph.sources.map((s) => ({ id: s.id, title: s.title, date: s.date, file: s.file })),
    nodes: mapped(graph.nodes, viewNode),
    edges: mapped(graph.relationships, viewEdge),
  };
}

function* mapped<T, U>(items: T[], make: (item: T) => U): Generator<U> {
  for (const item of items) yield make(item);
}
