import type { GraphNode, NodeLabel } from '../graph/schema.js';
import { displayPinyin, foldedKey } from '../lexicon/pinyin.js';
import { hasHan, normalizeName } from '../util/text.js';
import type { GraphIndex } from './graph-index.js';
import type { Candidate } from './schema.js';

/**
 * Finding a node by what a user types: its id, its name, any alias or abbreviation, any surface form it
 * was found under in a transcript (ASR variants included), compared after normalizeName. A forum is
 * also found by its title, its transcript's file name, or a part of its title.
 */
export type Lookup =
  | { status: 'found'; node: GraphNode; matched: string }
  | { status: 'ambiguous'; candidates: Candidate[] }
  /** `suggestions` are the close names, or when none is close, the single nearest (`close` false). */
  | { status: 'unknown'; suggestions: Candidate[]; close: boolean; otherLabels: Candidate[] };

const MAX_SUGGESTIONS = 5;
/** Suggestions closer than this (0 same, 1 nothing alike) are all listed; otherwise only the nearest. */
const CLOSE_ENOUGH = 0.5;

interface Form {
  text: string;
  key: string;
  /** 0: the name (or a forum's title or file), 1: an alias or a mention's text. */
  tier: 0 | 1;
}

function formsOf(node: GraphNode): Form[] {
  const primary = [node.name];
  if (node.label === 'Forum') primary.push(node.properties.title, node.properties.source);
  const forms: Form[] = [];
  const seen = new Set<string>();
  const add = (text: string, tier: 0 | 1) => {
    const key = normalizeName(text);
    if (key && !seen.has(key)) {
      seen.add(key);
      forms.push({ text, key, tier });
    }
  };
  primary.forEach((t) => add(t, 0));
  node.aliases.forEach((t) => add(t, 1));
  node.mentions.forEach((m) => add(m.text, 1));
  return forms;
}

/** What tells a candidate apart from others of the same name. */
export function describeNode(index: GraphIndex, node: GraphNode): string {
  switch (node.label) {
    case 'Person': {
      const jobs = index.out(node.id, 'AFFILIATED_WITH').map((r) => [index.name(r.end), r.properties.title].filter(Boolean).join(' '));
      return jobs.length ? jobs.join('; ') : node.properties.titles.join('、');
    }
    case 'Organization': return node.properties.kind;
    case 'Model': return node.properties.versions.join(', ');
    case 'Product': return node.properties.category;
    case 'SigningEvent': return [node.properties.date, index.signingForum(node.id)?.title].filter(Boolean).join(' ');
    case 'Forum': return [node.properties.date, node.properties.source].filter(Boolean).join(' ');
  }
}

function candidate(index: GraphIndex, node: GraphNode, reason: string): Candidate {
  return { id: node.id, label: node.label, name: node.name, detail: describeNode(index, node), reason };
}

function byMentions(a: GraphNode, b: GraphNode): number {
  return b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
}

/** Exact matches: the nodes whose name (tier 0) or else whose alias or mention (tier 1) equals the key. */
function exactMatches(nodes: GraphNode[], key: string): Array<{ node: GraphNode; form: Form }> {
  const hits = nodes.flatMap((node) => {
    const form = formsOf(node).find((f) => f.key === key);
    return form ? [{ node, form }] : [];
  });
  const byName = hits.filter((h) => h.form.tier === 0);
  return byName.length ? byName : hits;
}

export function lookupNode(index: GraphIndex, query: string, labels: readonly NodeLabel[], options: { partialTitles?: boolean } = {}): Lookup {
  const wanted = index.graph.nodes.filter((n) => labels.includes(n.label));
  const byId = index.nodes.get(query.trim());
  if (byId && labels.includes(byId.label)) return { status: 'found', node: byId, matched: byId.id };
  const key = normalizeName(query);
  if (key) {
    let hits = exactMatches(wanted, key);
    if (!hits.length && options.partialTitles) {
      hits = wanted.flatMap((node) => {
        const form = formsOf(node).find((f) => f.tier === 0 && f.key.includes(key));
        return form ? [{ node, form }] : [];
      });
    }
    if (hits.length === 1) return { status: 'found', node: hits[0]!.node, matched: hits[0]!.form.text };
    if (hits.length > 1) {
      return {
        status: 'ambiguous',
        candidates: hits.sort((a, b) => byMentions(a.node, b.node)).map((h) => candidate(index, h.node, h.form.tier === 0 ? 'name' : `also "${h.form.text}"`)),
      };
    }
  }
  const others = index.graph.nodes.filter((n) => !labels.includes(n.label));
  const { suggestions, close } = key ? nearest(index, wanted, key) : { suggestions: [], close: false };
  return {
    status: 'unknown',
    suggestions,
    close,
    otherLabels: key ? exactMatches(others, key).map((h) => candidate(index, h.node, h.form.tier === 0 ? 'name' : `also "${h.form.text}"`)) : [],
  };
}

/** Edit distance between two sequences (characters or syllables). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function relativeDistance<T>(a: readonly T[], b: readonly T[]): number {
  return editDistance(a, b) / Math.max(a.length, b.length, 1);
}

/** Forms longer than this (whole quoted lines of signing events) are not compared. */
const MAX_FORM_LENGTH = 40;

interface Closeness { score: number; reason: string }

/**
 * How close a typed name is to a node's form, 0 (same) to 1: by toneless pinyin with the usual ASR
 * confusions folded (an unseen homophone), by spelling, by one containing the other, and for Latin
 * input by the form's plain pinyin (shangtang → 商汤).
 */
function closeness(query: { key: string; chars: string[]; syllables: string[] | null }, form: Form, name: string): Closeness {
  const chars = [...form.key];
  const of = form.text === name ? '' : ` "${form.text}"`;
  let best: Closeness = { score: relativeDistance(query.chars, chars), reason: `spelled like${of || ' it'}` };
  const consider = (score: number, reason: string) => {
    if (score < best.score) best = { score, reason };
  };
  if (query.key.length >= 2 && chars.length >= 2 && (form.key.includes(query.key) || query.key.includes(form.key))) {
    consider(0.4 * (1 - Math.min(query.key.length, chars.length) / Math.max(query.key.length, chars.length)) + 0.1, form.key.includes(query.key) ? `part of${of || ' its name'}` : `contains${of || ' its name'}`);
  }
  if (query.syllables && hasHan(form.key)) {
    const syllables = foldedKey(form.key).split(' ');
    const d = relativeDistance(query.syllables, syllables);
    consider(d === 0 ? 0.05 : d * 0.9, d === 0 ? `same pinyin${of ? ` as${of}` : ''}` : `sounds close${of ? ` to${of}` : ''}`);
  }
  if (!hasHan(query.key) && /^[a-z]+$/.test(query.key) && hasHan(form.key)) {
    const pinyin = displayPinyin(form.key).replace(/\s+/g, '');
    consider(relativeDistance(query.chars, [...pinyin]) * 0.9, `pinyin ${pinyin}${of ? ` of${of}` : ''}`);
  }
  return best;
}

function nearest(index: GraphIndex, nodes: GraphNode[], key: string): { suggestions: Candidate[]; close: boolean } {
  const query = { key, chars: [...key], syllables: hasHan(key) ? foldedKey(key).split(' ') : null };
  const scored = nodes.map((node) => {
    let best: Closeness = { score: Infinity, reason: '' };
    for (const form of formsOf(node)) {
      if (form.key.length > MAX_FORM_LENGTH) continue;
      const c = closeness(query, form, node.name);
      if (c.score < best.score) best = c;
    }
    return { node, ...best };
  }).filter((s) => Number.isFinite(s.score));
  scored.sort((a, b) => a.score - b.score || byMentions(a.node, b.node));
  const close = scored.filter((s) => s.score <= CLOSE_ENOUGH).slice(0, MAX_SUGGESTIONS);
  return { suggestions: (close.length ? close : scored.slice(0, 1)).map((s) => candidate(index, s.node, s.reason)), close: close.length > 0 };
}
