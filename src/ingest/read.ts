import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST, readManifest } from '../sinks/export/write.js';
import { decodeBytes } from './decode.js';
import { longestLine, MAX_LINE_CHARS } from './lines.js';
import { looksLikeHtml, looksTraditional, toLines } from './normalise.js';
import type { Document, Line, Rejection } from './schema.js';
import { parseForumInfo } from './title.js';

export const ACCEPTED_EXTENSIONS = ['.txt', '.md'];
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

function isAccepted(file: string): boolean {
  return ACCEPTED_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied (cannot read it); check the file permissions';
    case 'ELOOP': return 'symbolic link loop';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ENAMETOOLONG': return 'path too long';
    default: return `cannot read it (${(error as Error).message ?? String(error)})`;
  }
}

/** What a path that is neither a file nor a folder is, for the rejection reason. */
function describeSpecial(stat: Stats): string {
  const what = stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
  return `${what}, not a transcript file`;
}

/** Files of a folder that an earlier forumkg build wrote there (report.md would otherwise be read as a transcript). */
async function forumkgOutputs(dir: string, entries: string[]): Promise<Set<string>> {
  if (!entries.includes(MANIFEST)) return new Set();
  const manifest = await readManifest(dir).catch(() => new Map<string, string>());
  return new Set([...manifest.keys()].map((rel) => path.join(dir, rel)));
}

/**
 * Expands the given files and folders into the transcript files to read (.txt and .md, folders walked
 * recursively in name order, symbolic-link loops, hidden folders and forumkg's own outputs skipped),
 * with a rejection for every path that cannot be used.
 */
export async function discoverInputs(inputs: string[]): Promise<{ files: string[]; rejections: Rejection[] }> {
  const files: string[] = [];
  const rejections: Rejection[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (error) {
      rejections.push({ path: dir, reason: describeFsError(error) });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = (await fs.readdir(dir)).sort();
    } catch (error) {
      rejections.push({ path: dir, reason: describeFsError(error) });
      return;
    }
    const outputs = await forumkgOutputs(dir, entries);
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = path.join(dir, name);
      if (outputs.has(full)) continue;
      let stat;
      try {
        stat = await fs.stat(full);
      } catch (error) {
        const lstat = await fs.lstat(full).catch(() => null);
        if (lstat?.isSymbolicLink() || isAccepted(name)) rejections.push({ path: full, reason: describeFsError(error) });
        continue;
      }
      if (stat.isDirectory()) await walk(full);
      else if (!isAccepted(name)) continue;
      else if (stat.isFile()) addFile(full);
      else rejections.push({ path: full, reason: describeSpecial(stat) });
    }
  }

  function addFile(file: string): void {
    const key = path.resolve(file);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(file);
  }

  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      rejections.push({ path: input, reason: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) await walk(input);
    else if (!isAccepted(input)) rejections.push({ path: input, reason: `not a transcript: only ${ACCEPTED_EXTENSIONS.join(' and ')} files are read` });
    else if (!stat.isFile()) rejections.push({ path: input, reason: describeSpecial(stat) });
    else addFile(input);
  }
  return { files, rejections };
}

export interface ReadOptions {
  maxFileBytes?: number;
}

/** Reads one transcript into a Document, or says why it cannot be used. */
export async function readDocument(file: string, options: ReadOptions = {}): Promise<Document | Rejection> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: a named pipe put in place of the file after discovery must not hang the build.
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) return { path: file, reason: describeSpecial(stat) };
    if (stat.size > maxBytes) {
      return { path: file, reason: `too large (${(stat.size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(0)} MB); split it or raise --max-file-mb` };
    }
    bytes = await handle.readFile();
  } catch (error) {
    return { path: file, reason: describeFsError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return documentFromBytes(file, bytes);
}

export function documentFromBytes(file: string, bytes: Uint8Array): Document | Rejection {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { path: file, reason: decoded.reason };
  if (!/\S/.test(decoded.text)) return { path: file, reason: 'empty (no text in it)' };
  const longest = longestLine(decoded.text);
  if (longest.length > MAX_LINE_CHARS) {
    return {
      path: file,
      reason: `line ${longest.line} has ${longest.length.toLocaleString('en')} characters without a line break (at most ${MAX_LINE_CHARS.toLocaleString('en')}); ` +
        'not a transcript as saved; if it is one, break it into lines',
    };
  }
  const head = decoded.text.slice(0, 65536);
  const html = looksLikeHtml(head);
  const traditional = looksTraditional(head.slice(0, 20000));
  const lines = toLines(decoded.text, { traditional, stripHtml: html });
  if (lines.every((l) => l.text.trim() === '')) return { path: file, reason: 'no transcript text (only images, marks or markup)' };
  const fileName = path.basename(file);
  return {
    file: fileName,
    path: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: decoded.encoding + (traditional ? ', traditional Chinese' : '') + (html ? ', HTML' : ''),
    forum: parseForumInfo(forumHeading(lines, html), fileName),
    lines,
  };
}

/** The first lines with text, as the title parser expects them (for an HTML page: without markup). */
function forumHeading(lines: Line[], html: boolean): string[] {
  return lines.slice(0, 20).map((l) => (html ? l.text : l.original));
}

export function isRejection(value: Document | Rejection): value is Rejection {
  return 'reason' in value;
}
