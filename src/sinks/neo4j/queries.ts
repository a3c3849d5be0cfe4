import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';

/** The saved queries shipped in cypher/ (one query per file, with a header comment). */
export const CYPHER_DIR = fileURLToPath(new URL('../../../cypher/', import.meta.url));

/** Files in cypher/ that are not single saved queries. */
const NOT_QUERIES = new Set(['schema.cypher']);

export const QueryParamSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  type: z.enum(['string', 'int']),
  example: z.string(),
});
export type QueryParam = z.infer<typeof QueryParamSchema>;

export const SavedQuerySchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string(),
  answers: z.string().min(1),
  params: z.array(QueryParamSchema),
  cypher: z.string().min(1),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

/**
 * Reads one saved query. Header lines, before the query:
 *   // name: partners
 *   // answers: which organisations partnered with an organisation, on what basis, and the evidence
 *   // param: org string = 中国电信        (one line per parameter: name, string|int, example)
 */
export function parseSavedQuery(file: string, text: string): SavedQuery {
  const header: Record<string, string> = {};
  const params: QueryParam[] = [];
  const body: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const field = body.length === 0 ? /^\/\/\s*(name|answers|param):\s*(.*)$/.exec(line) : null;
    if (field) {
      const [, key, value] = field as unknown as [string, string, string];
      if (key === 'param') {
        const param = /^(\S+)\s+(\S+)\s*=\s*(.*)$/.exec(value.trim());
        if (!param) throw new Error(`${file}: cannot read "// param: ${value}" (expected "// param: name string|int = example")`);
        params.push(QueryParamSchema.parse({ name: param[1], type: param[2], example: param[3]!.trim() }));
      } else {
        header[key] = value.trim();
      }
    } else if (body.length > 0 || (line.trim() !== '' && !line.startsWith('//'))) {
      body.push(line);
    }
  }
  const parsed = SavedQuerySchema.safeParse({ ...header, file, params, cypher: body.join('\n').trim().replace(/;$/, '') });
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function readSavedQueries(dir = CYPHER_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher') && !NOT_QUERIES.has(f))
    .sort()
    .map((f) => parseSavedQuery(f, readFileSync(path.join(dir, f), 'utf8')));
}

export function findSavedQuery(name: string, dir = CYPHER_DIR): SavedQuery | undefined {
  return readSavedQueries(dir).find((q) => q.name === name);
}

/** Parameter values from key=value strings, typed as the header declares; a missing one is an error naming its example. */
export function queryParameters(query: SavedQuery, given: Record<string, string>): Record<string, unknown> {
  const unknown = Object.keys(given).filter((k) => !query.params.some((p) => p.name === k));
  if (unknown.length) throw new Error(`${query.name} has no parameter ${unknown.join(', ')} (it takes: ${describeParams(query) || 'none'})`);
  const values: Record<string, unknown> = {};
  for (const param of query.params) {
    const raw = given[param.name];
    if (raw === undefined) throw new Error(`${query.name} needs --param ${param.name}=… (for example --param ${param.name}=${param.example})`);
    if (param.type === 'int') {
      if (!/^-?\d+$/.test(raw)) throw new Error(`--param ${param.name} must be a whole number, got "${raw}"`);
      values[param.name] = neo4j.int(raw);
    } else {
      values[param.name] = raw;
    }
  }
  return values;
}

export function exampleParameters(query: SavedQuery): Record<string, string> {
  return Object.fromEntries(query.params.map((p) => [p.name, p.example]));
}

export function describeParams(query: SavedQuery): string {
  return query.params.map((p) => `${p.name}=${p.example}`).join(' ');
}

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/** Runs a saved query in a read transaction. */
export async function runSavedQuery(driver: Driver, query: SavedQuery, parameters: Record<string, unknown>, database?: string): Promise<QueryResult> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const result = tx.run(query.cypher, parameters);
      const columns = (await result.keys()).map(String);
      const { records } = await result;
      return { columns, rows: records.map((r) => r.toObject()) };
    });
  } finally {
    await session.close();
  }
}
