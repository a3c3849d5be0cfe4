import type { Graph, Mention } from '../../graph/schema.js';
import { ENTITY_LABELS } from '../../graph/schema.js';
import type { Rejection } from '../../ingest/schema.js';
import type { Resolution } from '../../resolve/schema.js';

export interface ReportInput {
  graph: Graph;
  resolution: Resolution;
  rejections: Rejection[];
  documents: Array<{ file: string; path: string; encoding: string; lines: number }>;
  notes?: string[];
}

const REASON_TEXT: Record<string, string> = {
  'same-name': 'same name',
  'lexicon-alias': 'lexicon alias',
  'pinyin-homophone': 'pinyin homophone',
  abbreviation: 'abbreviation',
  'legal-suffix': 'legal suffix',
  honorific: 'honorific reference',
  'implied-name': 'implied name',
  override: 'override',
  embedding: 'embedding similarity',
};

function mdEscape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that a backtick in the text cannot end early (CommonMark: a longer fence, padded). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** merges.json: every entity found under more than one form, with the forms, their counts and why each was merged. */
export function mergesJson(resolution: Resolution): string {
  const merges = resolution.entities
    .filter((e) => e.forms.length > 1)
    .map((e) => ({ id: e.id, type: e.type, name: e.name, forms: e.forms }));
  return JSON.stringify({ merges, review: resolution.review }, null, 2) + '\n';
}

/** report.md: per transcript, the forum, counts by type, signing events and merges; then rejections and the review list. */
export function reportMarkdown(input: ReportInput): string {
  const { graph, resolution } = input;
  const out: string[] = ['# forumkg build report', ''];
  const entityNodes = graph.nodes.filter((n) => (ENTITY_LABELS as readonly string[]).includes(n.label));
  out.push(`${graph.sources.length} transcript(s), ${entityNodes.length} entities, ${graph.relationships.length} relationships.`, '');
  if (input.notes?.length) out.push(...input.notes.map((n) => `> ${n}`), '');
  const entityById = new Map(resolution.entities.map((e) => [e.id, e]));
  const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
  // indexed once, so that each transcript's section reads only what concerns it
  const docByFile = new Map<string, ReportInput['documents'][number]>();
  for (const d of input.documents) if (!docByFile.has(d.file)) docByFile.set(d.file, d);
  const nodeById = new Map<string, Graph['nodes'][number]>();
  for (const n of graph.nodes) if (!nodeById.has(n.id)) nodeById.set(n.id, n);
  /** Entity nodes by the transcripts they are mentioned in, each with its mentions there. */
  const entitiesBySource = new Map<string, Array<{ node: Graph['nodes'][number]; mentions: Mention[] }>>();
  for (const node of entityNodes) {
    const bySource = new Map<string, Mention[]>();
    for (const m of node.mentions) {
      const list = bySource.get(m.source);
      if (list) list.push(m);
      else bySource.set(m.source, [m]);
    }
    for (const [source, mentions] of bySource) {
      const list = entitiesBySource.get(source);
      if (list) list.push({ node, mentions });
      else entitiesBySource.set(source, [{ node, mentions }]);
    }
  }
  const relationshipsTo = new Map<string, Graph['relationships']>();
  for (const r of graph.relationships) {
    if (r.type !== 'ORGANIZED' && r.type !== 'HELD_AT' && r.type !== 'PARTY_TO' && r.type !== 'SIGNED') continue;
    const key = `${r.type}|${r.end}`;
    const list = relationshipsTo.get(key);
    if (list) list.push(r);
    else relationshipsTo.set(key, [r]);
  }
  const to = (type: string, end: string) => relationshipsTo.get(`${type}|${end}`) ?? [];

  for (const source of graph.sources) {
    const doc = docByFile.get(source.file);
    out.push(`## ${mdEscape(source.title)}`, '');
    out.push(`- file: \`${source.file}\`${doc ? ` (${doc.lines} lines, ${doc.encoding})` : ''}`);
    out.push(`- date: ${source.date ?? 'unknown'}`);
    const here = entitiesBySource.get(source.file) ?? [];
    out.push(`- entities: ${ENTITY_LABELS.map((l) => `${l} ${here.filter(({ node }) => node.label === l).length}`).join(', ')}`);
    const organizers = to('ORGANIZED', source.id).map((r) => name.get(r.start));
    if (organizers.length) out.push(`- organised by: ${organizers.join(', ')}`);
    out.push('');

    const signings = to('HELD_AT', source.id).map((r) => r.start);
    if (signings.length) {
      out.push('### Signing events', '');
      for (const id of signings) {
        const node = nodeById.get(id);
        const parties = to('PARTY_TO', id).map((r) => name.get(r.start));
        const signers = to('SIGNED', id).map((r) => `${name.get(r.start)}${r.properties.onBehalfOf ? ` (${r.properties.onBehalfOf})` : ''}`);
        const lines = node?.mentions.filter((m) => m.source === source.file).map((m) => m.line) ?? [];
        out.push(`- **${mdEscape(node?.name ?? id)}** (lines ${lines.join(', ')})`);
        if (node?.label === 'SigningEvent' && node.properties.subject) out.push(`  - subject: ${mdEscape(node.properties.subject)}`);
        out.push(`  - parties: ${parties.join('、')}`);
        if (signers.length) out.push(`  - signatories: ${signers.join('、')}`);
      }
      out.push('');
    }

    const merged = here
      .map(({ node, mentions }) => ({ node, mentions, forms: [...new Set(mentions.map((m) => m.text))] }))
      .filter((x) => x.forms.length > 1 || (x.forms.length === 1 && x.forms[0] !== x.node.name));
    if (merged.length) {
      out.push('### Merges (surface forms under each entity)', '', '| entity | type | forms in this transcript |', '|---|---|---|');
      for (const { node, mentions, forms } of merged.sort((a, b) => a.node.label.localeCompare(b.node.label) || a.node.name.localeCompare(b.node.name))) {
        const entity = entityById.get(node.id);
        const described = forms.map((f) => {
          const form = entity?.forms.find((x) => x.form === f);
          const count = mentions.filter((m) => m.text === f).length;
          const why = form && form.reason !== 'same-name' ? ` — ${REASON_TEXT[form.reason]}${form.detail ? `: ${form.detail}` : ''}` : '';
          return `${mdEscape(f)} ×${count}${mdEscape(why)}`;
        });
        out.push(`| ${mdEscape(node.name)} | ${node.label} | ${described.join('; ')} |`);
      }
      out.push('');
    }
  }

  if (input.rejections.length) {
    out.push('## Rejected inputs', '', `${input.rejections.length} input(s) could not be used; the others were built.`, '', '| path | reason |', '|---|---|');
    for (const r of input.rejections) out.push(`| ${codeSpan(mdEscape(r.path))} | ${mdEscape(r.reason)} |`);
    out.push('');
  }
  if (resolution.review.length) {
    out.push('## Near misses to review', '', 'Candidate merges just under the threshold. Accept one by adding a `merge` to your overrides file.', '', '| type | a | b | why |', '|---|---|---|---|');
    for (const r of resolution.review) out.push(`| ${r.type} | ${mdEscape(r.a)} | ${mdEscape(r.b)} | ${mdEscape(r.why)} |`);
    out.push('');
  }
  return out.join('\n');
}
