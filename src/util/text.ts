/** Normal form used to compare names: NFKC, lower case, white space and punctuation removed (gold/README.md). */
export function normalizeName(text: string): string {
  if (HAN_ONLY.test(text)) return text;
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Common CJK ideographs only: NFKC, case and punctuation removal leave such text unchanged. */
const HAN_ONLY = /^[\u4e00-\u9fff]*$/;

export const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
export const HAN_CHAR = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN_CHAR.test(text);
}

export function isLatinName(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 .&'’\-+·]*$/.test(text);
}

/** Characters that end a clause in a transcript line. */
export const CLAUSE_BREAK = /[。！？!?；;，,、：:\s（）()《》「」『』“”"【】\[\]…—]/;
export const SENTENCE_BREAK = /[。！？!?；;]/;
/** What may open a paragraph before the organisation it is about: a list number, a heading in brackets (3. 智谱｜…, 【新闻稿】). */
export const PARAGRAPH_LEAD = /^\s*(?:\d{1,2}\s*[.、)）．]\s*|[（(]\d{1,2}[)）]\s*|【[^】]{0,20}】\s*)?$/;

/** The sentence around text[start, end): from just after the break before it to the break after it (left out). */
export function sentenceBounds(text: string, start: number, end = start): [number, number] {
  let from = start;
  while (from > 0 && !SENTENCE_BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_BREAK.test(text[to]!)) to++;
  return [from, to];
}

/** Every sentence of a text, as [start, end) offsets; the breaks between them belong to none. */
export function* sentenceSpans(text: string): Generator<[number, number]> {
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_BREAK.test(text[i]!)) continue;
    yield [from, i];
    from = i + 1;
  }
}

/** Whether what starts at `rightStart` follows what ends at `leftEnd` directly or after one 的 (字节的豆包, 华为云盘古). */
export function adjoins(text: string, leftEnd: number, rightStart: number): boolean {
  return rightStart === leftEnd || (rightStart === leftEnd + 1 && text[leftEnd] === '的');
}

/** The spans not inside a longer one: 中国科学院 of 中国科学院自动化研究所 goes, the institute stays. */
export function outermost<T extends { start: number; end: number }>(spans: T[]): T[] {
  return spans.filter((m) => !spans.some((o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
}

export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export function uniq<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Levenshtein distance, giving up (returning limit + 1) once every path exceeds the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** What a number that is no version counts or dates (3。5亿, 5。5月): the characters that may follow it (and %). */
export const COUNTER_AFTER_NUMBER = '亿万千百倍个年月日号秒分元位条家种款次';

/** ASR writes a version's decimal point as a full stop (SpatialLM 1。5, GLM-4。5). */
export function asDecimal(written: string): string {
  return written.replace(/(\d)[。．](\d)/g, '$1.$2');
}

/** The name a form written with ASR's full stop for a decimal point implies, as a mention's impliedName. */
export function decimalName(written: string): { impliedName: string } | Record<string, never> {
  const name = asDecimal(written);
  return name !== written ? { impliedName: name } : {};
}
