import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from './decode.js';
import { looksLikeHtml, looksTraditional, splitLines, toLines } from './normalise.js';
import type { Document, Rejection } from './schema.js';
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
    default: return (error as Error).message ?? String(error);
  }
}

/**
 * Expands the given files and folders into the transcript files to read (.txt and .md, folders walked
 * recursively in name order, symbolic-link loops and hidden folders skipped), with a rejection for every
 * given path that cannot be used.
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
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = path.join(dir, name);
      let stat;
      try {
        stat = await fs.stat(full);
      } catch (error) {
        const lstat = await fs.lstat(full).catch(() => null);
        if (lstat?.isSymbolicLink() || isAccepted(name)) rejections.push({ path: full, reason: describeFsError(error) });
        continue;
      }
      if (stat.isDirectory()) await walk(full);
      else if (stat.isFile() && isAccepted(name)) addFile(full);
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
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) {
      return { path: file, reason: `too large (${(stat.size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(0)} MB); split it or raise --max-file-mb` };
    }
    bytes = await fs.readFile(file);
  } catch (error) {
    return { path: file, reason: describeFsError(error) };
  }
  return documentFromBytes(file, bytes);
}

export function documentFromBytes(file: string, bytes: Uint8Array): Document | Rejection {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { path: file, reason: decoded.reason };
  if (decoded.text.trim() === '') return { path: file, reason: 'empty (no text in it)' };
  const html = looksLikeHtml(decoded.text);
  const traditional = looksTraditional(decoded.text.slice(0, 20000));
  const lines = toLines(decoded.text, { traditional, stripHtml: html });
  if (lines.every((l) => l.text.trim() === '')) return { path: file, reason: 'no transcript text (only images, marks or markup)' };
  const fileName = path.basename(file);
  return {
    file: fileName,
    path: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: decoded.encoding + (traditional ? ', traditional Chinese' : '') + (html ? ', HTML' : ''),
    forum: parseForumInfo(splitLines(decoded.text).slice(0, 20), fileName),
    lines,
  };
}

export function isRejection(value: Document | Rejection): value is Rejection {
  return 'reason' in value;
}
