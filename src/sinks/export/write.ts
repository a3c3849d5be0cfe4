import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The list of files forumkg wrote into an output folder, with the SHA-256 of each as written. */
export const MANIFEST = '.forumkg-manifest.json';
const TMP_PREFIX = '.forumkg-tmp-';
/** Inside a temporary folder: which process made it, so a later build can tell a crashed build's leftovers. */
const TMP_MARKER = '.forumkg-tmp.json';
/** Moved last, so that a graph.json from a build means every other output of that build is in place. */
const LAST = 'graph.json';

export class OutputError extends Error {}

const ManifestSchema = z.object({
  tool: z.literal('forumkg'),
  // files: an array in manifests written before hashes were kept
  files: z.union([z.record(z.string(), z.string()), z.array(z.string())]),
});

/** The files forumkg wrote into outDir, by relative path, with their SHA-256 ('' when unknown); empty when there is no manifest. */
export async function readManifest(outDir: string): Promise<Map<string, string>> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return new Map();
  }
  let parsed;
  try {
    parsed = ManifestSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new OutputError(`${path.join(outDir, MANIFEST)} is not a forumkg manifest; move it away or choose another --out folder`);
  const files = parsed.data.files;
  return new Map(Array.isArray(files) ? files.map((f) => [f, '']) : Object.entries(files));
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

async function statOrNull(file: string) {
  return fs.lstat(file).catch(() => null);
}

/** Writes a file atomically: into the build's temporary folder (same file system), then renamed over it. */
async function replaceFile(tmpDir: string, file: string, content: string): Promise<void> {
  const staged = path.join(tmpDir, path.basename(file));
  await fs.writeFile(staged, content);
  await fs.rename(staged, file);
}

function manifestJson(files: Map<string, string>): string {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ tool: 'forumkg', files: sorted }, null, 2) + '\n';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders of builds that died before finishing (their process is gone); nothing else. */
async function removeDeadBuildFolders(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const dir = path.join(outDir, name);
    const entries = await fs.readdir(dir).catch(() => null);
    if (!entries) continue;
    let pid: number | undefined;
    if (entries.includes(TMP_MARKER)) {
      const marker = await fs.readFile(path.join(dir, TMP_MARKER), 'utf8').then((t) => JSON.parse(t) as { pid?: unknown }, () => ({ pid: undefined }));
      pid = typeof marker.pid === 'number' ? marker.pid : undefined;
    }
    const dead = entries.length === 0 || (pid !== undefined && !isAlive(pid));
    if (dead) await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * A file's content, or a function that makes it when the file is written (so that outputs need not all
 * be in memory at once), as one string or as pieces written one after another (a large file never
 * becomes one string).
 */
export type Content = string | (() => string | Iterable<string>);

/** The whole text of a content (for tests and small files). */
export function contentText(content: Content): string {
  const made = typeof content === 'function' ? content() : content;
  return typeof made === 'string' ? made : [...made].join('');
}

/** Pieces are encoded into one buffer of this many bytes, written out each time it is full. */
const WRITE_BUFFER_BYTES = 4 << 20;
/** UTF-8 takes at most this many bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

async function writeAll(handle: fs.FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
}

/**
 * Writes a content into a new file and returns the SHA-256 of the bytes written. Pieces are encoded
 * into one reused buffer, not joined into large strings: a large output would otherwise leave a trail of
 * megabyte strings that only a full collection frees (they are too large for the young generation).
 */
async function writeContent(file: string, content: Content): Promise<string> {
  const made = typeof content === 'function' ? content() : content;
  if (typeof made === 'string') {
    const bytes = Buffer.from(made);
    await fs.writeFile(file, bytes);
    return sha256(bytes);
  }
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    const flush = async () => {
      const bytes = buffer.subarray(0, used);
      hash.update(bytes);
      await writeAll(handle, bytes);
      used = 0;
    };
    // a piece that ends inside a surrogate pair: its last unit goes with the next piece, so the pair is encoded whole
    let carried = '';
    for (const next of made) {
      let piece = carried + next;
      carried = '';
      const last = piece.charCodeAt(piece.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carried = piece.slice(-1);
        piece = piece.slice(0, -1);
      }
      const mostBytes = piece.length * MAX_UTF8_PER_UNIT;
      if (used + mostBytes > buffer.length) await flush();
      if (mostBytes > buffer.length) {
        const bytes = Buffer.from(piece);
        hash.update(bytes);
        await writeAll(handle, bytes);
      } else {
        used += buffer.write(piece, used);
      }
    }
    if (carried) {
      // a lone high surrogate at the very end: written as UTF-8 writes one (the replacement character)
      if (used + MAX_UTF8_PER_UNIT > buffer.length) await flush();
      used += buffer.write(carried, used);
    }
    await flush();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export interface WriteHooks {
  /** Called after each step (for progress and for the crash tests): 'staged', 'manifest', 'moved <file>', 'done'. */
  onStep?: (step: string) => void;
}

/**
 * Writes the output files (relative paths → contents) into outDir without ever leaving a half-written
 * file and without touching anything forumkg did not write:
 *
 * 1. every file is written into a temporary folder inside outDir;
 * 2. the manifest (which lists every file forumkg wrote there) is updated to include the new files
 *    before any of them appears, so a build killed midway never leaves an output the next build
 *    would take for the user's;
 * 3. the files are renamed into place one by one (rename is atomic), graph.json last;
 * 4. outputs of the previous build that this one no longer makes are deleted, but only when their
 *    content is still exactly what forumkg wrote.
 *
 * A file in outDir that is not in the manifest is never overwritten or deleted: the build stops with an
 * OutputError instead.
 */
export async function writeOutputs(outDir: string, files: Map<string, Content>, hooks: WriteHooks = {}): Promise<string[]> {
  const step = hooks.onStep ?? (() => undefined);
  const outStat = await fs.stat(outDir).catch(() => null);
  if (outStat && !outStat.isDirectory()) throw new OutputError(`${outDir} exists and is not a folder; choose another --out folder`);
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot create the output folder ${outDir} (${(error as Error).message}); choose another --out folder`);
  }
  const previous = await readManifest(outDir);
  for (const rel of files.keys()) {
    const target = path.join(outDir, rel);
    const stat = await statOrNull(target);
    if (!stat) continue;
    if (!previous.has(rel)) throw new OutputError(`${target} exists and was not written by forumkg; choose another --out folder or move that file away`);
    if (!stat.isFile()) throw new OutputError(`${target} is not a file; move it away or choose another --out folder`);
  }
  await removeDeadBuildFolders(outDir);

  const tmp = await fs.mkdtemp(path.join(outDir, TMP_PREFIX));
  try {
    await fs.writeFile(path.join(tmp, TMP_MARKER), JSON.stringify({ pid: process.pid }) + '\n');
    const hashes = new Map<string, string>();
    for (const [rel, content] of files) {
      const file = path.join(tmp, 'files', rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      hashes.set(rel, await writeContent(file, content));
    }
    step('staged');

    await replaceFile(tmp, path.join(outDir, MANIFEST), manifestJson(new Map([...previous, ...hashes])));
    step('manifest');

    const order = [...files.keys()].filter((rel) => rel !== LAST);
    if (files.has(LAST)) order.push(LAST);
    for (const rel of order) {
      const target = path.join(outDir, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(tmp, 'files', rel), target);
      step(`moved ${rel}`);
    }

    for (const [rel, hash] of previous) {
      if (files.has(rel)) continue;
      const target = path.join(outDir, rel);
      const content = await fs.readFile(target).catch(() => null);
      if (content && hash !== '' && sha256(content) === hash) await fs.rm(target);
    }
    await replaceFile(tmp, path.join(outDir, MANIFEST), manifestJson(hashes));
    step('done');
    return [...files.keys()];
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
