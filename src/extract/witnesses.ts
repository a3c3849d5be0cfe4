import { sentenceBounds } from '../util/text.js';

/** Words that introduce the witnesses of a signing. */
export const WITNESS = /见证嘉宾|见证领导|见证人|见证/;

/** [start, end) ranges of a line that introduce witnesses rather than signing parties. */
export function witnessRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = new RegExp(WITNESS.source, 'g');
  for (const m of text.matchAll(re)) {
    const rest = text.slice(m.index);
    const stop = rest.search(/签约(?!嘉宾)|签署/);
    ranges.push([m.index, stop < 0 ? text.length : m.index + stop]);
    // the witness called up before the word: "有请上海市经信委副主任汤文侃见证签约"
    const [sentenceStart] = sentenceBounds(text, m.index);
    const before = text.slice(sentenceStart, m.index);
    const callUp = before.search(/有请|请出|欢迎|邀请/);
    if (callUp >= 0 && !/签约|签署/.test(before.slice(callUp))) ranges.push([sentenceStart + callUp, m.index]);
  }
  return ranges;
}

export function inRanges(m: { start: number; end: number }, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => m.start >= a && m.end <= b);
}

