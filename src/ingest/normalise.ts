import * as OpenCC from 'opencc-js';
import { splitLongLine } from './lines.js';
import type { Line } from './schema.js';

const IMAGE_LINK = /!\[[^\]\n]*\]\([^)\n]*\)/g;
/** Emoji, music marks and invisible joiners that ASR tools sprinkle into transcripts. */
const NOISE_CHAR = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200B}-\u{200D}\u{2060}\u{FEFF}♩♪♫♬]/u;
const ANY_NOISE = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200B}-\u{200D}\u{2060}\u{FEFF}♩♪♫♬]|!\[/u;
/** What of an HTML page is not text: scripts, styles and comments with their content, tags (over lines too), entities. */
const HTML_NOISE = /<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[!/?a-zA-Z][^<>]{0,2000}>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;

/**
 * A pinyin syllable of three or four lower-case letters between two Han characters (上ang海, 庄ang穆地):
 * speech recognition's residue, not a word. Two-letter ones (做ai的) and non-syllables (用app的) stay.
 */
const PINYIN_RESIDUE = /(?<=\p{Script=Han})[a-z]{3,4}(?=\p{Script=Han})/gu;
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u|v)$/;

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

export interface NormaliseOptions {
  /** Convert traditional characters to simplified for matching (detected per document by default). */
  traditional: boolean;
  /** Strip HTML tags (for documents that are web pages saved as text). */
  stripHtml: boolean;
}

/** A half-open range [start, end) of UTF-16 units. */
export type Range = [number, number];

/**
 * Builds the matching text of a line: image links, the given ranges (HTML markup), emoji and music
 * marks removed, traditional characters converted. Returns the text and, for each of its UTF-16 units,
 * the index of the unit in the original line it came from (omitted when the two are identical).
 */
export function normaliseLine(original: string, options: NormaliseOptions, ranges: Range[] = []): { text: string; map?: number[] } {
  const residue = /\p{Script=Han}[a-z]{3,4}\p{Script=Han}/u.test(original);
  if (!options.traditional && ranges.length === 0 && !residue && !ANY_NOISE.test(original)) return { text: original };
  const removed = new Uint8Array(original.length);
  let anyRemoved = false;
  if (residue) {
    for (const m of original.matchAll(PINYIN_RESIDUE)) {
      if (!PINYIN_SYLLABLE.test(m[0])) continue;
      removed.fill(1, m.index, m.index + m[0].length);
      anyRemoved = true;
    }
  }
  for (const [from, to] of ranges) {
    removed.fill(1, from, to);
    anyRemoved = true;
  }
  for (const m of original.matchAll(IMAGE_LINK)) {
    removed.fill(1, m.index, m.index + m[0].length);
    anyRemoved = true;
  }
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (removed[i] || NOISE_CHAR.test(ch)) {
      anyRemoved = true;
    } else {
      text += ch;
      for (let k = 0; k < width; k++) map.push(i + k);
    }
    i += width;
  }
  if (options.traditional) {
    const simplified = simplifyKeepingLength(text);
    if (simplified !== text) {
      text = simplified;
      anyRemoved = true;
    }
  }
  return anyRemoved ? { text: text.trim() === '' ? '' : text, map } : { text };
}

/**
 * Traditional → simplified. OpenCC's phrase tables can change a phrase's length; offsets must stay
 * exact, so a line whose length would change is converted character by character instead.
 */
function simplifyKeepingLength(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = toSimplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** True when a meaningful share of the CJK characters in the sample are traditional forms. */
export function looksTraditional(sample: string): boolean {
  const cjk = sample.match(/\p{Script=Han}/gu);
  if (!cjk || cjk.length < 20) return false;
  const head = cjk.slice(0, 4000).join('');
  const converted = toSimplified(head);
  let changed = 0;
  for (let i = 0; i < head.length && i < converted.length; i++) if (head[i] !== converted[i]) changed++;
  return changed / head.length > 0.03;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1000));
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The ranges of a whole text that are HTML markup (scripts and styles with their content, tags, comments, entities). */
export function htmlNoise(text: string): Range[] {
  return [...text.matchAll(HTML_NOISE)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The lines of a document: one per file line, except that a file line longer than a paragraph is cut
 * into logical lines (`fileLine` says where each comes from). HTML markup is found on the whole text,
 * so a script or tag spread over several lines is removed whole.
 */
export function toLines(text: string, options: NormaliseOptions): Line[] {
  const noise = options.stripHtml ? htmlNoise(text) : [];
  let next = 0;
  const lines: Line[] = [];
  const ends = /\r\n|\r|\n/g;
  let lineStart = 0;
  splitLines(text).forEach((fileText, index) => {
    const fileLine = index + 1;
    let textOffset = 0;
    let pieceStart = 0;
    for (const piece of splitLongLine(fileText)) {
      const from = lineStart + pieceStart;
      const to = from + piece.length;
      while (next < noise.length && noise[next]![1] <= from) next++;
      const ranges: Range[] = [];
      for (let k = next; k < noise.length && noise[k]![0] < to; k++) {
        ranges.push([Math.max(noise[k]![0], from) - from, Math.min(noise[k]![1], to) - from]);
      }
      const { text: matched, map } = normaliseLine(piece, options, ranges);
      const number = lines.length + 1;
      const line: Line = { number, original: piece, text: matched };
      if (map) line.map = map;
      if (number !== fileLine) line.fileLine = fileLine;
      if (pieceStart > 0) line.fileOffset = textOffset;
      lines.push(line);
      textOffset += matched.length;
      pieceStart += piece.length;
    }
    const end = ends.exec(text);
    lineStart = end ? end.index + end[0].length : text.length;
  });
  return lines;
}

/** The exact characters of the original line behind `text.slice(start, end)` (noise characters left out). */
export function originalSurface(line: Line, start: number, end: number): string {
  if (!line.map) return line.text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) out += line.original[line.map[i]!] ?? '';
  return out;
}

/**
 * The original line's text from the first to the last unit behind `text.slice(start, end)`, with what
 * was removed inside it (上ang海国投): a mention's verbatim surface, a substring of the line.
 */
export function verbatimSurface(line: Line, start: number, end: number): string {
  if (!line.map || end <= start) return line.text.slice(start, end);
  return line.original.slice(line.map[start]!, line.map[end - 1]! + 1);
}
