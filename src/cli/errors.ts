/** Exit codes of the forumkg command line. */
export const EXIT = {
  ok: 0,
  /** some input was rejected (the others were processed) */
  rejected: 1,
  /** the command line was wrong */
  usage: 2,
  /** something the user can fix outside the inputs (output folder, lexicon or gold file) */
  failed: 3,
  /** Neo4j could not be reached or refused the credentials */
  neo4j: 4,
  /** Neo4j has no database of the name asked for */
  neo4jDatabase: 5,
  /** no entity of that name in the graph (the nearest names are suggested on stderr) */
  notFound: 6,
  /** the name fits more than one entity (the candidates are listed on stderr) */
  ambiguous: 7,
} as const;

/** An error whose message tells the user what to do; printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failed) {
    super(message);
  }
}
