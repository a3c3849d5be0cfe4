import type { ForumInfo } from './schema.js';

const EPISODE_WITH_DATE = /^(?:P\d+\s*[：:]\s*)?(\d{4})(\d{2})(\d{2})\s*[-–—_]\s*(.+)$/;
const DATE_IN_TEXT = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const COMPACT_DATE = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

/** A short line ending in what names a forum (论坛, 大会, 峰会, Forum …), brackets and dates aside. */
const PLAIN_TITLE = /^.{2,60}(?:论坛|大会|峰会|研讨会|发布会|年会|开幕式|闭幕式|沙龙|分论坛|Forum|Summit|Conference)[\s\d()（）【】\[\]年月日.\-–—/]*$/i;
/** How speech starts, not a title: 欢迎来到论坛, 各位…大会. */
const SPEECH_START = /^(欢迎|各位|尊敬|大家|谢谢|感谢|我们|今天|好的?|那么|接下来|下面|现在|首先|Welcome|Good)/i;

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
 * `# <series> - P33：20240705-<forum title> - <uploader> - <video id>`, or from a plain heading, or from a
 * first line that names a forum; falls back to the file name.
 */
export function parseForumInfo(lines: string[], fileName: string): ForumInfo {
  const headingIndex = lines.findIndex((l) => l.trim() !== '');
  const heading = headingIndex >= 0 ? lines[headingIndex]!.trim() : '';
  const fallbackTitle = fileName.replace(/\.(txt|md)$/i, '');
  if (!heading.startsWith('#')) {
    // a plain first line that names the forum: "2026世界人工智能大会 智能体产业发展论坛"
    if (PLAIN_TITLE.test(heading) && !SPEECH_START.test(heading) && !/[。！？!?，,；;]/.test(heading)) {
      return { title: heading, date: findDate(heading) ?? findDate(fileName), series: null };
    }
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
