import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The floor of the benchmark: the least any tool must do with a corpus, namely read every file and cut
 * every line into words with jieba (default dictionary, HMM on), on one thread. Prints JSON.
 * Usage: node dist/bench/floor.js <folder>
 */
const dir = process.argv[2]!;
const jieba = Jieba.withDict(dict);
let bytes = 0;
let words = 0;
for (const file of readdirSync(dir).sort()) {
  const buffer = readFileSync(path.join(dir, file));
  bytes += buffer.length;
  for (const line of buffer.toString('utf8').split(/\r?\n/)) if (line) words += jieba.cut(line, true).length;
}
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ bytes, words, peakRssMb: Math.round(usage.maxRSS / 1024), cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }) + '\n');
