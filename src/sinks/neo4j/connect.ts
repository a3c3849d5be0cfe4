import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { describeNeo4jError } from './errors.js';
import type { Neo4jSettings } from './settings.js';

/** A driver for the settings (integers come back as JS numbers), checked with one query so that an unreachable
 * server, a wrong password or an unknown database fail here, at once and clearly, not half-way through a load. */
export async function connect(settings: Neo4jSettings): Promise<Driver> {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
    userAgent: 'forumkg',
    connectionTimeout: 10_000,
  });
  const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
  try {
    // auto-commit: unlike a managed transaction it is not retried for 30 s when the port is closed
    await session.run('RETURN 1');
    return driver;
  } catch (error) {
    await driver.close();
    throw describeNeo4jError(error, settings);
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** Runs fn with a driver for the settings, closing it after; driver errors become one-line Neo4jSinkErrors. */
export async function withNeo4j<T>(settings: Neo4jSettings, fn: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(settings);
  try {
    return await fn(driver);
  } catch (error) {
    throw error instanceof Neo4jError ? describeNeo4jError(error, settings) : error;
  } finally {
    await driver.close();
  }
}
