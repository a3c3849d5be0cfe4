import type { GraphRelationship } from '../graph/schema.js';
import { byName, type GraphIndex } from './graph-index.js';
import type { ForumRef, OrganizationAnswer, PartnersAnswer, PersonAnswer, Signing, SigningsAnswer } from './schema.js';

/** Answers to the common questions, computed from graph.json alone (no database). */

const BASIS_ORDER = ['signing', 'joint-launch', 'stated'];

function stringProperty(rel: GraphRelationship, key: string): string | null {
  const value = rel.properties[key];
  return typeof value === 'string' && value ? value : null;
}

function forumIds(rel: GraphRelationship): string[] {
  const value = rel.properties.forums;
  return Array.isArray(value) ? value.map(String) : [];
}

/** An organisation's partners (PARTNERS_WITH either way): signings first, then joint launches, then stated ones. */
export function partnersOf(index: GraphIndex, organizationId: string): PartnersAnswer {
  const org = index.node(organizationId);
  const rels = [...index.out(org.id, 'PARTNERS_WITH'), ...index.in(org.id, 'PARTNERS_WITH')];
  const partners = rels.map((rel) => {
    const partnerId = rel.start === org.id ? rel.end : rel.start;
    return {
      partner: { id: partnerId, name: index.name(partnerId) },
      basis: stringProperty(rel, 'basis') ?? '',
      forums: forumIds(rel).map((id) => index.forum(id)),
      evidence: rel.evidence,
    };
  });
  partners.sort((a, b) => rank(a.basis) - rank(b.basis) || byName(a.partner, b.partner));
  return { organization: { id: org.id, name: org.name }, partners };
}

function rank(basis: string): number {
  const i = BASIS_ORDER.indexOf(basis);
  return i < 0 ? BASIS_ORDER.length : i;
}

/** The forums a node appears in, with its roles there (from `roleRels`) and its mention count (MENTIONED_IN). */
function forumPresence(index: GraphIndex, id: string, roleRels: Array<{ forum: string; role: string }>) {
  const forums = new Map<string, { forum: ForumRef; roles: Set<string>; mentions: number }>();
  const entry = (forumId: string) => {
    let e = forums.get(forumId);
    if (!e) forums.set(forumId, (e = { forum: index.forum(forumId), roles: new Set(), mentions: 0 }));
    return e;
  };
  for (const { forum, role } of roleRels) entry(forum).roles.add(role);
  for (const rel of index.out(id, 'MENTIONED_IN')) {
    const count = rel.properties.count;
    entry(rel.end).mentions += typeof count === 'number' ? count : rel.evidence.length;
  }
  return [...forums.values()]
    .map((e) => ({ ...e.forum, roles: [...e.roles].sort(), mentions: e.mentions }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title));
}

/** An organisation's people (with titles), models, products, signing events, forums and partners. */
export function organizationProfile(index: GraphIndex, organizationId: string): OrganizationAnswer {
  const org = index.node(organizationId);
  if (org.label !== 'Organization') throw new Error(`${organizationId} is a ${org.label}, not an Organization`);
  const people = index.in(org.id, 'AFFILIATED_WITH').map((rel) => {
    const person = index.node(rel.start);
    return {
      id: person.id,
      name: person.name,
      title: stringProperty(rel, 'title'),
      titles: person.label === 'Person' ? person.properties.titles : [],
      evidence: rel.evidence,
    };
  }).sort(byName);
  const models = index.out(org.id, 'DEVELOPS').map((rel) => {
    const model = index.node(rel.end);
    return { id: model.id, name: model.name, versions: model.label === 'Model' ? model.properties.versions : [], evidence: rel.evidence };
  }).sort(byName);
  const products = index.out(org.id, 'OFFERS').map((rel) => {
    const product = index.node(rel.end);
    return { id: product.id, name: product.name, category: product.label === 'Product' ? product.properties.category : '', evidence: rel.evidence };
  }).sort(byName);
  const signings = index.out(org.id, 'PARTY_TO').map((rel) => ({ ...signingRef(index, rel.end), evidence: rel.evidence })).sort(bySigning);
  const forums = forumPresence(index, org.id, index.out(org.id, 'ORGANIZED').map((rel) => ({ forum: rel.end, role: 'organiser' })));
  const partners = partnersOf(index, org.id).partners.map((p) => ({ ...p.partner, basis: p.basis }));
  return {
    organization: { id: org.id, name: org.name, kind: org.properties.kind, aliases: org.aliases },
    people, models, products, signings, forums, partners,
  };
}

/** A person's employers (with titles), titles, forums (with roles) and signings. */
export function personProfile(index: GraphIndex, personId: string): PersonAnswer {
  const person = index.node(personId);
  if (person.label !== 'Person') throw new Error(`${personId} is a ${person.label}, not a Person`);
  const employers = index.out(person.id, 'AFFILIATED_WITH')
    .map((rel) => ({ id: rel.end, name: index.name(rel.end), title: stringProperty(rel, 'title'), evidence: rel.evidence }))
    .sort(byName);
  const forums = forumPresence(index, person.id, index.out(person.id, 'SPOKE_AT').flatMap((rel) =>
    (stringProperty(rel, 'role') ?? 'speaker').split(/[,;]/).map((role) => ({ forum: rel.end, role: role.trim() }))));
  const signings = index.out(person.id, 'SIGNED')
    .map((rel) => ({ ...signingRef(index, rel.end), onBehalfOf: stringProperty(rel, 'onBehalfOf'), evidence: rel.evidence }))
    .sort(bySigning);
  return {
    person: { id: person.id, name: person.name, aliases: person.aliases, titles: person.properties.titles },
    employers, forums, signings,
  };
}

function signingRef(index: GraphIndex, eventId: string) {
  const event = index.node(eventId);
  return {
    id: event.id,
    name: event.name,
    date: event.label === 'SigningEvent' ? event.properties.date : null,
    forum: index.signingForum(event.id),
  };
}

function bySigning(a: { date: string | null; name: string }, b: { date: string | null; name: string }): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || byName(a, b);
}

/** Every signing event (or those held at one forum) with its parties and signatories. */
export function signingEvents(index: GraphIndex, forumId?: string): SigningsAnswer {
  const signings: Signing[] = [];
  for (const event of index.graph.nodes) {
    if (event.label !== 'SigningEvent') continue;
    const forum = index.signingForum(event.id);
    if (forumId && forum?.id !== forumId) continue;
    signings.push({
      id: event.id,
      name: event.name,
      subject: event.properties.subject,
      date: event.properties.date,
      forum,
      parties: index.in(event.id, 'PARTY_TO').map((rel) => ({ id: rel.start, name: index.name(rel.start) })).sort(byName),
      signatories: index.in(event.id, 'SIGNED')
        .map((rel) => ({ id: rel.start, name: index.name(rel.start), onBehalfOf: stringProperty(rel, 'onBehalfOf') }))
        .sort(byName),
      evidence: [...new Map(
        [...index.in(event.id, 'PARTY_TO'), ...index.in(event.id, 'SIGNED'), ...index.out(event.id, 'HELD_AT')]
          .flatMap((rel) => rel.evidence)
          .map((e) => [`${e.source}:${e.line}`, e] as const),
      ).values()].sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line),
    });
  }
  signings.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.forum?.title ?? '').localeCompare(b.forum?.title ?? '') || byName(a, b));
  return { forum: forumId ? index.forum(forumId) : null, signings };
}
