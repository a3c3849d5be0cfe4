import type { Driver } from 'neo4j-driver';
import { RELATIONSHIP_TABLES, renderRelationshipTables, type RelationshipTableFile } from '../export/csv.js';
import { cellText } from './format.js';
import { findSavedQuery, runSavedQuery, CYPHER_DIR } from './queries.js';

/**
 * The plain relationship tables (partnerships.csv …) from the database, through the saved queries in cypher/,
 * so that edits made in Neo4j show up; rendered exactly as the export from graph.json.
 */
export async function relationshipTablesFromNeo4j(driver: Driver, database?: string, cypherDir = CYPHER_DIR): Promise<Map<string, string>> {
  const rows = new Map<RelationshipTableFile, string[][]>();
  for (const table of RELATIONSHIP_TABLES) {
    const query = findSavedQuery(table.query, cypherDir);
    if (!query) throw new Error(`the saved query ${table.query} (for ${table.file}) is missing from ${cypherDir}`);
    const result = await runSavedQuery(driver, query, {}, database);
    const expected = table.header.join(', ');
    if (result.rows.length && result.columns.join(', ') !== expected) {
      throw new Error(`${query.file} returns columns ${result.columns.join(', ')}; ${table.file} needs ${expected}`);
    }
    rows.set(table.file, result.rows.map((r) => table.header.map((c) => cellText(r[c]))));
  }
  return renderRelationshipTables(rows);
}
