import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The launcher of tools/neo4j-local (Neo4j Community 5.26 from Maven Central); `npm run neo4j` runs it too. */
export const LAUNCHER = fileURLToPath(new URL('../../../tools/neo4j-local/neo4j-local.sh', import.meta.url));

export interface LocalNeo4j {
  uri: string;
  httpUrl: string;
  user: string;
  password: string;
  pid: number;
  /** SIGTERM, then wait for the JVM to stop (SIGKILL after the timeout) */
  stop(timeoutMs?: number): Promise<void>;
}

export interface LocalNeo4jOptions {
  /** the server's folder (conf, data, logs); the launcher's default is tools/neo4j-local/data */
  home: string;
  password: string;
  boltPort?: number;
  httpPort?: number;
  heap?: string;
  pagecache?: string;
  /** how long to wait for "ready" (the first run also fetches the jars with Maven) */
  timeoutMs?: number;
  onOutput?: (line: string) => void;
}

/** Why the local server cannot run here (no Java or no Maven on PATH), or undefined when it can. */
export function localNeo4jUnavailable(): string | undefined {
  for (const [tool, args] of [['java', ['-version']], ['mvn', ['-v']]] as const) {
    const probe = spawnSync(tool, args, { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) return `${tool} is not installed (the local Neo4j needs Java 17 and Maven)`;
  }
  return existsSync(LAUNCHER) ? undefined : `${LAUNCHER} is missing`;
}

/** A TCP port that was free a moment ago, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the local Neo4j and resolves once it prints its ready line. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const boltPort = options.boltPort ?? (await freePort());
  const httpPort = options.httpPort ?? (await freePort());
  const child = spawn('bash', [LAUNCHER], {
    cwd: options.home,
    env: {
      ...process.env,
      NEO4J_PASSWORD: options.password,
      NEO4J_LOCAL_HOME: options.home,
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_HTTP_PORT: String(httpPort),
      NEO4J_HEAP: options.heap ?? '768m',
      NEO4J_PAGECACHE: options.pagecache ?? '128m',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local Neo4j was not ready after ${(options.timeoutMs ?? 300_000) / 1000}s:\n${tail.join('\n')}`)), options.timeoutMs ?? 300_000);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split(/\r?\n/).filter(Boolean)) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        options.onOutput?.(line);
        if (line.includes('neo4j-local: ready')) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the local Neo4j exited (code ${code}) before it was ready:\n${tail.join('\n')}`));
    });
  });
  const stop = async (timeoutMs = 30_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  return { uri: `bolt://127.0.0.1:${boltPort}`, httpUrl: `http://127.0.0.1:${httpPort}`, user: 'neo4j', password: options.password, pid: child.pid!, stop };
}
