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

/** The rows of a CSV file, in pieces: the header, then one piece per row (see csvTable). */
function* csvPieces<T>(header: string[], items: Iterable<T>, row: (item: T) => string[]): Generator<string> {
  yield header.map(csvField).join(',') + '\r\n';
  for (const item of items) yield row(item).map(csvField).join(',') + '\r\n';
}

/** The neo4j-admin import file of one node label (nodes_<Label>.csv), in pieces. */
export function nodeImportFile(graph: Graph, label: NodeLabel): Iterable<string> {
  const columns = [...NODE_COLUMNS, ...LABEL_PROPERTIES[label]];
  const header = ['id:ID', ...columns.map((c) => typed(c, SAMPLE[c])), ':LABEL'];
  return csvPieces(header, graph.nodes.filter((n) => n.label === label), (n) => {
    const row = nodeRow(n);
    return [n.id, ...columns.map((c) => cellOf(row[c])), label];
  });
}

/** The neo4j-admin import file of one relationship type (rels_<TYPE>.csv), in pieces. */
export function relationshipImportFile(graph: Graph, type: RelationshipType): Iterable<string> {
  const columns = ['id', ...TYPE_PROPERTIES[type], 'evidence'];
  const header = [':START_ID', ':END_ID', ':TYPE', ...columns.map((c) => typed(c, SAMPLE[c]))];
  return csvPieces(header, graph.relationships.filter((r) => r.type === type), (r) => {
    const row = relationshipRow(r);
    return [r.start, r.end, type, ...columns.map((c) => cellOf(row[c]))];
  });
}

/** neo4j-admin import files: one per node label and one per relationship type, with typed headers. */
export function importFiles(graph: Graph): Map<string, string> {
  const files = new Map<string, string>();
  for (const label of NODE_LABELS) files.set(`nodes_${label}.csv`, [...nodeImportFile(graph, label)].join(''));
  for (const type of RELATIONSHIP_TYPES) files.set(`rels_${type}.csv`, [...relationshipImportFile(graph, type)].join(''));
  return files;
}

function nameOf(graph: Graph): (id: string) => string {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return (id) => names.get(id) ?? id;
}

function forumTitles(name: (id: string) => string, forumIds: PropertyValue | undefined): string {
  return (Array.isArray(forumIds) ? forumIds.map(String) : []).map(name).join('; ');
}

function evidenceCell(evidence: Array<{ source: string; line: number; quote: string }>): string {
  return evidence.map(evidenceString).join('\n');
}

export interface Table {
  header: string[];
  rows: string[][];
}

/** The plain relationship tables: file name, its columns, and the saved query (cypher/) that gives the same rows from Neo4j. */
export const RELATIONSHIP_TABLES = [
  { file: 'partnerships.csv', query: 'partnerships', header: ['organization_a', 'organization_b', 'basis', 'forums', 'evidence'] },
  { file: 'affiliations.csv', query: 'affiliations', header: ['person', 'organization', 'title', 'evidence'] },
  { file: 'signings.csv', query: 'signing-participants', header: ['event', 'participant', 'role', 'on_behalf_of', 'forum', 'evidence'] },
  { file: 'developers.csv', query: 'developers', header: ['organization', 'model', 'evidence'] },
  { file: 'offerings.csv', query: 'offerings', header: ['organization', 'product', 'evidence'] },
] as const;
export type RelationshipTableFile = (typeof RELATIONSHIP_TABLES)[number]['file'];

/** Rows of one plain relationship table from graph.json: names instead of ids, lists joined, evidence one per line. */
export function relationshipTableRowsOf(graph: Graph, file: RelationshipTableFile, name = nameOf(graph)): string[][] {
  const byType = (type: RelationshipType) => graph.relationships.filter((r) => r.type === type);
  switch (file) {
    case 'partnerships.csv': return byType('PARTNERS_WITH').map((r) => [name(r.start), name(r.end), String(r.properties.basis ?? ''), forumTitles(name, r.properties.forums), evidenceCell(r.evidence)]);
    case 'affiliations.csv': return byType('AFFILIATED_WITH').map((r) => [name(r.start), name(r.end), String(r.properties.title ?? ''), evidenceCell(r.evidence)]);
    case 'signings.csv': {
      const heldAt = new Map(byType('HELD_AT').map((r) => [r.start, name(r.end)]));
      return [
        ...byType('PARTY_TO').map((r) => [name(r.end), name(r.start), 'party', '', heldAt.get(r.end) ?? '', evidenceCell(r.evidence)]),
        ...byType('SIGNED').map((r) => [name(r.end), name(r.start), 'signatory', String(r.properties.onBehalfOf ?? ''), heldAt.get(r.end) ?? '', evidenceCell(r.evidence)]),
      ];
    }
    case 'developers.csv': return byType('DEVELOPS').map((r) => [name(r.start), name(r.end), evidenceCell(r.evidence)]);
    case 'offerings.csv': return byType('OFFERS').map((r) => [name(r.start), name(r.end), evidenceCell(r.evidence)]);
  }
}

/** Rows of the plain relationship tables from graph.json, by file. */
export function relationshipTableRows(graph: Graph): Map<RelationshipTableFile, string[][]> {
  const name = nameOf(graph);
  return new Map(RELATIONSHIP_TABLES.map((table) => [table.file, relationshipTableRowsOf(graph, table.file, name)]));
}

function compareRows(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The CSV text of one relationship table: rows sorted column by column (so the file and Neo4j exports agree), spreadsheet-safe. */
export function renderRelationshipTable(file: RelationshipTableFile, rows: string[][]): string {
  const table = RELATIONSHIP_TABLES.find((t) => t.file === file)!;
  return csvTable([...table.header], [...rows].sort(compareRows), { spreadsheetSafe: true });
}

/** The CSV text of the relationship tables (see renderRelationshipTable). */
export function renderRelationshipTables(rows: Map<RelationshipTableFile, string[][]>): Map<string, string> {
  return new Map(RELATIONSHIP_TABLES.map((table) => [table.file, renderRelationshipTable(table.file, rows.get(table.file) ?? [])]));
}

/** Plain relationship tables for people (spreadsheets, pandas): names instead of ids, evidence quoted. */
export function relationshipTables(graph: Graph): Map<string, string> {
  return renderRelationshipTables(relationshipTableRows(graph));
}

export function labelOf(graph: Graph): (id: string) => NodeLabel | undefined {
  const labels = new Map<string, GraphNode['label']>(graph.nodes.map((n) => [n.id, n.label]));
  return (id) => labels.get(id);
}

export { RELATIONSHIP_ENDS };
