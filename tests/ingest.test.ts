import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { decodeBytes, documentFromBytes, isRejection, normaliseLine, originalSurface, parseForumInfo } from '../src/ingest/index.js';

const seed = (name: string) => readFileSync(new URL(`../seeds/${name}`, import.meta.url));

describe('decoding', () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    const text = '中国电信星辰大模型\r\n第二行';
    expect(decodeBytes(Buffer.from(text))).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ ok: true, text });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });

  it('reads GBK', () => {
    const text = '商汤科技与华为签署昇腾原生应用开发合作协议。'.repeat(5);
    const decoded = decodeBytes(iconv.encode(text, 'gbk'));
    expect(decoded).toMatchObject({ ok: true, text });
  });

  it('refuses binary content with a reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const decoded = decodeBytes(png);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok === false && decoded.reason).toMatch(/PNG/);
  });
});

describe('line normalisation', () => {
  it('removes image links, emoji and music marks but keeps the exact original surface', () => {
    const original = '🎼中国电信率先提出打造![](img/x.png)科技型企业😊。';
    const { text, map } = normaliseLine(original, { traditional: false, stripHtml: false });
    expect(text).toBe('中国电信率先提出打造科技型企业。');
    const line = { number: 3, original, text, map };
    const at = text.indexOf('中国电信');
    expect(originalSurface(line, at, at + 4)).toBe('中国电信');
  });

  it('drops pinyin residue between Han characters (上ang海) but keeps real Latin words (用app的, 做ai的)', () => {
    const original = '上ang海国投副总裁杜文，我们用app的方式做ai的应用';
    const { text, map } = normaliseLine(original, { traditional: false, stripHtml: false });
    expect(text).toBe('上海国投副总裁杜文，我们用app的方式做ai的应用');
    expect(originalSurface({ number: 1, original, text, map }, 0, 4)).toBe('上海国投');
    expect(map?.[2]).toBe(5);
  });

  it('matches traditional Chinese as simplified while mentions keep the original characters', () => {
    const original = '商湯科技與華為雲簽署合作協議';
    const { text, map } = normaliseLine(original, { traditional: true, stripHtml: false });
    expect(text).toBe('商汤科技与华为云签署合作协议');
    expect(originalSurface({ number: 1, original, text, map }, 0, 4)).toBe('商湯科技');
  });
});

describe('forum title', () => {
  it('parses the title line of a WAIC transcript into title and date', () => {
    const first = seed('000_fd0956bc4824aa51.txt').toString('utf8').split('\n')[0]!;
    expect(parseForumInfo([first], '000.txt')).toEqual({
      title: '星辰注智 焕新领航——中国电信星辰人工智能生态论坛',
      date: '2024-07-05',
      series: '2024世界人工智能大会',
    });
  });

  it('falls back to the file name when there is no heading', () => {
    expect(parseForumInfo(['今天我们讨论大模型。'], '20240706-圆桌.txt')).toEqual({ title: '20240706-圆桌', date: '2024-07-06', series: null });
    // a first line that names the forum is its title; speech that mentions one is not
    expect(parseForumInfo(['2026世界人工智能大会 智能体产业发展论坛', '主持人：…'], 'a.txt')).toEqual({ title: '2026世界人工智能大会 智能体产业发展论坛', date: null, series: null });
    expect(parseForumInfo(['具身智能分论坛（2025年7月26日）'], 'a.txt')).toEqual({ title: '具身智能分论坛（2025年7月26日）', date: '2025-07-26', series: null });
    expect(parseForumInfo(['欢迎来到智能体论坛'], 'b.txt').title).toBe('b');
    expect(parseForumInfo(['我们今天在这个论坛上，讨论大模型'], 'c.txt').title).toBe('c');
  });
});

describe('documents', () => {
  it('keeps line numbers of the seed transcript (image lines become empty)', () => {
    const doc = documentFromBytes('000_fd0956bc4824aa51.txt', seed('000_fd0956bc4824aa51.txt'));
    expect(isRejection(doc)).toBe(false);
    if (isRejection(doc)) return;
    expect(doc.lines).toHaveLength(readFileSync(new URL('../seeds/000_fd0956bc4824aa51.txt', import.meta.url), 'utf8').split('\n').length);
    expect(doc.lines[2]!.original).toMatch(/^!\[\]\(img/);
    expect(doc.lines[2]!.text).toBe('');
    expect(doc.lines[1232]!.text).toContain('中国电信、中国中车');
  });

  it('rejects an empty file and a whitespace-only file', () => {
    expect(documentFromBytes('empty.txt', Buffer.alloc(0))).toMatchObject({ reason: expect.stringMatching(/empty/) });
    expect(documentFromBytes('blank.txt', Buffer.from('  \n\t\n'))).toMatchObject({ reason: expect.stringMatching(/empty/) });
  });
});
