import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphSchema } from '../src/graph/schema.js';
import { relationshipTables } from '../src/sinks/export/csv.js';
import { graphJson } from '../src/sinks/export/index.js';
import { buildSeeds, forumkg } from './helpers.js';

/** An RFC 4180 reader, to check what a spreadsheet or pandas would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

const formulaGraph = GraphSchema.parse({
  version: 1,
  sources: [],
  nodes: ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', 'Plain, "quoted"\nname'].map((name, i) => ({
    id: `org:${i}`, label: 'Organization', name, aliases: [], properties: { kind: 'company' }, mentions: [],
  })),
  relationships: [1, 2, 3, 4].map((i) => ({
    id: `PARTNERS_WITH:org:0->org:${i}`, type: 'PARTNERS_WITH', start: 'org:0', end: `org:${i}`, properties: { basis: 'stated', forums: [] },
    evidence: [{ source: 'a.txt', line: i, quote: `=cmd|' /C calc'!A0 "said"` }, { source: 'b.txt', line: 9, quote: 'second, line' }],
  })),
});

describe('relationship tables (CSV)', () => {
  it('quote per RFC 4180 and neutralise cells that start with = + - @', () => {
    const rows = parseCsv(relationshipTables(formulaGraph).get('partnerships.csv')!);
    expect(rows[0]).toEqual(['organization_a', 'organization_b', 'basis', 'forums', 'evidence']);
    expect(rows).toHaveLength(5);
    const cells = rows.slice(1).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://x","y")`);
    expect(cells).toContain('Plain, "quoted"\nname');
    expect(cells).toContain(`a.txt:1: =cmd|' /C calc'!A0 "said"\nb.txt:9: second, line`);
  });

  it('forumkg export csv writes the five tables from graph.json, the same as forumkg build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-export-'));
    const { graph } = await buildSeeds();
    writeFileSync(path.join(dir, 'graph.json'), graphJson(graph));
    const result = forumkg(['export', 'csv', '--graph', path.join(dir, 'graph.json'), '--out', path.join(dir, 'tables')]);
    expect(result.code, result.stderr).toBe(0);
    for (const [file, content] of relationshipTables(graph)) expect(readFileSync(path.join(dir, 'tables', file), 'utf8')).toBe(content);
    const signings = parseCsv(readFileSync(path.join(dir, 'tables', 'signings.csv'), 'utf8'));
    expect(signings[0]).toEqual(['event', 'participant', 'role', 'on_behalf_of', 'forum', 'evidence']);
    expect(signings.slice(1).some((r) => r[2] === 'signatory' && r[4] !== '')).toBe(true);
  });
});
