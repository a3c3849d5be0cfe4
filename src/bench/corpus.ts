import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LexiconFiles } from '../lexicon/schema.js';

/**
 * Synthetic corpora for the benchmark, made from the seed transcripts: each document is one seed with
 * its paragraphs shuffled and about half of the lexicon names in it swapped for other names of the
 * same type, so that a bigger corpus also means more distinct entities for resolution.
 */

export interface Seed {
  file: string;
  heading: string;
  paragraphs: string[];
  /** Lexicon names (Han, two characters or more) that occur in the seed, by entity type. */
  names: Map<string, NameType>;
}

type NameType = 'organizations' | 'models' | 'products' | 'people';
const NAME_TYPES: NameType[] = ['organizations', 'models', 'products', 'people'];
const HAN_NAME = /^\p{Script=Han}{2,}$/u;

/** A small, fast, seeded random generator (mulberry32), so a corpus is the same at every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every Han name (and alias) of the lexicons, by type. */
export function lexiconNames(lexicon: LexiconFiles): Map<NameType, string[]> {
  const byType = new Map<NameType, string[]>();
  for (const type of NAME_TYPES) {
    const forms = lexicon[type].entries.flatMap((e: { name: string; aliases: string[] }) => [e.name, ...e.aliases]).filter((f) => HAN_NAME.test(f));
    byType.set(type, [...new Set(forms)]);
  }
  return byType;
}

export function readSeeds(dir: string, names: Map<NameType, string[]>): Seed[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const [heading, ...rest] = readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    const text = rest.join('\n');
    const found = new Map<string, NameType>();
    for (const [type, forms] of names) for (const form of forms) if (!found.has(form) && text.includes(form)) found.set(form, type);
    return { file, heading: heading!, paragraphs: rest.filter((l) => l.trim() !== ''), names: found };
  });
}

/** One synthetic transcript: a seed's paragraphs shuffled, half its lexicon names swapped, a heading of its own. */
export function syntheticTranscript(seed: Seed, index: number, names: Map<NameType, string[]>, rnd: () => number): string {
  const swaps = new Map<string, string>();
  for (const [form, type] of seed.names) {
    if (rnd() < 0.5) continue;
    const pool = names.get(type)!;
    swaps.set(form, pool[Math.floor(rnd() * pool.length)]!);
  }
  const pattern = swaps.size ? new RegExp([...swaps.keys()].sort((a, b) => b.length - a.length).join('|'), 'g') : undefined;
  const body = shuffle(seed.paragraphs, rnd).map((p) => (pattern ? p.replace(pattern, (m) => swaps.get(m)!) : p));
  const day = String(1 + (index % 28)).padStart(2, '0');
  const heading = seed.heading.replace(/P\d+：\d{8}-/, `P${index}：202407${day}-第${index}场 `);
  return [heading, '', ...body.flatMap((p) => [p, ''])].join('\n');
}

/** Writes synthetic transcripts into dir until they hold about targetBytes; returns the files and bytes written. */
export function writeCorpus(dir: string, targetBytes: number, seeds: Seed[], names: Map<NameType, string[]>, seedNumber = 6): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const rnd = random(seedNumber);
  let bytes = 0;
  let files = 0;
  while (bytes < targetBytes) {
    const seed = seeds[files % seeds.length]!;
    const content = Buffer.from(syntheticTranscript(seed, files, names, rnd));
    writeFileSync(path.join(dir, `synthetic_${String(files).padStart(4, '0')}_${seed.file}`), content);
    bytes += content.length;
    files++;
  }
  return { files, bytes };
}
