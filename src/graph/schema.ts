import { z } from 'zod';
import { OrgKindSchema, PRODUCT_CATEGORIES } from '../lexicon/schema.js';

/** graph.json: the contract between the pipeline, its sinks, the evaluation and other tools (DESIGN.md). */

export const ENTITY_LABELS = ['Organization', 'Person', 'Model', 'Product'] as const;
export const NODE_LABELS = [...ENTITY_LABELS, 'SigningEvent', 'Forum'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'AFFILIATED_WITH', 'DEVELOPS', 'OFFERS', 'PARTY_TO', 'SIGNED', 'HELD_AT',
  'PARTNERS_WITH', 'SPOKE_AT', 'ORGANIZED', 'MENTIONED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Which labels each relationship type connects (start → end). */
export const RELATIONSHIP_ENDS: Record<RelationshipType, { start: readonly NodeLabel[]; end: readonly NodeLabel[] }> = {
  AFFILIATED_WITH: { start: ['Person'], end: ['Organization'] },
  DEVELOPS: { start: ['Organization'], end: ['Model'] },
  OFFERS: { start: ['Organization'], end: ['Product'] },
  PARTY_TO: { start: ['Organization'], end: ['SigningEvent'] },
  SIGNED: { start: ['Person'], end: ['SigningEvent'] },
  HELD_AT: { start: ['SigningEvent'], end: ['Forum'] },
  PARTNERS_WITH: { start: ['Organization'], end: ['Organization'] },
  SPOKE_AT: { start: ['Person'], end: ['Forum'] },
  ORGANIZED: { start: ['Organization'], end: ['Forum'] },
  MENTIONED_IN: { start: ['Organization', 'Person', 'Model', 'Product'], end: ['Forum'] },
};

export const MentionSchema = z.object({
  source: z.string().min(1),
  line: z.number().int().positive(),
  text: z.string().min(1),
});
export type Mention = z.infer<typeof MentionSchema>;

export const EvidenceSchema = z.object({
  source: z.string().min(1),
  line: z.number().int().positive(),
  quote: z.string().min(1),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const nodeBase = {
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  mentions: z.array(MentionSchema),
};

export const OrganizationNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('Organization'),
  properties: z.object({ kind: OrgKindSchema }),
});
export const PersonNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('Person'),
  properties: z.object({ titles: z.array(z.string()) }),
});
export const ModelNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('Model'),
  properties: z.object({ versions: z.array(z.string()) }),
});
export const ProductNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('Product'),
  properties: z.object({ category: z.enum(PRODUCT_CATEGORIES) }),
});
export const SigningEventNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('SigningEvent'),
  properties: z.object({ subject: z.string(), date: isoDate.nullable() }),
});
export const ForumNodeSchema = z.object({
  ...nodeBase,
  label: z.literal('Forum'),
  properties: z.object({ title: z.string().min(1), date: isoDate.nullable(), source: z.string().min(1) }),
});

export const NodeSchema = z.discriminatedUnion('label', [
  OrganizationNodeSchema, PersonNodeSchema, ModelNodeSchema, ProductNodeSchema, SigningEventNodeSchema, ForumNodeSchema,
]);
export type GraphNode = z.infer<typeof NodeSchema>;

export const RelationshipSchema = z.object({
  id: z.string().min(1),
  type: z.enum(RELATIONSHIP_TYPES),
  start: z.string().min(1),
  end: z.string().min(1),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())])),
  evidence: z.array(EvidenceSchema).min(1),
});
export type GraphRelationship = z.infer<typeof RelationshipSchema>;

export const SourceSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string().min(1),
  date: isoDate.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Source = z.infer<typeof SourceSchema>;

const GraphShapeSchema = z.object({
  version: z.literal(1),
  sources: z.array(SourceSchema),
  nodes: z.array(NodeSchema),
  relationships: z.array(RelationshipSchema),
});
export const GraphSchema = GraphShapeSchema.superRefine((graph, ctx) => {
  for (const { path, message } of integrityIssues(graph)) ctx.addIssue({ code: 'custom', input: graph, path, message });
});
export type Graph = z.infer<typeof GraphSchema>;

/** What the schema of each item cannot see: ids unique, and every relationship between nodes of the labels its type allows. */
function integrityIssues(graph: { nodes: Array<{ id: string; label: NodeLabel }>; relationships: Array<{ id: string; type: RelationshipType; start: string; end: string }> }): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const labels = new Map<string, NodeLabel>();
  graph.nodes.forEach((node, i) => {
    if (labels.has(node.id)) issues.push({ path: ['nodes', i, 'id'], message: `duplicate node id ${node.id}` });
    labels.set(node.id, node.label);
  });
  const relIds = new Set<string>();
  graph.relationships.forEach((rel, i) => {
    if (relIds.has(rel.id)) issues.push({ path: ['relationships', i, 'id'], message: `duplicate relationship id ${rel.id}` });
    relIds.add(rel.id);
    const ends = RELATIONSHIP_ENDS[rel.type];
    const start = labels.get(rel.start);
    const end = labels.get(rel.end);
    if (!start || !ends.start.includes(start)) issues.push({ path: ['relationships', i, 'start'], message: `${rel.type} cannot start at ${rel.start} (${start ?? 'missing node'})` });
    if (!end || !ends.end.includes(end)) issues.push({ path: ['relationships', i, 'end'], message: `${rel.type} cannot end at ${rel.end} (${end ?? 'missing node'})` });
  });
  return issues;
}

/**
 * The checks of GraphSchema.parse on a graph held in memory, item by item: parse copies what it checks,
 * and a copy of one node at a time is garbage at once, where a copy of a large graph doubles its memory.
 */
export function assertValidGraph(graph: Graph): void {
  const issues: z.ZodIssue[] = [];
  const check = (schema: z.ZodTypeAny, value: unknown, at: Array<string | number>) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
  };
  check(GraphShapeSchema.omit({ nodes: true, relationships: true }), graph, []);
  graph.nodes.forEach((node, i) => check(NodeSchema, node, ['nodes', i]));
  graph.relationships.forEach((rel, i) => check(RelationshipSchema, rel, ['relationships', i]));
  if (issues.length === 0) issues.push(...integrityIssues(graph).map(({ path, message }): z.ZodIssue => ({ code: 'custom', input: undefined, path, message })));
  if (issues.length) throw new z.ZodError(issues);
}

