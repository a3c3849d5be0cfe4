import type { Graph } from '../../graph/schema.js';
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

  for (const source of graph.sources) {
    const doc = input.documents.find((d) => d.file === source.file);
    out.push(`## ${mdEscape(source.title)}`, '');
    out.push(`- file: \`${source.file}\`${doc ? ` (${doc.lines} lines, ${doc.encoding})` : ''}`);
    out.push(`- date: ${source.date ?? 'unknown'}`);
    const here = entityNodes.filter((n) => n.mentions.some((m) => m.source === source.file));
    out.push(`- entities: ${ENTITY_LABELS.map((l) => `${l} ${here.filter((n) => n.label === l).length}`).join(', ')}`);
    const organizers = graph.relationships.filter((r) => r.type === 'ORGANIZED' && r.end === source.id).map((r) => name.get(r.start));
    if (organizers.length) out.push(`- organised by: ${organizers.join(', ')}`);
    out.push('');

    const signings = graph.relationships.filter((r) => r.type === 'HELD_AT' && r.end === source.id).map((r) => r.start);
    if (signings.length) {
      out.push('### Signing events', '');
      for (const id of signings) {
        const node = graph.nodes.find((n) => n.id === id);
        const parties = graph.relationships.filter((r) => r.type === 'PARTY_TO' && r.end === id).map((r) => name.get(r.start));
        const signers = graph.relationships.filter((r) => r.type === 'SIGNED' && r.end === id).map((r) => `${name.get(r.start)}${r.properties.onBehalfOf ? ` (${r.properties.onBehalfOf})` : ''}`);
        const lines = node?.mentions.filter((m) => m.source === source.file).map((m) => m.line) ?? [];
        out.push(`- **${mdEscape(node?.name ?? id)}** (lines ${lines.join(', ')})`);
        if (node?.label === 'SigningEvent' && node.properties.subject) out.push(`  - subject: ${mdEscape(node.properties.subject)}`);
        out.push(`  - parties: ${parties.join('、')}`);
        if (signers.length) out.push(`  - signatories: ${signers.join('、')}`);
      }
      out.push('');
    }

    const merged = here
      .map((n) => ({ node: n, forms: [...new Set(n.mentions.filter((m) => m.source === source.file).map((m) => m.text))] }))
      .filter((x) => x.forms.length > 1 || (x.forms.length === 1 && x.forms[0] !== x.node.name));
    if (merged.length) {
      out.push('### Merges (surface forms under each entity)', '', '| entity | type | forms in this transcript |', '|---|---|---|');
      for (const { node, forms } of merged.sort((a, b) => a.node.label.localeCompare(b.node.label) || a.node.name.localeCompare(b.node.name))) {
        const entity = entityById.get(node.id);
        const described = forms.map((f) => {
          const form = entity?.forms.find((x) => x.form === f);
          const count = node.mentions.filter((m) => m.source === source.file && m.text === f).length;
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
