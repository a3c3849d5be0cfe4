import type { ForumInfo } from './schema.js';

const EPISODE_WITH_DATE = /^(?:P\d+\s*[：:]\s*)?(\d{4})(\d{2})(\d{2})\s*[-–—_]\s*(.+)$/;
const DATE_IN_TEXT = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const COMPACT_DATE = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function findDate(text: string): string | null {
  const compact = COMPACT_DATE.exec(text);
  if (compact) return isoDate(compact[1]!, compact[2]!, compact[3]!);
  const spelled = DATE_IN_TEXT.exec(text);
  return spelled ? isoDate(spelled[1]!, spelled[2]!, spelled[3]!) : null;
}

/**
 * Reads the forum's title and date from the first heading of a transcript, in the form
 * `# <series> - P33：20240705-<forum title> - <uploader> - <video id>`, or from a plain heading;
 * falls back to the file name.
 */
export function parseForumInfo(lines: string[], fileName: string): ForumInfo {
  const headingIndex = lines.findIndex((l) => l.trim() !== '');
  const heading = headingIndex >= 0 ? lines[headingIndex]!.trim() : '';
  const fallbackTitle = fileName.replace(/\.(txt|md)$/i, '');
  if (!heading.startsWith('#')) {
    return { title: fallbackTitle, date: findDate(fileName), series: null };
  }
  const text = heading.replace(/^#+\s*/, '').trim();
  const parts = text.split(/\s+-\s+/).map((p) => p.trim()).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const m = EPISODE_WITH_DATE.exec(parts[i]!);
    if (m) {
      const title = m[4]!.trim();
      const series = i > 0 ? parts[0]!.replace(/[（(]合集[）)]/, '').trim() || null : null;
      return { title: title || fallbackTitle, date: isoDate(m[1]!, m[2]!, m[3]!), series };
    }
  }
  return { title: parts[0] ?? fallbackTitle, date: findDate(text) ?? findDate(fileName), series: null };
}
