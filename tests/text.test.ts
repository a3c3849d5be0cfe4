import { describe, expect, it } from 'vitest';
import { adjoins, outermost, sentenceBounds, sentenceSpans } from '../src/util/text.js';

describe('sentences of a transcript line', () => {
  const line = '阿里云与中国一汽签署战略合作协议。双方将共建大模型；未来可期！';

  it('sentenceSpans gives every sentence, the breaks between them left out', () => {
    expect([...sentenceSpans(line)].map(([start, end]) => line.slice(start, end))).toEqual(['阿里云与中国一汽签署战略合作协议', '双方将共建大模型', '未来可期', '']);
    expect([...sentenceSpans('没有句号')]).toEqual([[0, 4]]);
  });

  it('sentenceBounds gives the sentence around a span', () => {
    const at = line.indexOf('共建');
    expect(line.slice(...sentenceBounds(line, at))).toBe('双方将共建大模型');
    expect(line.slice(...sentenceBounds(line, 0, 3))).toBe('阿里云与中国一汽签署战略合作协议');
  });
});

describe('spans of a line', () => {
  it('adjoins: right after, or after one 的, nothing else', () => {
    const line = '字节的豆包大模型，华为云盘古大模型，腾讯 混元';
    expect(adjoins(line, 2, 3)).toBe(true); // 字节的|豆包
    expect(adjoins(line, line.indexOf('盘古'), line.indexOf('盘古'))).toBe(true);
    expect(adjoins(line, 2, 2)).toBe(true);
    expect(adjoins(line, line.indexOf(' '), line.indexOf('混元'))).toBe(false); // a space is not 的
    expect(adjoins(line, 1, 3)).toBe(false);
  });

  it('outermost: a span inside a longer one goes, in the order given; equal spans both stay', () => {
    const institute = { start: 0, end: 10 };
    const academy = { start: 0, end: 5 };
    const other = { start: 11, end: 15 };
    const twin = { start: 11, end: 15 };
    expect(outermost([academy, institute, other, twin])).toEqual([institute, other, twin]);
  });
});
