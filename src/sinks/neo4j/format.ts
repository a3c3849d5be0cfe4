import { isNode, isPath, isRelationship, isDate, isDateTime, type Node, type Path, type Relationship } from 'neo4j-driver';
import { csvTable } from '../export/csv.js';
import type { QueryResult } from './queries.js';

/** Query results as plain JSON values: nodes and relationships as {labels|type, ...properties}, paths as their segments. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value as object)) {
    const node = value as Node;
    return { labels: node.labels, ...plainProperties(node.properties) };
  }
  if (isRelationship(value as object)) {
    const rel = value as Relationship;
    return { type: rel.type, ...plainProperties(rel.properties) };
  }
  if (isPath(value as object)) {
    const path = value as Path;
    return { start: plainValue(path.start), segments: path.segments.map((s) => ({ relationship: plainValue(s.relationship), end: plainValue(s.end) })) };
  }
  if (isDate(value as object) || isDateTime(value as object)) return String(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && value.constructor === Object) return plainProperties(value as Record<string, unknown>);
  return value;
}

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, plainValue(v)]));
}

function nodeText(node: Node): string {
  return `(${node.labels[0] ?? ''} ${String(node.properties.name ?? node.properties.id ?? node.elementId)})`;
}

/** One cell of text: lists joined with "; ", nodes as (Label name), paths as (a)-[TYPE]->(b). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isNode(value as object)) return nodeText(value as Node);
  if (isRelationship(value as object)) return `[${(value as Relationship).type}]`;
  if (isPath(value as object)) {
    const path = value as Path;
    let text = nodeText(path.start);
    let at = path.start;
    for (const segment of path.segments) {
      const forward = segment.relationship.startNodeElementId === at.elementId;
      text += forward ? `-[${segment.relationship.type}]->` : `<-[${segment.relationship.type}]-`;
      text += nodeText(segment.end);
      at = segment.end;
    }
    return text;
  }
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object' && value.constructor === Object) return JSON.stringify(plainValue(value));
  return String(value);
}

/** Columns wide enough for CJK text (two cells per wide character). */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return width;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ');
  if (displayWidth(flat) <= width) return flat;
  let out = '';
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export type OutputFormat = 'table' | 'csv' | 'json';

export function formatResult(result: QueryResult, format: OutputFormat, options: { maxCellWidth?: number } = {}): string {
  if (format === 'json') return JSON.stringify(result.rows.map((r) => plainProperties(r)), null, 2) + '\n';
  const cells = result.rows.map((r) => result.columns.map((c) => cellText(r[c])));
  if (format === 'csv') return csvTable(result.columns, cells, { spreadsheetSafe: true });
  const maxWidth = options.maxCellWidth ?? 60;
  const clipped = cells.map((row) => row.map((c) => clip(c, maxWidth)));
  const widths = result.columns.map((c, i) => Math.max(displayWidth(c), ...clipped.map((row) => displayWidth(row[i]!))));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join(' │ ').trimEnd();
  const out = [line(result.columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...clipped.map(line)];
  out.push(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}
