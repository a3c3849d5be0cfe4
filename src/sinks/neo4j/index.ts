/** The Neo4j sink: connection settings, loading, saved queries, the CSV export from Neo4j, the local server. */
export * from './settings.js';
export * from './errors.js';
export { connect, withNeo4j } from './connect.js';
export * from './load.js';
export * from './queries.js';
export { formatResult, plainValue, cellText, type OutputFormat } from './format.js';
export { relationshipTablesFromNeo4j } from './export.js';
export { startLocalNeo4j, localNeo4jUnavailable, freePort, type LocalNeo4j } from './local-server.js';
