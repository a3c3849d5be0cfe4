import * as OpenCC from 'opencc-js';
import type { Line } from './schema.js';

const IMAGE_LINK = /!\[[^\]\n]*\]\([^)\n]*\)/g;
/** Emoji, music marks and invisible joiners that ASR tools sprinkle into transcripts. */
const NOISE_CHAR = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200B}-\u{200D}\u{2060}\u{FEFF}♩♪♫♬]/u;
const HTML_TAG = /<[^>\n]{1,200}>/g;

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

export interface NormaliseOptions {
  /** Convert traditional characters to simplified for matching (detected per document by default). */
  traditional: boolean;
  /** Strip HTML tags (for documents that are web pages saved as text). */
  stripHtml: boolean;
}

/**
 * Builds the matching text of a line: image links, HTML tags (when asked), emoji and music marks
 * removed, traditional characters converted. Returns the text and, for each of its UTF-16 units,
 * the index of the unit in the original line it came from (omitted when the two are identical).
 */
export function normaliseLine(original: string, options: NormaliseOptions): { text: string; map?: number[] } {
  const removed = new Uint8Array(original.length);
  let anyRemoved = false;
  const markRange = (re: RegExp) => {
    re.lastIndex = 0;
    for (const m of original.matchAll(re)) {
      removed.fill(1, m.index, m.index + m[0].length);
      anyRemoved = true;
    }
  };
  markRange(IMAGE_LINK);
  if (options.stripHtml) markRange(HTML_TAG);
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
    const simplified = toSimplified(text);
    // OpenCC's phrase tables can change a phrase's length; keep offsets exact by converting only when they agree.
    if (simplified.length === text.length && simplified !== text) {
      text = simplified;
      anyRemoved = true;
    }
  }
  return anyRemoved ? { text: text.trim() === '' ? '' : text, map } : { text };
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

export function toLines(text: string, options: NormaliseOptions): Line[] {
  return splitLines(text).map((original, index) => {
    const { text: matched, map } = normaliseLine(original, options);
    return map ? { number: index + 1, original, text: matched, map } : { number: index + 1, original, text: matched };
  });
}

/** The exact characters of the original line behind `text.slice(start, end)` (noise characters left out). */
export function originalSurface(line: Line, start: number, end: number): string {
  if (!line.map) return line.text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) out += line.original[line.map[i]!] ?? '';
  return out;
}
