import type { Document } from '../ingest/schema.js';
import { SENTENCE_BREAK } from '../util/text.js';

/** A stretch of one line's matching text that a model reads as one sequence. */
export interface Piece {
  line: number;
  /** UTF-16 offset of the piece in the line's `text`. */
  start: number;
  text: string;
}

const SOFT_BREAK = /[，,、：:\s]/;
const HAN = /\p{Script=Han}/u;

/**
 * Splits a document's content lines into sentences of at most `maxLength` UTF-16 units (longer ones
 * are cut at the last comma or space before the limit); drops pieces without a Han character, where
 * a Chinese tagger has nothing to find. The title heading (line 1, `# …`) is skipped like the
 * extractor skips it.
 */
export function documentPieces(doc: Document, maxLength = 160): Piece[] {
  const pieces: Piece[] = [];
  for (const line of doc.lines) {
    const text = line.text;
    if (text.trim() === '' || (line.number === 1 && text.startsWith('#'))) continue;
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      const atEnd = i === text.length;
      const full = i - from >= maxLength;
      if (!atEnd && !full && !SENTENCE_BREAK.test(text[i]!)) continue;
      let to = atEnd ? i : full ? i : i + 1;
      if (!atEnd && full) {
        to = lastSoftBreak(text, from, to);
        // do not cut a surrogate pair
        if (/[\uD800-\uDBFF]/.test(text[to - 1]!)) to--;
      }
      push(pieces, line.number, text, from, to);
      if (atEnd) break;
      from = to;
      i = to - 1;
    }
  }
  return pieces;
}

function lastSoftBreak(text: string, from: number, to: number): number {
  for (let k = to - 1; k > from + 8; k--) if (SOFT_BREAK.test(text[k]!)) return k + 1;
  return to;
}

function push(pieces: Piece[], line: number, text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && HAN.test(text.slice(start, end))) pieces.push({ line, start, text: text.slice(start, end) });
}
