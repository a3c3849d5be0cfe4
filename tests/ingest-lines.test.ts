import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExtractor, extractDocument } from '../src/extract/index.js';
import { citeFileLines, documentFromBytes, isRejection, LOGICAL_LINE_CHARS, longestLine, splitLongLine, toLines, type Document } from '../src/ingest/index.js';
import { loadLexicon } from '../src/pipeline.js';
import { SEEDS } from './helpers.js';

const seed = readFileSync(path.join(SEEDS, '000_fd0956bc4824aa51.txt'), 'utf8');

describe('long lines', () => {
  it('finds the longest line whatever the line ends', () => {
    expect(longestLine('ab\r\nabcd\rabc\nx')).toEqual({ line: 2, length: 4 });
    expect(longestLine('')).toEqual({ line: 1, length: 0 });
    expect(longestLine('a\n\nabc')).toEqual({ line: 3, length: 3 });
  });

  it('cuts a long line after sentence ends into pieces that give the line back', () => {
    const line = seed.split('\n').slice(1).join('');
    const pieces = splitLongLine(line, 1000);
    expect(pieces.join('')).toBe(line);
    expect(pieces.length).toBeGreaterThan(line.length / 1000);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。！？!?；;…]$/);
  });

  it('cuts text without punctuation at pauses, else at the limit, never inside a surrogate pair', () => {
    expect(splitLongLine('甲乙丙，丁戊己，庚辛', 8)).toEqual(['甲乙丙，丁戊己，', '庚辛']);
    const emoji = '😊'.repeat(10);
    const pieces = splitLongLine(emoji, 5);
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(piece).toMatch(/^(😊)+$/u);
  });

  it('numbers the pieces of a cut line as logical lines that remember their file line and offset', () => {
    const long = '今天。'.repeat(LOGICAL_LINE_CHARS);
    const lines = toLines(`标题\n${long}\n结尾`, { traditional: false, stripHtml: false });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map((l) => l.number)).toEqual(lines.map((_, i) => i + 1));
    expect(lines[0]).toEqual({ number: 1, original: '标题', text: '标题' });
    const pieces = lines.slice(1, -1);
    expect(pieces.every((l) => (l.fileLine ?? l.number) === 2)).toBe(true);
    expect(pieces.map((l) => l.original).join('')).toBe(long);
    expect(pieces.map((l) => l.fileOffset ?? 0)).toEqual(pieces.map((_, i) => pieces.slice(0, i).reduce((n, l) => n + l.text.length, 0)));
    expect(lines.at(-1)).toMatchObject({ original: '结尾', fileLine: 3 });
  });
});

describe('HTML pages', () => {
  it('drops scripts, styles, comments and tags spread over lines, keeping line numbers', () => {
    const page = ['<html><head><script>', 'var a = "华为";', '</script><style>', 'p { color: red }', '</style></head>', '<body><p', '  class="x">中国电信</p><!-- 百度', '--> &nbsp;商汤科技</body></html>'].join('\n');
    const lines = toLines(page, { traditional: false, stripHtml: true });
    expect(lines.map((l) => l.text.trim())).toEqual(['', '', '', '', '', '', '中国电信', '商汤科技']);
  });
});

describe('citing file lines', () => {
  it('turns the logical lines of a cut line back into the file line, with offsets into its matching text', () => {
    const [heading, ...body] = seed.split('\n');
    const doc = documentFromBytes('one-line.txt', Buffer.from(`${heading}\n${body.join('')}\n`)) as Document;
    expect(isRejection(doc)).toBe(false);
    expect(doc.lines.length).toBeGreaterThan(10);
    const extraction = citeFileLines(extractDocument(doc, createExtractor(loadLexicon())), doc);
    const fileText = doc.lines.filter((l) => (l.fileLine ?? l.number) === 2).map((l) => l.text).join('');
    const fileLine = `${body.join('')}`;
    expect(extraction.mentions.length).toBeGreaterThan(300);
    for (const m of extraction.mentions) {
      expect(m.line).toBeLessThanOrEqual(2);
      if (m.line === 2) {
        expect(fileText.slice(m.start, m.end)).toBe(m.form);
        expect(fileLine).toContain(m.text);
      }
    }
    for (const r of extraction.relations) expect(r.evidence.line).toBeLessThanOrEqual(2);
    for (const s of extraction.signings) for (const l of s.lines) expect(l).toBeLessThanOrEqual(2);
  }, 120_000);
});
