import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArtifacts, contentText, graphJson, importFiles, jsonChunks, loadScript, relationshipTables, writeOutputs } from '../src/sinks/export/index.js';
import { embedJson, embedJsonPieces, graphHtml } from '../src/sinks/html/index.js';
import { buildSeeds } from './helpers.js';

/**
 * The outputs are made lazily and the large ones in pieces (so that a big build keeps one output in
 * memory at a time); joined, the pieces must be byte for byte what the whole-string functions give.
 */
describe('outputs written in pieces', () => {
  it('jsonChunks joins to exactly JSON.stringify, for any indent and depth', () => {
    const values: unknown[] = [
      { version: 1, empty: [], none: {}, skipped: undefined, fn: () => 1, list: [1, undefined, 'a\nb', { x: [[]], y: null }], nested: { deeper: { deepest: [1, 2, { z: '"q"' }] } } },
      [],
      {},
      [undefined, null, [], {}],
      '商汤\u2028</script>',
      { '<a>': ['&', '\u2029'] },
      { map: new Map([[1, 2]]), set: new Set([1]), typed: new Int32Array([1, 2]), date: new Date(0), sparse: [1, , 3] }, // eslint-disable-line no-sparse-arrays
      42,
      null,
    ];
    for (const value of values) {
      for (const indent of [0, 1, 2]) {
        for (const depth of [0, 1, 2, 3, 5]) {
          expect([...jsonChunks(value, indent, depth)].join(''), `indent ${indent}, depth ${depth}: ${JSON.stringify(value)}`).toBe(JSON.stringify(value, null, indent));
          expect([...embedJsonPieces(value)].join('')).toBe(embedJson(value));
        }
      }
    }
  });

  it('writes an iterable member of the first levels (made as it is read) as the array of its items', () => {
    function* items(n: number) {
      if (n > 0) yield { a: 1 };
      if (n > 1) yield [2, undefined];
    }
    const expected = JSON.stringify({ list: [{ a: 1 }, [2, undefined]], none: [] }, null, 1);
    for (const depth of [1, 2, 3]) expect([...jsonChunks({ list: items(2), none: items(0) }, 1, depth)].join('')).toBe(expected);
  });

  it('every file of a build is the same text as the whole-string functions give, in the same order', async () => {
    const result = await buildSeeds();
    const { graph } = result;
    const files = buildArtifacts({ graph, resolution: result.resolution, rejections: result.rejections, documents: result.documents });
    expect(contentText(files.get('graph.json')!)).toBe(graphJson(graph));
    expect(contentText(files.get('load.cypher')!)).toBe(loadScript(graph));
    expect(contentText(files.get('graph.html')!)).toBe(graphHtml(graph));
    for (const [name, text] of [...importFiles(graph), ...relationshipTables(graph)]) expect(contentText(files.get(`csv/${name}`)!), name).toBe(text);
    expect([...files.keys()].slice(0, 1 + importFiles(graph).size)).toEqual(['graph.json', ...[...importFiles(graph).keys()].map((n) => `csv/${n}`)]);

    const out = mkdtempSync(path.join(tmpdir(), 'forumkg-pieces-'));
    await writeOutputs(out, files);
    expect(readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe(graphJson(graph));
    expect(readFileSync(path.join(out, 'load.cypher'), 'utf8')).toBe(loadScript(graph));
    const manifest = JSON.parse(readFileSync(path.join(out, '.forumkg-manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual([...files.keys()].sort());
  });

  it('writes pieces byte for byte: a surrogate pair split between two pieces, a piece larger than the write buffer, a lone surrogate at the end', async () => {
    const emoji = '🦜'; // one character, two UTF-16 units
    const large = '商汤'.repeat(1_500_000); // 3,000,000 units: 9 MB of UTF-8, more than one buffer
    const pieces = ['a', emoji[0]!, emoji[1]! + 'b', large, emoji, 'end' + emoji[0]!];
    const out = mkdtempSync(path.join(tmpdir(), 'forumkg-pieces-'));
    await writeOutputs(out, new Map([['pieces.txt', () => pieces]]));
    const written = readFileSync(path.join(out, 'pieces.txt'));
    expect(written.equals(Buffer.from(pieces.join('')))).toBe(true);
    expect(written.toString('utf8').startsWith(`a${emoji}b商汤`)).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, '.forumkg-manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(manifest.files['pieces.txt']).toBe(createHash('sha256').update(written).digest('hex'));
  });
});
