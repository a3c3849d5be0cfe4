import { pinyin } from 'pinyin-pro';
import { editDistance } from '../util/text.js';

const HAN = /\p{Script=Han}/u;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/**
 * Folds the confusions that speech recognition and southern accents make between syllables:
 * zh/z, ch/c, sh/s, n/l, f/h initials and in/ing, en/eng, an/ang finals.
 */
export function foldSyllable(syllable: string): string {
  let s = syllable.toLowerCase().replace(/ü|v/g, 'u');
  s = s.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/^n(?=[aeiou])/, 'l').replace(/^f/, 'h');
  s = s.replace(/ing$/, 'in').replace(/eng$/, 'en').replace(/ang$/, 'an');
  return s;
}

const readingsCache = new Map<string, string[]>();

/** All toneless readings of a Han character (polyphones have several), folded; other characters map to themselves. */
export function charReadings(ch: string): string[] {
  let cached = readingsCache.get(ch);
  if (cached) return cached;
  if (isHan(ch)) {
    const raw = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
    cached = [...new Set(raw.map(foldSyllable))];
    if (cached.length === 0) cached = [ch];
  } else {
    cached = [ch.toLowerCase()];
  }
  readingsCache.set(ch, cached);
  return cached;
}

/** The plain toneless pinyin of a text in context (for display in merge reports). */
export function displayPinyin(text: string): string {
  return (pinyin(text, { toneType: 'none', type: 'array' }) as string[]).join(' ');
}

/** The folded key of a name using each character's first reading in context. */
export function foldedKey(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' }) as string[];
  return syllables.map(foldSyllable).join(' ');
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];

function splitSyllable(s: string): [string, string] {
  for (const ini of INITIALS) if (s.startsWith(ini)) return [ini, s.slice(ini.length)];
  return ['', s];
}

/** Pairs of initials that ASR confuses beyond the folded ones (aspiration: d/t, b/p, g/k, j/q). */
const NEAR_INITIALS = new Set(['d|t', 't|d', 'b|p', 'p|b', 'g|k', 'k|g', 'j|q', 'q|j', 'j|z', 'z|j', 'q|c', 'c|q', 'x|s', 's|x', 'l|r', 'r|l', 'y|', '|y', 'w|', '|w']);

/** What two characters cost that sound the same only by a reading other than the usual one of either. */
const RARE_READING_COST = 0.3;

/**
 * Cost of reading syllable a as b: 0 when their usual readings fold to the same key, RARE_READING_COST when
 * only another reading does, 0.5 when only the initial differs in a usual way, 0.6 when only the final
 * differs, 0.7 when the finals agree under other initials, 1 otherwise.
 */
export function syllableCost(aReadings: string[], bReadings: string[]): number {
  let best = 1;
  for (const a of aReadings) {
    for (const b of bReadings) {
      // a rare reading (zhi of 拓, besides tuo) makes two characters only near, not the same
      if (a === b) {
        if (a === aReadings[0] && b === bReadings[0]) return 0;
        best = Math.min(best, RARE_READING_COST);
        continue;
      }
      const [ai, af] = splitSyllable(a);
      const [bi, bf] = splitSyllable(b);
      if (af === bf && NEAR_INITIALS.has(`${ai}|${bi}`)) best = Math.min(best, 0.5);
      else if (af === bf) best = Math.min(best, 0.7);
      else if (ai === bi && ai !== '') best = Math.min(best, 0.6);
    }
  }
  return best;
}

/** Summed syllable cost of two equal-length names, or Infinity when lengths differ. */
export function nameCost(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  if (ac.length !== bc.length) return Infinity;
  let cost = 0;
  for (let i = 0; i < ac.length; i++) {
    if (ac[i] === bc[i]) continue;
    cost += syllableCost(charReadings(ac[i]!), charReadings(bc[i]!));
  }
  return cost;
}

/** The largest cost a fuzzy (non-homophone) match of a name of this many characters may have. */
export function fuzzyBudget(length: number): number {
  if (length < 3) return 0;
  if (length === 3) return 0.7;
  if (length === 4) return 0.5;
  if (length === 5) return 0.9;
  return 1.5;
}

/** The letters of a Latin name, lower case, without spaces or punctuation (Michael Brand → michaelbrand). */
export function latinLetters(latin: string): string {
  return latin.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * Whether a Latin name spells a Han name of two to four characters in pinyin, surname first or last, with one letter
 * of slack in names of eight letters or more (Ye Zhenzhen = 叶珍珍, Cao Yung Gang ≈ 曹永刚).
 */
export function spellsName(latin: string, han: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(han)) return false;
  const letters = latinLetters(latin);
  const slack = letters.length >= 8 ? 1 : 0;
  const syllables = (pinyin(han, { toneType: 'none', type: 'array' }) as string[]).map((s) => s.replace(/ü|v/g, 'u'));
  return [syllables.join(''), [...syllables.slice(1), syllables[0]].join('')].some((key) => editDistance(letters, key, slack) <= slack);
}
