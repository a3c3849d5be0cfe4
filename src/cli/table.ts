/** Plain-text tables for the terminal, aligned for CJK text (a wide character takes two columns). */

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Control characters (a name could hold a line break or an escape sequence) shown as visible marks. */
export function printable(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export interface TableRow {
  cells: string[];
  /** Lines printed under the row, indented (evidence quotes, lists too long for a column). */
  notes?: string[];
}

export function textTable(columns: string[], rows: TableRow[], indent = ''): string {
  const cells = rows.map((r) => r.cells.map(printable));
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: string[]) => indent + row.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join('  ').trimEnd();
  const out = [line(columns), indent + widths.map((w) => '─'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    out.push(line(cells[i]!));
    for (const note of row.notes ?? []) out.push(`${indent}    ${printable(note)}`);
  });
  return out.join('\n') + '\n';
}
