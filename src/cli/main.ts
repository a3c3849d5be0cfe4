import { Command, CommanderError } from 'commander';
import { LexiconError } from '../lexicon/load.js';
import { OutputError } from '../sinks/export/write.js';
import { OverridesError } from '../resolve/overrides.js';
import { registerAnswers } from './commands/answers.js';
import { registerBuild } from './commands/build.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerLoad } from './commands/load.js';
import { registerQueries } from './commands/query.js';
import { EXIT, UserError } from './errors.js';

export function createProgram(): Command {
  const program = new Command();
  program
    .name('forumkg')
    .description('Turn transcripts of AI-industry forums into a knowledge graph: organisations, people, models, products, signings and partnerships.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerBuild(program);
  registerEval(program);
  registerAnswers(program);
  registerLoad(program);
  registerQueries(program);
  registerExport(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError || error instanceof LexiconError || error instanceof OutputError || error instanceof OverridesError) {
      process.stderr.write(`forumkg: ${error.message}\n`);
      return error instanceof UserError ? error.exitCode : EXIT.failed;
    }
    process.stderr.write(`forumkg: unexpected error: ${(error as Error).stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return EXIT.failed;
  }
}
