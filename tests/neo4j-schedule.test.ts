import { describe, expect, it } from 'vitest';
import type { Graph } from '../src/graph/schema.js';
import { loadBatches } from '../src/graph/statements.js';
import { runKeyDisjoint, type KeyedTask } from '../src/sinks/neo4j/schedule.js';
import { buildSeeds } from './helpers.js';

/** The seeds' graph twice over under fresh ids: two copies share no node, so their batches can run side by side. */
function twoCopies(graph: Graph): Graph {
  const copy = (i: number) => {
    const id = (value: string) => `${value}#${i}`;
    return {
      nodes: graph.nodes.map((n) => ({ ...n, id: id(n.id) })),
      relationships: graph.relationships.map((r) => ({ ...r, id: id(r.id), start: id(r.start), end: id(r.end) })),
    };
  };
  const [a, b] = [copy(0), copy(1)];
  return { ...graph, nodes: [...a.nodes, ...b.nodes], relationships: [...a.relationships, ...b.relationships] };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Tasks for the relationship batches that record which keys are in flight and fail on an overlap. */
function relationshipTasks(graph: Graph, batchSize: number) {
  const inFlight = new Map<string, number>();
  let mostAtOnce = 0;
  let running = 0;
  const tasks: Array<KeyedTask<number>> = loadBatches(graph, batchSize)
    .filter((b) => b.kind === 'relationships')
    .map((batch, index) => {
      const keys = new Set(batch.rows.flatMap((row) => [row.start as string, row.end as string]));
      return {
        keys,
        run: async () => {
          for (const key of keys) {
            if (inFlight.has(key)) throw new Error(`batches ${inFlight.get(key)} and ${index} both hold ${key}`);
            inFlight.set(key, index);
          }
          mostAtOnce = Math.max(mostAtOnce, ++running);
          await tick();
          running--;
          for (const key of keys) inFlight.delete(key);
          return index;
        },
      };
    });
  return { tasks, mostAtOnce: () => mostAtOnce };
}

describe('runKeyDisjoint (how the loader runs relationship batches side by side)', () => {
  it('never runs two batches that share a node, yet runs disjoint ones side by side, and returns every result in order', async () => {
    const graph = twoCopies((await buildSeeds()).graph);
    const { tasks, mostAtOnce } = relationshipTasks(graph, 100);
    const results = await runKeyDisjoint(tasks, 3);
    expect(results).toEqual(tasks.map((_, i) => i));
    expect(mostAtOnce()).toBeGreaterThan(1);
    expect(mostAtOnce()).toBeLessThanOrEqual(3);
  });

  it('runs one at a time with concurrency 1', async () => {
    const { tasks, mostAtOnce } = relationshipTasks((await buildSeeds()).graph, 100);
    await runKeyDisjoint(tasks, 1);
    expect(mostAtOnce()).toBe(1);
  });

  it('rejects with the first failure once the running tasks have finished, and starts nothing after it', async () => {
    const started: number[] = [];
    let finished = 0;
    const task = (i: number): KeyedTask<number> => ({
      keys: new Set([`k${i}`]),
      run: async () => {
        started.push(i);
        await new Promise((resolve) => setTimeout(resolve, i === 0 ? 30 : 1));
        finished++;
        if (i === 1) throw new Error('batch 1 failed');
        return i;
      },
    });
    await expect(runKeyDisjoint([0, 1, 2, 3, 4, 5].map(task), 2)).rejects.toThrow('batch 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(2);
  });
});
