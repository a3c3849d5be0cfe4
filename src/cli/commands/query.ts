import { Option, type Command } from 'commander';
import type { OutputFormat } from '../../sinks/neo4j/format.js';
import { EXIT, UserError } from '../errors.js';
import { addNeo4jOptions, withSettings } from './neo4j-options.js';

interface QueryCommandOptions {
  param: Record<string, string>;
  format: OutputFormat;
  uri?: string;
  user?: string;
  database?: string;
}

function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new Error(`expected key=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** `forumkg queries` lists the saved queries in cypher/; `forumkg query <name>` runs one. */
export function registerQueries(program: Command): void {
  program
    .command('queries')
    .description('list the saved Cypher queries (cypher/*.cypher) with their parameters')
    .action(async () => {
      const { readSavedQueries } = await import('../../sinks/neo4j/queries.js');
      for (const q of readSavedQueries()) {
        process.stdout.write(`${q.name}${q.params.length ? `  (--param ${q.params.map((p) => `${p.name}=${p.example}`).join(' --param ')})` : ''}\n    ${q.answers}\n`);
      }
      process.exitCode = EXIT.ok;
    });

  addNeo4jOptions(program
    .command('query')
    .description('run a saved query against Neo4j (see forumkg queries)')
    .argument('<name>', 'the query name, as forumkg queries lists it'))
    .option('-p, --param <key=value>', 'a query parameter (repeat for more)', collectParam, {})
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (name: string, options: QueryCommandOptions) => {
      // the driver is loaded only by the commands that talk to Neo4j
      const { describeParams, findSavedQuery, queryParameters, readSavedQueries, runSavedQuery } = await import('../../sinks/neo4j/queries.js');
      const { formatResult } = await import('../../sinks/neo4j/format.js');
      const { withNeo4j } = await import('../../sinks/neo4j/connect.js');
      const query = findSavedQuery(name);
      if (!query) throw new UserError(`no saved query named "${name}"; forumkg queries lists them (${readSavedQueries().map((q) => q.name).join(', ')})`, EXIT.usage);
      let parameters: Record<string, unknown>;
      try {
        parameters = queryParameters(query, options.param);
      } catch (error) {
        throw new UserError(`${(error as Error).message}${query.params.length ? ` (example: forumkg query ${name} --param ${describeParams(query).replace(/ /g, ' --param ')})` : ''}`, EXIT.usage);
      }
      await withSettings(options, (settings) => withNeo4j(settings, async (driver) => {
        const result = await runSavedQuery(driver, query, parameters, settings.database);
        process.stdout.write(formatResult(result, options.format));
      }));
      process.exitCode = EXIT.ok;
    });
}
