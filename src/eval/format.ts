import { ENTITY_LABELS } from '../graph/schema.js';
import { prf, SCORED_RELATIONS, type Counts, type EvalReport, type TranscriptScore } from './score.js';

const f2 = (x: number) => x.toFixed(2);
const ratio = (a: number, b: number) => (b ? a / b : 0);

function prfLine(label: string, c: Counts): string {
  const { precision, recall, f1 } = prf(c);
  return `  ${label.padEnd(18)} P ${f2(precision)}  R ${f2(recall)}  F1 ${f2(f1)}   (${c.correct}/${c.predicted} nodes right, ${c.found}/${c.gold} gold found)`;
}

function block(title: string, s: Omit<TranscriptScore, 'source' | 'missing' | 'spurious' | 'signings'> & { signings: { gold: number; matched: number; partyFound: number; partyGold: number } }): string[] {
  const out = [title, '  entities'];
  for (const l of ENTITY_LABELS) out.push(prfLine(l, s.entities[l]));
  out.push(prfLine('typed entity F1', s.entityTotal));
  out.push(`  core recall          ${f2(ratio(s.core.found, s.core.gold))}   (${s.core.found}/${s.core.gold})`);
  out.push(`  duplicate rate       ${f2(ratio(s.duplicates.duplicated, s.duplicates.matched))}   (${s.duplicates.duplicated}/${s.duplicates.matched} matched gold entities split)`);
  out.push(`  canonical-name acc.  ${f2(ratio(s.canonical.correct, s.canonical.matched))}   (${s.canonical.correct}/${s.canonical.matched})`);
  out.push('  relations');
  for (const r of SCORED_RELATIONS) out.push(prfLine(r, s.relations[r]).replace('nodes right', 'right'));
  out.push(`  signing events       ${s.signings.matched}/${s.signings.gold} found, party recall ${f2(ratio(s.signings.partyFound, s.signings.partyGold))} (${s.signings.partyFound}/${s.signings.partyGold})`);
  return out;
}

/** The evaluation as text: per transcript, then the total over all of them. */
export function formatReport(report: EvalReport, options: { details?: boolean } = {}): string {
  const out: string[] = [];
  for (const t of report.transcripts) {
    out.push(...block(`transcript ${t.source}`, t));
    if (options.details) {
      out.push(`  missing (${t.missing.length}): ${t.missing.map((m) => `${m.name}[${m.type[0]}${m.salience === 'core' ? '*' : ''}]`).join(' ')}`);
      out.push(`  spurious (${t.spurious.length}): ${t.spurious.map((m) => `${m.name}[${m.label[0]}]`).join(' ')}`);
      for (const d of t.signings.details) out.push(`  signing "${d.gold}": ${d.node ?? 'not found'} (jaccard ${f2(d.jaccard)}, ${d.partiesFound}/${d.parties} parties)`);
    }
    out.push('');
  }
  out.push(...block(`total (${report.transcripts.length} transcripts)`, report.total));
  return out.join('\n') + '\n';
}

/** The evaluation as plain numbers, for --json. */
export function reportJson(report: EvalReport): unknown {
  const summarize = (s: Omit<TranscriptScore, 'source' | 'missing' | 'spurious' | 'signings'> & { signings: { gold: number; matched: number; partyFound: number; partyGold: number } }) => ({
    entities: Object.fromEntries(ENTITY_LABELS.map((l) => [l, { ...prf(s.entities[l]), ...s.entities[l] }])),
    typedEntity: { ...prf(s.entityTotal), ...s.entityTotal },
    coreRecall: ratio(s.core.found, s.core.gold),
    duplicateRate: ratio(s.duplicates.duplicated, s.duplicates.matched),
    canonicalAccuracy: ratio(s.canonical.correct, s.canonical.matched),
    relations: Object.fromEntries(SCORED_RELATIONS.map((r) => [r, { ...prf(s.relations[r]), ...s.relations[r] }])),
    signings: { found: s.signings.matched, gold: s.signings.gold, partyRecall: ratio(s.signings.partyFound, s.signings.partyGold) },
  });
  return {
    transcripts: report.transcripts.map((t) => ({ source: t.source, ...summarize(t), missing: t.missing, spurious: t.spurious, signingDetails: t.signings.details })),
    total: summarize(report.total),
  };
}
