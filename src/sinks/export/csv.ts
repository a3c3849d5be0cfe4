import type { Graph, GraphNode, NodeLabel, RelationshipType } from '../../graph/schema.js';
import { NODE_LABELS, RELATIONSHIP_ENDS, RELATIONSHIP_TYPES } from '../../graph/schema.js';
import { evidenceString, LABEL_PROPERTIES, nodeRow, relationshipRow, TYPE_PROPERTIES, type PropertyValue } from '../../graph/rows.js';

/** neo4j-admin's default array delimiter. */
export const ARRAY_DELIMITER = ';';

/** One RFC 4180 field: quoted when it holds a comma, quote, or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell for a spreadsheet: values starting with = + - @ (or a tab/CR) are prefixed with ' so they are not run as formulas. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvTable(header: string[], rows: string[][], options: { spreadsheetSafe?: boolean } = {}): string {
  const cell = (v: string) => csvField(options.spreadsheetSafe ? safeCell(v) : v);
  return [header.map(csvField).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

function typed(key: string, sample: PropertyValue | undefined): string {
  if (Array.isArray(sample)) return typeof sample[0] === 'number' ? `${key}:int[]` : `${key}:string[]`;
  if (typeof sample === 'number') return `${key}:int`;
  if (typeof sample === 'boolean') return `${key}:boolean`;
  return key;
}

function cellOf(value: PropertyValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(ARRAY_DELIMITER);
  return String(value);
}

const NODE_COLUMNS = ['name', 'aliases', 'mentions', 'mentionCount'];
const SAMPLE: Record<string, PropertyValue> = { aliases: [], mentions: [], mentionCount: 0, titles: [], versions: [], forums: [], lines: [0], count: 0, evidence: [] };

/** neo4j-admin import files: one per node label and one per relationship type, with typed headers. */
export function importFiles(graph: Graph): Map<string, string> {
  const files = new Map<string, string>();
  for (const label of NODE_LABELS) {
    const nodes = graph.nodes.filter((n) => n.label === label);
    const columns = [...NODE_COLUMNS, ...LABEL_PROPERTIES[label]];
    const header = ['id:ID', ...columns.map((c) => typed(c, SAMPLE[c])), ':LABEL'];
    const rows = nodes.map((n) => {
      const row = nodeRow(n);
      return [n.id, ...columns.map((c) => cellOf(row[c])), label];
    });
    files.set(`nodes_${label}.csv`, csvTable(header, rows));
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rels = graph.relationships.filter((r) => r.type === type);
    const columns = ['id', ...TYPE_PROPERTIES[type], 'evidence'];
    const header = [':START_ID', ':END_ID', ':TYPE', ...columns.map((c) => typed(c, SAMPLE[c]))];
    const rows = rels.map((r) => {
      const row = relationshipRow(r);
      return [r.start, r.end, type, ...columns.map((c) => cellOf(row[c]))];
    });
    files.set(`rels_${type}.csv`, csvTable(header, rows));
  }
  return files;
}

function nameOf(graph: Graph): (id: string) => string {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return (id) => names.get(id) ?? id;
}

function forumTitles(graph: Graph, forumIds: PropertyValue | undefined): string {
  const name = nameOf(graph);
  return (Array.isArray(forumIds) ? forumIds.map(String) : []).map(name).join('; ');
}

function evidenceCell(evidence: Array<{ source: string; line: number; quote: string }>): string {
  return evidence.map(evidenceString).join('\n');
}

/** Plain relationship tables for people (spreadsheets, pandas): names instead of ids, evidence quoted. */
export function relationshipTables(graph: Graph): Map<string, string> {
  const name = nameOf(graph);
  const byType = (type: RelationshipType) => graph.relationships.filter((r) => r.type === type);
  const tables = new Map<string, string>();
  const safe = { spreadsheetSafe: true };
  tables.set('partnerships.csv', csvTable(
    ['organization_a', 'organization_b', 'basis', 'forums', 'evidence'],
    byType('PARTNERS_WITH').map((r) => [name(r.start), name(r.end), String(r.properties.basis ?? ''), forumTitles(graph, r.properties.forums), evidenceCell(r.evidence)]),
    safe,
  ));
  tables.set('affiliations.csv', csvTable(
    ['person', 'organization', 'title', 'evidence'],
    byType('AFFILIATED_WITH').map((r) => [name(r.start), name(r.end), String(r.properties.title ?? ''), evidenceCell(r.evidence)]),
    safe,
  ));
  const heldAt = new Map(byType('HELD_AT').map((r) => [r.start, name(r.end)]));
  tables.set('signings.csv', csvTable(
    ['event', 'participant', 'role', 'on_behalf_of', 'forum', 'evidence'],
    [
      ...byType('PARTY_TO').map((r) => [name(r.end), name(r.start), 'party', '', heldAt.get(r.end) ?? '', evidenceCell(r.evidence)]),
      ...byType('SIGNED').map((r) => [name(r.end), name(r.start), 'signatory', String(r.properties.onBehalfOf ?? ''), heldAt.get(r.end) ?? '', evidenceCell(r.evidence)]),
    ].sort((a, b) => a[0]!.localeCompare(b[0]!) || a[2]!.localeCompare(b[2]!)),
    safe,
  ));
  tables.set('developers.csv', csvTable(
    ['organization', 'model', 'evidence'],
    byType('DEVELOPS').map((r) => [name(r.start), name(r.end), evidenceCell(r.evidence)]),
    safe,
  ));
  tables.set('offerings.csv', csvTable(
    ['organization', 'product', 'evidence'],
    byType('OFFERS').map((r) => [name(r.start), name(r.end), evidenceCell(r.evidence)]),
    safe,
  ));
  return tables;
}

export function labelOf(graph: Graph): (id: string) => NodeLabel | undefined {
  const labels = new Map<string, GraphNode['label']>(graph.nodes.map((n) => [n.id, n.label]));
  return (id) => labels.get(id);
}

export { RELATIONSHIP_ENDS };
