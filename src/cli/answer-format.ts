import type { Evidence } from '../graph/schema.js';
import { evidenceString } from '../graph/rows.js';
import type { ForumRef, OrganizationAnswer, PartnersAnswer, PersonAnswer, SigningsAnswer } from '../query/index.js';
import { csvTable } from '../sinks/export/csv.js';
import { printable, textTable, type TableRow } from './table.js';

/** The answers of `forumkg partners|org|person|signings` as terminal tables and as CSV. */

export type OutputFormat = 'table' | 'json' | 'csv';

const csv = (header: string[], rows: string[][]) => csvTable(header, rows, { spreadsheetSafe: true });
const evidenceNotes = (evidence: Evidence[]) => evidence.map((e) => `${e.source}:${e.line}  ${e.quote}`);
const evidenceCell = (evidence: Evidence[]) => evidence.map(evidenceString).join('\n');
const forumText = (forum: ForumRef | null) => (forum ? [forum.date, forum.title].filter(Boolean).join(' ') : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function section(title: string, count: number, columns: string[], rows: TableRow[]): string {
  return count ? `\n${title} (${count})\n${textTable(columns, rows, '  ')}` : `\n${title}: none in the graph\n`;
}

function presence(forum: { roles: string[]; mentions: number }): string {
  return [...forum.roles, forum.mentions ? plural(forum.mentions, 'mention') : ''].filter(Boolean).join(', ');
}

export function partnersTable(answer: PartnersAnswer): string {
  const { organization: org, partners } = answer;
  const head = `${printable(org.name)} (${printable(org.id)}): ${plural(partners.length, 'partner')}\n`;
  if (!partners.length) return head;
  return `${head}\n${textTable(['partner', 'basis', 'forum'], partners.map((p) => ({
    cells: [p.partner.name, p.basis, p.forums.map(forumText).join('; ')],
    notes: evidenceNotes(p.evidence),
  })))}`;
}

export function partnersCsv(answer: PartnersAnswer): string {
  return csv(['organization', 'partner', 'basis', 'forums', 'evidence'], answer.partners.map((p) => [
    answer.organization.name, p.partner.name, p.basis, p.forums.map((f) => f.title).join('; '), evidenceCell(p.evidence),
  ]));
}

export function organizationTable(answer: OrganizationAnswer): string {
  const org = answer.organization;
  let out = `${printable(org.name)} (${printable(org.id)}) · ${org.kind}\n`;
  if (org.aliases.length) out += `also: ${printable(org.aliases.join(', '))}\n`;
  out += section('People', answer.people.length, ['person', 'title'],
    answer.people.map((p) => ({ cells: [p.name, p.title ?? p.titles.join('、')] })));
  out += section('Models', answer.models.length, ['model', 'versions'], answer.models.map((m) => ({ cells: [m.name, m.versions.join(', ')] })));
  out += section('Products', answer.products.length, ['product', 'category'], answer.products.map((p) => ({ cells: [p.name, p.category] })));
  out += section('Signing events', answer.signings.length, ['event', 'date', 'forum'],
    answer.signings.map((s) => ({ cells: [s.name, s.date ?? '', s.forum?.title ?? ''] })));
  out += section('Forums', answer.forums.length, ['forum', 'date', 'role'], answer.forums.map((f) => ({ cells: [f.title, f.date ?? '', presence(f)] })));
  out += section('Partners', answer.partners.length, ['partner', 'basis'], answer.partners.map((p) => ({ cells: [p.name, p.basis] })));
  return out;
}

export function organizationCsv(answer: OrganizationAnswer): string {
  const org = answer.organization.name;
  return csv(['organization', 'relation', 'name', 'detail', 'forum', 'evidence'], [
    ...answer.people.map((p) => [org, 'person', p.name, p.title ?? p.titles.join('、'), '', evidenceCell(p.evidence)]),
    ...answer.models.map((m) => [org, 'model', m.name, m.versions.join(', '), '', evidenceCell(m.evidence)]),
    ...answer.products.map((p) => [org, 'product', p.name, p.category, '', evidenceCell(p.evidence)]),
    ...answer.signings.map((s) => [org, 'signing', s.name, s.date ?? '', s.forum?.title ?? '', evidenceCell(s.evidence)]),
    ...answer.forums.map((f) => [org, 'forum', f.title, presence(f), f.title, '']),
    ...answer.partners.map((p) => [org, 'partner', p.name, p.basis, '', '']),
  ]);
}

export function personTable(answer: PersonAnswer): string {
  const person = answer.person;
  let out = `${printable(person.name)} (${printable(person.id)})${person.titles.length ? ` · ${printable(person.titles.join('、'))}` : ''}\n`;
  if (person.aliases.length) out += `also: ${printable(person.aliases.join(', '))}\n`;
  out += section('Works for', answer.employers.length, ['organisation', 'title'], answer.employers.map((e) => ({ cells: [e.name, e.title ?? ''], notes: evidenceNotes(e.evidence) })));
  out += section('Forums', answer.forums.length, ['forum', 'date', 'role'], answer.forums.map((f) => ({ cells: [f.title, f.date ?? '', presence(f)] })));
  out += section('Signings', answer.signings.length, ['event', 'date', 'on behalf of', 'forum'],
    answer.signings.map((s) => ({ cells: [s.name, s.date ?? '', s.onBehalfOf ?? '', s.forum?.title ?? ''] })));
  return out;
}

export function personCsv(answer: PersonAnswer): string {
  const person = answer.person.name;
  return csv(['person', 'relation', 'name', 'detail', 'forum', 'evidence'], [
    ...answer.employers.map((e) => [person, 'employer', e.name, e.title ?? '', '', evidenceCell(e.evidence)]),
    ...answer.forums.map((f) => [person, 'forum', f.title, presence(f), f.title, '']),
    ...answer.signings.map((s) => [person, 'signing', s.name, s.onBehalfOf ? `on behalf of ${s.onBehalfOf}` : '', s.forum?.title ?? '', evidenceCell(s.evidence)]),
  ]);
}

const signatoryText = (s: { name: string; onBehalfOf: string | null }) => (s.onBehalfOf ? `${s.name} (${s.onBehalfOf})` : s.name);

export function signingsTable(answer: SigningsAnswer): string {
  const where = answer.forum ? ` at ${printable(forumText(answer.forum))}` : '';
  const head = `${plural(answer.signings.length, 'signing event')}${where}\n`;
  if (!answer.signings.length) return head;
  return `${head}\n${textTable(['event', 'date', 'forum'], answer.signings.map((s) => ({
    cells: [s.name, s.date ?? '', s.forum?.title ?? ''],
    notes: [
      ...(s.subject ? [`subject: ${s.subject}`] : []),
      `parties (${s.parties.length}): ${s.parties.map((p) => p.name).join('、') || 'none found'}`,
      `signatories (${s.signatories.length}): ${s.signatories.map(signatoryText).join('、') || 'none found'}`,
    ],
  })))}`;
}

export function signingsCsv(answer: SigningsAnswer): string {
  return csv(['event', 'date', 'forum', 'subject', 'parties', 'signatories', 'evidence'], answer.signings.map((s) => [
    s.name, s.date ?? '', s.forum?.title ?? '', s.subject, s.parties.map((p) => p.name).join('; '), s.signatories.map(signatoryText).join('; '), evidenceCell(s.evidence),
  ]));
}
