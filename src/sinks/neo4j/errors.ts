
/** What went wrong talking to Neo4j, in terms a user can act on. */
export type Neo4jFailureKind = 'settings' | 'unreachable' | 'auth' | 'database' | 'refused';

export class Neo4jSinkError extends Error {
  constructor(readonly kind: Neo4jFailureKind, message: string) {
    super(message);
  }
}

const START_HINT = 'start one with `npm run neo4j` (Java + Maven) or `docker compose up -d`, or set NEO4J_URI';

/** Turns a driver error into one line that says what failed and what to do. */
export function describeNeo4jError(error: unknown, target: { uri: string; user: string; database?: string }): Neo4jSinkError {
  if (error instanceof Neo4jSinkError) return error;
  // read the driver's error by shape, so that this module does not load the driver (kept off the CLI's start-up)
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = (error as Error)?.message ?? String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new Neo4jSinkError('auth', `Neo4j at ${target.uri} refused user "${target.user}": wrong NEO4J_PASSWORD (or NEO4J_USER); set the password the server was started with`);
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new Neo4jSinkError('auth', `Neo4j at ${target.uri} refused user "${target.user}" after too many wrong passwords; fix NEO4J_PASSWORD and retry in a few seconds`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jSinkError('database', `Neo4j at ${target.uri} has no database "${target.database}": set NEO4J_DATABASE (or --database) to one that SHOW DATABASES lists, or leave it unset for the default`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|connect/i.test(message) && !code.startsWith('Neo.')) {
    return new Neo4jSinkError('unreachable', `cannot reach Neo4j at ${target.uri}: ${START_HINT}`);
  }
  const retry = (error as { retryable?: boolean })?.retryable ? ' (a transient error: run the same command again)' : '';
  return new Neo4jSinkError('refused', `Neo4j at ${target.uri} refused the request: ${message.split('\n')[0]}${code ? ` [${code}]` : ''}${retry}`);
}
