import { describe, expect, it } from 'vitest';
import { detached, Memo } from '../src/util/memo.js';

describe('Memo, the bounded cache of repeated lookups', () => {
  it('computes a key once while it is kept, and keeps at most two generations of entries', () => {
    const memo = new Memo<number>(3);
    const computed: string[] = [];
    const length = (key: string) => (computed.push(key), key.length);
    for (const key of ['a', 'bb', 'a', 'ccc', 'a', 'bb']) expect(memo.get(key, length)).toBe(key.length);
    expect(computed).toEqual(['a', 'bb', 'ccc']);
    for (let i = 0; i < 100; i++) memo.get(`k${i}`, length);
    expect(memo.size).toBeLessThanOrEqual(6);
    // the oldest keys went, and are computed again when asked for
    computed.length = 0;
    memo.get('a', length);
    expect(computed).toEqual(['a']);
  });

  it('moves a value asked for again to the newer generation, so that it outlives the older one', () => {
    const memo = new Memo<string>(2);
    const computed: string[] = [];
    const upper = (key: string) => (computed.push(key), key.toUpperCase());
    // without the move, 'hot' would have gone with its generation when 'd' came, and been computed again
    for (const key of ['hot', 'a', 'b', 'hot', 'c', 'd', 'hot']) memo.get(key, upper);
    expect(computed).toEqual(['hot', 'a', 'b', 'c', 'd']);
  });

  it('keeps undefined as a value (a lookup that found nothing is not made again)', () => {
    const memo = new Memo<string | undefined>();
    let calls = 0;
    const nothing = () => (calls++, undefined);
    memo.get('无名', nothing);
    memo.get('无名', nothing);
    expect(calls).toBe(1);
  });

  it('detached gives the same text', () => {
    const transcript = '主持人：下面有请商汤科技董事长兼首席执行官徐立先生上台致辞。'.repeat(100);
    for (const [start, end] of [[0, 3], [5, 40], [100, 2000]] as const) expect(detached(transcript.slice(start, end))).toBe(transcript.slice(start, end));
  });
});
