import { Option, type Command } from 'commander';
import { Neo4jSinkError, type Neo4jFailureKind } from '../../sinks/neo4j/errors.js';
import { neo4jSettings, type Neo4jSettings, type SettingsFlags } from '../../sinks/neo4j/settings.js';
import { EXIT, UserError } from '../errors.js';

/** --uri, --user, --database; the password only ever comes from NEO4J_PASSWORD (environment or .env). */
export function addNeo4jOptions(command: Command): Command {
  return command
    .addOption(new Option('--uri <uri>', 'Neo4j address (default: $NEO4J_URI, else bolt://127.0.0.1:7687)'))
    .addOption(new Option('--user <user>', 'Neo4j user (default: $NEO4J_USER, else neo4j)'))
    .addOption(new Option('--database <name>', 'Neo4j database (default: $NEO4J_DATABASE, else the server default)'));
}

const EXIT_FOR: Record<Neo4jFailureKind, number> = {
  settings: EXIT.usage,
  unreachable: EXIT.neo4j,
  auth: EXIT.neo4j,
  database: EXIT.neo4jDatabase,
  refused: EXIT.failed,
};

/** Runs a Neo4j action with the settings from flags and environment; failures become one-line user errors with their exit code. */
export async function withSettings<T>(flags: SettingsFlags, action: (settings: Neo4jSettings) => Promise<T>): Promise<T> {
  try {
    return await action(neo4jSettings({ uri: flags.uri, user: flags.user, database: flags.database }));
  } catch (error) {
    if (error instanceof Neo4jSinkError) throw new UserError(error.message, EXIT_FOR[error.kind]);
    throw error;
  }
}
