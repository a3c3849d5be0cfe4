import type { Graph } from '../../graph/schema.js';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../graph/schema.js';
import { graphHtmlPieces } from '../html/index.js';
import { nodeImportFile, RELATIONSHIP_TABLES, relationshipImportFile, relationshipTableRowsOf, renderRelationshipTable } from './csv.js';
import { loadScriptPieces } from './cypher.js';
import { jsonChunks } from './json.js';
import { mergesJson, reportMarkdown, type ReportInput } from './report.js';
import type { Content } from './write.js';

export * from './csv.js';
export * from './cypher.js';
export * from './report.js';
export { jsonChunks } from './json.js';
export { writeOutputs, contentText, OutputError, MANIFEST, type Content } from './write.js';

export function graphJson(graph: Graph): string {
  return JSON.stringify(graph, null, 1) + '\n';
}

/** graph.json in pieces, node by node and relationship by relationship: the same text as graphJson. */
export function* graphJsonPieces(graph: Graph): Generator<string> {
  yield* jsonChunks(graph, 1, 2);
  yield '\n';
}

/**
 * Every file a build writes under --out, by relative path. Each is made only when writeOutputs writes it,
 * and the large ones in pieces, so that at most one output is in memory at a time (contentText gives the
 * whole text of one).
 */
export function buildArtifacts(input: ReportInput): Map<string, Content> {
  const { graph } = input;
  const files = new Map<string, Content>();
  files.set('graph.json', () => graphJsonPieces(graph));
  for (const label of NODE_LABELS) files.set(`csv/nodes_${label}.csv`, () => nodeImportFile(graph, label));
  for (const type of RELATIONSHIP_TYPES) files.set(`csv/rels_${type}.csv`, () => relationshipImportFile(graph, type));
  for (const table of RELATIONSHIP_TABLES) files.set(`csv/${table.file}`, () => renderRelationshipTable(table.file, relationshipTableRowsOf(graph, table.file)));
  files.set('load.cypher', () => loadScriptPieces(graph));
  files.set('report.md', () => reportMarkdown(input));
  files.set('merges.json', () => mergesJson(input.resolution));
  files.set('graph.html', () => graphHtmlPieces(graph));
  return files;
}
