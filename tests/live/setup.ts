import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { localNeo4jUnavailable, startLocalNeo4j } from '../../src/sinks/neo4j/local-server.js';

/** The Neo4j the live suite runs against: NEO4J_URI when set, else the local server started here once per run. */
export interface LiveNeo4j {
  /** why the suite is skipped, when it is */
  skip?: string;
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Neo4j Browser's server, when known (the local server) */
  httpUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: LiveNeo4j;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    process.stderr.write(`\nlive Neo4j suite: using NEO4J_URI=${process.env.NEO4J_URI} (it wipes forumkg's labels there)\n`);
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
    });
    return undefined;
  }
  const unavailable = localNeo4jUnavailable();
  if (unavailable) {
    if (process.env.FORUMKG_REQUIRE_LIVE) throw new Error(`the live Neo4j suite must run here (FORUMKG_REQUIRE_LIVE) but ${unavailable}`);
    process.stderr.write(`\n⚠ live Neo4j suite SKIPPED: ${unavailable}; set NEO4J_URI or install Java 17 and Maven to run it\n\n`);
    project.provide('neo4j', { skip: unavailable, uri: '', user: '', password: '' });
    return undefined;
  }
  const home = mkdtempSync(path.join(tmpdir(), 'forumkg-neo4j-'));
  const started = performance.now();
  process.stderr.write('\nlive Neo4j suite: starting the local Neo4j (tools/neo4j-local)…\n');
  const server = await startLocalNeo4j({ home, password: randomBytes(12).toString('hex'), heap: '768m', onOutput: (line) => {
    if (/neo4j-local:|ERROR/.test(line)) process.stderr.write(`  ${line}\n`);
  } });
  process.stderr.write(`live Neo4j suite: ready in ${((performance.now() - started) / 1000).toFixed(1)}s at ${server.uri}\n`);
  project.provide('neo4j', { uri: server.uri, user: server.user, password: server.password, httpUrl: server.httpUrl });
  return async () => {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
