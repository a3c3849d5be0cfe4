import { describe, expect, it } from 'vitest';
import { sentenceBounds, sentenceSpans } from '../src/util/text.js';

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
