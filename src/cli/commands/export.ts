import path from 'node:path';
import type { Command } from 'commander';
import { relationshipTables } from '../../sinks/export/csv.js';
import { writeOutputs } from '../../sinks/export/write.js';
import { describeTarget } from '../../sinks/neo4j/settings.js';
import { EXIT } from '../errors.js';
import { readGraphFile } from './eval.js';
import { addNeo4jOptions, withSettings } from './neo4j-options.js';

interface ExportCsvOptions {
  out: string;
  graph: string;
  fromNeo4j?: boolean;
  uri?: string;
  user?: string;
  database?: string;
  quiet?: boolean;
}

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('write plain tables of the graph');
  addNeo4jOptions(exportCommand
    .command('csv')
    .description('write partnerships.csv, affiliations.csv, signings.csv, developers.csv and offerings.csv (RFC 4180, spreadsheet-safe), from graph.json or, with --from-neo4j, from the database'))
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-g, --graph <file>', 'graph.json written by forumkg build', 'out/graph.json')
    .option('--from-neo4j', 'read the tables from Neo4j through the saved queries (edits made in Neo4j show up)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (options: ExportCsvOptions) => {
      let source: string;
      let tables: Map<string, string>;
      if (options.fromNeo4j) {
        const { withNeo4j } = await import('../../sinks/neo4j/connect.js');
        const { relationshipTablesFromNeo4j } = await import('../../sinks/neo4j/export.js');
        [source, tables] = await withSettings(options, (settings) => withNeo4j(settings, async (driver) => [describeTarget(settings), await relationshipTablesFromNeo4j(driver, settings.database)] as const));
      } else {
        source = options.graph;
        tables = relationshipTables(readGraphFile(options.graph));
      }
      await writeOutputs(options.out, tables);
      if (!options.quiet) process.stdout.write(`forumkg: wrote ${[...tables.keys()].map((f) => path.join(options.out, f)).join(', ')} from ${source}\n`);
      process.exitCode = EXIT.ok;
    });
}
