import { promises as fs } from 'node:fs';
import path from 'node:path';

export const MANIFEST = '.forumkg-manifest.json';

export class OutputError extends Error {}

async function readManifest(outDir: string): Promise<Set<string>> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(outDir, MANIFEST), 'utf8')) as { files?: unknown };
    return new Set(Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

/**
 * Writes the output files (relative paths → contents) into outDir: first into a temporary folder
 * beside them, then moved into place one by one, so an interrupted build never leaves a half-written
 * file. A file that exists but was not written by forumkg (not in its manifest) is never overwritten.
 */
export async function writeOutputs(outDir: string, files: Map<string, string>): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const manifest = await readManifest(outDir);
  for (const rel of files.keys()) {
    const target = path.join(outDir, rel);
    if (!manifest.has(rel) && (await exists(target))) {
      throw new OutputError(`${target} exists and was not written by forumkg; choose another --out folder or move that file away`);
    }
  }
  const tmp = await fs.mkdtemp(path.join(outDir, '.forumkg-tmp-'));
  try {
    for (const [rel, content] of files) {
      const file = path.join(tmp, rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
    }
    const written = [...new Set([...manifest, ...files.keys()])].sort();
    await fs.writeFile(path.join(tmp, MANIFEST), JSON.stringify({ tool: 'forumkg', files: written }, null, 2) + '\n');
    for (const rel of [...files.keys(), MANIFEST]) {
      const target = path.join(outDir, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(tmp, rel), target);
    }
    return [...files.keys()];
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
