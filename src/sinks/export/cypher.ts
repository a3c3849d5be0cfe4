import type { Graph } from '../../graph/schema.js';
import type { PropertyValue, Row } from '../../graph/rows.js';
import { eachLoadBatch, schemaStatements } from '../../graph/statements.js';

export { nodeMergeStatement, relationshipMergeStatement, schemaStatements, nodeStatementRow, relationshipStatementRow } from '../../graph/statements.js';

/** rows per statement: a statement of literal rows is planned anew each time, and about 100 rows plans fastest */
const BATCH = 100;

/** A Cypher string literal: backslash, quotes and control characters escaped. */
export function cypherString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

export function cypherValue(value: PropertyValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${(value as Array<string | number>).map((v) => (typeof v === 'number' ? String(v) : cypherString(v))).join(', ')}]`;
  if (typeof value === 'string') return cypherString(value);
  return String(value);
}

function literalRows(rows: Row[]): string {
  return `[\n  ${rows.map((r) => `{${Object.entries(r).map(([k, v]) => `${k}: ${cypherValue(v)}`).join(', ')}}`).join(',\n  ')}\n]`;
}

/**
 * load.cypher: constraints and index, then nodes, then relationships: the same batches and MERGE statements
 * as the driver loader (src/graph/statements.ts), with the rows written as literals. Idempotent.
 */
export function loadScript(graph: Graph, batchSize = BATCH): string {
  return [...loadScriptPieces(graph, batchSize)].join('');
}

/** load.cypher in pieces, one statement at a time (see loadScript). */
export function* loadScriptPieces(graph: Graph, batchSize = BATCH): Generator<string> {
  yield [
    '// forumkg load script: run with `cypher-shell -f load.cypher` or paste into Neo4j Browser.',
    '// Idempotent: constraints first, then MERGE on id; aliases, mentions and evidence are merged, not overwritten.',
    '',
    ...schemaStatements().map((s) => `${s};`),
    '',
  ].join('\n');
  for (const batch of eachLoadBatch(graph, batchSize)) yield `\nUNWIND ${literalRows(batch.rows)} AS row\n${batch.merge};\n`;
}
