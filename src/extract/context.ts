import { originalSurface, verbatimSurface } from '../ingest/normalise.js';
import type { Document, Line } from '../ingest/schema.js';
import type { LexEntry, Lexicon } from '../lexicon/lexicon.js';
import { sentenceBounds } from '../util/text.js';
import type { EvidenceRef, ExtractedMention } from './schema.js';
import type { Segmenter } from './segment.js';

const QUOTE_MAX = 160;

/** Everything the extraction steps of one document share: its lines, the lexicon, the segmenter and the mentions so far. */
export class DocumentContext {
  readonly mentions: ExtractedMention[] = [];
  private readonly byLine = new Map<number, ExtractedMention[]>();
  private nextId = 0;

  constructor(
    readonly doc: Document,
    readonly lexicon: Lexicon,
    readonly segmenter: Segmenter,
  ) {}

  get source(): string {
    return this.doc.file;
  }

  /** Lines with text to match, skipping the title heading. */
  *contentLines(): Generator<Line> {
    for (const line of this.doc.lines) if (line.text.trim() !== '' && !(line.number === 1 && line.text.startsWith('#'))) yield line;
  }

  line(number: number): Line {
    return this.doc.lines[number - 1]!;
  }

  /** The sentence around [start, end) of a line, cut to a readable length. */
  quote(line: Line, start: number, end = start): string {
    const text = line.text;
    let [from, to] = sentenceBounds(text, start, end);
    if (to < text.length) to++; // with its break
    if (to - from > QUOTE_MAX) {
      from = Math.max(from, start - 60);
      to = Math.min(to, Math.max(end + 60, from + QUOTE_MAX));
    }
    const quote = originalSurface(line, from, to).trim();
    return quote || text.slice(start, end) || text.slice(0, QUOTE_MAX);
  }

  evidence(line: Line, start: number, end = start): EvidenceRef {
    return { source: this.source, line: line.number, quote: this.quote(line, start, end) };
  }

  surface(line: Line, start: number, end: number): string {
    return verbatimSurface(line, start, end);
  }

  /** Adds a mention unless one of the same type already covers exactly that span; returns the kept one. */
  addMention(m: Omit<ExtractedMention, 'id' | 'source' | 'text' | 'form'> & { form?: string }, line: Line): ExtractedMention {
    const existing = this.mentionsOnLine(line.number).find((x) => x.start === m.start && x.end === m.end && x.type === m.type);
    if (existing) {
      if (m.titles?.length) existing.titles = [...new Set([...(existing.titles ?? []), ...m.titles])];
      if (!existing.kind && m.kind) existing.kind = m.kind;
      return existing;
    }
    const form = m.form ?? line.text.slice(m.start, m.end);
    const mention: ExtractedMention = { ...m, id: `m${this.nextId++}`, source: this.source, text: this.surface(line, m.start, m.end) || form, form };
    this.mentions.push(mention);
    const onLine = this.byLine.get(line.number);
    if (onLine) onLine.push(mention);
    else this.byLine.set(line.number, [mention]);
    return mention;
  }

  /** Takes back a mention a later step found to be part of something else (a department's name). */
  removeMention(mention: ExtractedMention): void {
    const at = this.mentions.indexOf(mention);
    if (at >= 0) this.mentions.splice(at, 1);
    const onLine = this.byLine.get(mention.line);
    if (onLine) onLine.splice(onLine.indexOf(mention), 1);
  }

  /** Mentions of a line that overlap [start, end). */
  overlapping(lineNumber: number, start: number, end: number): ExtractedMention[] {
    return this.mentionsOnLine(lineNumber).filter((m) => m.start < end && start < m.end);
  }

  /** The known organisations a form sounds like (weak aliases included) that this transcript names somewhere. */
  organizationsNamedLike(form: string): LexEntry[] {
    return this.lexicon.homophones(form, 'Organization', { weak: true }).filter((entry) => this.mentions.some((m) => m.lexiconName === entry.name));
  }

  mentionsOnLine(lineNumber: number): ExtractedMention[] {
    return this.byLine.get(lineNumber) ?? [];
  }
}
