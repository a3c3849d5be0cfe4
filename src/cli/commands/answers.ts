import { Option, type Command } from 'commander';
import type { GraphNode, NodeLabel } from '../../graph/schema.js';
import {
  GraphIndex, lookupNode, organizationProfile, partnersOf, personProfile, signingEvents, type Candidate,
} from '../../query/index.js';
import {
  organizationCsv, organizationTable, partnersCsv, partnersTable, personCsv, personTable, signingsCsv, signingsTable, type OutputFormat,
} from '../answer-format.js';
import { EXIT, UserError } from '../errors.js';
import { printable } from '../table.js';
import { readGraphFile } from './eval.js';

interface AnswerOptions {
  graph: string;
  json?: boolean;
  csv?: boolean;
}

const WHAT: Record<NodeLabel, { noun: string; plural: string; article: string; command?: string }> = {
  Organization: { noun: 'organisation', plural: 'organisations', article: 'an', command: 'org' },
  Person: { noun: 'person', plural: 'people', article: 'a', command: 'person' },
  Model: { noun: 'model', plural: 'models', article: 'a' },
  Product: { noun: 'product', plural: 'products', article: 'a' },
  SigningEvent: { noun: 'signing event', plural: 'signing events', article: 'a' },
  Forum: { noun: 'forum', plural: 'forums', article: 'a' },
};

function withAnswerOptions(command: Command): Command {
  return command
    .option('-g, --graph <file>', 'graph.json written by forumkg build', 'out/graph.json')
    .addOption(new Option('--json', 'print the answer as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the answer as CSV (spreadsheet-safe)'));
}

function formatOf(options: AnswerOptions): OutputFormat {
  return options.json ? 'json' : options.csv ? 'csv' : 'table';
}

function print<T>(answer: T, format: OutputFormat, table: (a: T) => string, csv: (a: T) => string): void {
  process.stdout.write(format === 'json' ? JSON.stringify(answer, null, 2) + '\n' : format === 'csv' ? csv(answer) : table(answer));
  process.exitCode = EXIT.ok;
}

function describe(c: Candidate): string {
  const notes = [c.id, c.detail, c.reason === 'name' ? '' : c.reason].filter(Boolean);
  return `${printable(c.name)} (${printable(notes.join(', '))})`;
}

/** The node the user named, or a UserError that lists the candidates (ambiguous) or the nearest names (unknown). */
function findNode(index: GraphIndex, query: string, label: NodeLabel, graphFile: string, options: { partialTitles?: boolean } = {}): GraphNode {
  const what = WHAT[label];
  const result = lookupNode(index, query, [label], options);
  if (result.status === 'found') return result.node;
  const shown = `"${printable(query)}"`;
  if (result.status === 'ambiguous') {
    throw new UserError(
      `${shown} fits ${result.candidates.length} ${what.plural} in ${graphFile}: ` +
      `${result.candidates.map(describe).join('; ')}; give one of these names or ids`,
      EXIT.ambiguous,
    );
  }
  let message = `no ${what.noun} named ${shown} in ${graphFile}`;
  for (const other of result.otherLabels.slice(0, 3)) {
    const { article, noun, command } = WHAT[other.label];
    message += `; ${printable(other.name)} is ${article} ${noun}${command ? ` (try: forumkg ${command} ${printable(other.name)})` : ''}`;
  }
  if (result.close) message += `; did you mean ${result.suggestions.map(describe).join(', or ')}?`;
  else if (result.suggestions.length && !result.otherLabels.length) message += `; the nearest name is ${describe(result.suggestions[0]!)}`;
  throw new UserError(message, EXIT.notFound);
}

/** `forumkg partners|org|person|signings`: answers from graph.json, no database needed. */
export function registerAnswers(program: Command): void {
  withAnswerOptions(program
    .command('partners')
    .description("an organisation's partners, with basis, forum and the quoted evidence (from graph.json)")
    .argument('<organisation...>', 'any of its names, aliases, abbreviations or ASR variants, or its id'))
    .action((words: string[], options: AnswerOptions) => {
      const index = new GraphIndex(readGraphFile(options.graph));
      const org = findNode(index, words.join(' '), 'Organization', options.graph);
      print(partnersOf(index, org.id), formatOf(options), partnersTable, partnersCsv);
    });

  withAnswerOptions(program
    .command('org')
    .description("an organisation's people (with titles), models, products, signing events, forums and partners")
    .argument('<organisation...>', 'any of its names, aliases, abbreviations or ASR variants, or its id'))
    .action((words: string[], options: AnswerOptions) => {
      const index = new GraphIndex(readGraphFile(options.graph));
      const org = findNode(index, words.join(' '), 'Organization', options.graph);
      print(organizationProfile(index, org.id), formatOf(options), organizationTable, organizationCsv);
    });

  withAnswerOptions(program
    .command('person')
    .description("a person's employer, titles, forums and signings")
    .argument('<name...>', 'the name as said in the transcripts (any recorded variant), or the id'))
    .action((words: string[], options: AnswerOptions) => {
      const index = new GraphIndex(readGraphFile(options.graph));
      const person = findNode(index, words.join(' '), 'Person', options.graph);
      print(personProfile(index, person.id), formatOf(options), personTable, personCsv);
    });

  withAnswerOptions(program
    .command('signings')
    .description('every signing event with its parties and signatories')
    .option('-f, --forum <forum>', "only those of one forum: its title or a part of it, its transcript's file name, or its id"))
    .action((options: AnswerOptions & { forum?: string }) => {
      const index = new GraphIndex(readGraphFile(options.graph));
      const forum = options.forum === undefined ? undefined : findNode(index, options.forum, 'Forum', options.graph, { partialTitles: true });
      print(signingEvents(index, forum?.id), formatOf(options), signingsTable, signingsCsv);
    });
}
