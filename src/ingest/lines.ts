import type { Extraction } from '../extract/schema.js';
import type { Document } from './schema.js';

/**
 * A file line longer than this (in UTF-16 units) is not a transcript as saved: a dump, a data file or
 * text without any line breaks. About 3 MB of Chinese, some fifty hours of speech on one line.
 */
export const MAX_LINE_CHARS = 1_000_000;

/**
 * Longer file lines are cut into logical lines of at most this length (at a sentence end when there is
 * one), so that no extraction step ever works on more than a paragraph; mentions still cite the file line.
 */
export const LOGICAL_LINE_CHARS = 4_000;

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const PAUSE = new Set(['，', ',', '、', '：', ':', ' ', '\t', '\u3000']);

/** The 1-based number and length of the longest line of a text (lines ended by LF, CRLF or CR). */
export function longestLine(text: string): { line: number; length: number } {
  let best = { line: 1, length: 0 };
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) continue;
    if (i - start > best.length) best = { line, length: i - start };
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return best;
}

/**
 * Cuts a line into pieces of at most `max` UTF-16 units: after the last sentence end in the second half
 * of the window, else after the last pause (comma, space), else at `max` (never inside a surrogate pair).
 * The pieces joined give the line back.
 */
export function splitLongLine(line: string, max = LOGICAL_LINE_CHARS): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let start = 0;
  while (line.length - start > max) {
    const limit = start + max;
    const floor = start + Math.floor(max / 2);
    let cut = lastIndexIn(line, SENTENCE_END, floor, limit) ?? lastIndexIn(line, PAUSE, floor, limit) ?? limit;
    if (cut === limit && isLowSurrogate(line.charCodeAt(cut))) cut--;
    pieces.push(line.slice(start, cut));
    start = cut;
  }
  pieces.push(line.slice(start));
  return pieces;
}

/** The index just after the last character of `set` in line[from, to), if any. */
function lastIndexIn(line: string, set: Set<string>, from: number, to: number): number | undefined {
  for (let i = to - 1; i >= from; i--) if (set.has(line[i]!)) return i + 1;
  return undefined;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The file line of each logical line of a document, when a long line was cut (else lines are file lines). */
export function fileLineMap(doc: Document): number[] | undefined {
  if (!doc.lines.some((l) => l.fileLine !== undefined)) return undefined;
  return doc.lines.map((l) => l.fileLine ?? l.number);
}

/** The number of lines of the file a document was read from. */
export function fileLineCount(doc: Document): number {
  const last = doc.lines.at(-1);
  return last ? last.fileLine ?? last.number : 0;
}

/**
 * An extraction made on a document's logical lines, with every line number turned back into the line
 * of the file, so that mentions and evidence cite what a reader finds in the file.
 */
export function citeFileLines(extraction: Extraction, doc: Document): Extraction {
  const map = fileLineMap(doc);
  if (!map) return extraction;
  const fileLine = (line: number) => map[line - 1] ?? line;
  const shift = (line: number) => doc.lines[line - 1]?.fileOffset ?? 0;
  return {
    ...extraction,
    mentions: extraction.mentions.map((m) => ({ ...m, line: fileLine(m.line), start: m.start + shift(m.line), end: m.end + shift(m.line) })),
    relations: extraction.relations.map((r) => ({ ...r, evidence: { ...r.evidence, line: fileLine(r.evidence.line) } })),
    signings: extraction.signings.map((s) => ({
      ...s,
      lines: [...new Set(s.lines.map(fileLine))],
      evidence: s.evidence.map((e) => ({ ...e, line: fileLine(e.line) })),
    })),
  };
}
