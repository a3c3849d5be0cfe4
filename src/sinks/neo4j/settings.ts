import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { Neo4jSinkError } from './errors.js';

/** How to reach Neo4j. The password comes only from the environment (or .env), never from a flag, and is never printed. */
export const Neo4jSettingsSchema = z.object({
  uri: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'expected bolt://host:port or neo4j://host:port'),
  user: z.string().min(1),
  password: z.string(),
  /** undefined: the user's home database */
  database: z.string().min(1).optional(),
});
export type Neo4jSettings = z.infer<typeof Neo4jSettingsSchema>;

export const DEFAULT_URI = 'bolt://127.0.0.1:7687';

export interface SettingsFlags {
  uri?: string;
  user?: string;
  database?: string;
}

/** Variables from ./.env (the file docker compose reads too) that the environment does not already set. */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv = process.env, file = '.env'): NodeJS.ProcessEnv {
  if (!existsSync(file)) return env;
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}

/** Settings from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE; flags override all but the password. */
export function neo4jSettings(flags: SettingsFlags, env: NodeJS.ProcessEnv = environmentWithDotEnv()): Neo4jSettings {
  const password = env.NEO4J_PASSWORD;
  if (!password) {
    throw new Neo4jSinkError('settings', 'NEO4J_PASSWORD is not set: put it in the environment or in .env (see .env.example); it is never taken from the command line');
  }
  const parsed = Neo4jSettingsSchema.safeParse({
    uri: flags.uri ?? env.NEO4J_URI ?? DEFAULT_URI,
    user: flags.user ?? env.NEO4J_USER ?? 'neo4j',
    password,
    database: flags.database ?? (env.NEO4J_DATABASE || undefined),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Neo4jSinkError('settings', `Neo4j setting ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Where we talk to, for messages: never the password. */
export function describeTarget(settings: Neo4jSettings): string {
  return `${settings.uri} (user ${settings.user}, database ${settings.database ?? 'default'})`;
}
