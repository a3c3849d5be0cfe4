import type { Document } from '../ingest/schema.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { DocumentContext } from './context.js';
import { extractDeclaredNames, spotNamesFoundElsewhere } from './document-names.js';
import { extractEnumerations } from './enumerations.js';
import { extractIntroductions } from './introductions.js';
import { addModelMentions, type NerSpan } from './ner.js';
import { attachVersions, completeDecimalVersions, extractBareVersions, extractHyphenedModels, extractFamilyHomophones, extractLatinModels, extractModelPatterns, extractVersionedModels } from './models.js';
import { addParentMentions, extractAcademies, extractUniversityUnits, extractFoundedBodies, extractNamedCompanies, extractSuffixOrganizations } from './organizations.js';
import { extractFamilyProducts, extractLatinProducts, extractNamedProducts, extractOwnLatinProducts, extractProductPatterns, extractSeries } from './products.js';
import { extractReferences } from './references.js';
import { extractCeremonyPartnerships, extractOwnership, extractPanelPartnerships, extractStatedPartnerships, findCoOrganizers, findOrganizer, SpeakerTimeline } from './relations.js';
import type { Extraction, RelationCandidate } from './schema.js';
import { Segmenter } from './segment.js';
import { extractSignings } from './signings.js';
import { spotLatinMisspellings, spotLexiconNames, spotMakersBeforeTheirModels, spotWeakAliases } from './spot.js';

export * from './schema.js';
export { Segmenter } from './segment.js';
export { NerSpanSchema, type NerSpan } from './ner.js';

/** Everything extraction needs besides the document; build once per run (loading the segmenter takes a moment). */
export interface Extractor {
  lexicon: Lexicon;
  segmenter: Segmenter;
}

export function createExtractor(lexicon: Lexicon): Extractor {
  return { lexicon, segmenter: new Segmenter(lexicon) };
}

/** What optional models found in a document before extraction (see src/models). */
export interface ModelFindings {
  nerSpans?: NerSpan[];
}

/** Mentions, relation candidates and signing events of one transcript. */
export function extractDocument(doc: Document, extractor: Extractor, findings: ModelFindings = {}): Extraction {
  const ctx = new DocumentContext(doc, extractor.lexicon, extractor.segmenter);
  spotLexiconNames(ctx);
  spotLatinMisspellings(ctx);
  spotWeakAliases(ctx);
  spotMakersBeforeTheirModels(ctx);
  extractSuffixOrganizations(ctx);
  extractFoundedBodies(ctx);
  extractNamedCompanies(ctx);
  const { introductions, relations: introductionRelations } = extractIntroductions(ctx);
  // after the introductions, which read 欧洲科学院院士 as the title it is
  extractAcademies(ctx);
  extractEnumerations(ctx);
  addParentMentions(ctx);
  extractUniversityUnits(ctx);
  extractFamilyHomophones(ctx);
  extractVersionedModels(ctx);
  extractHyphenedModels(ctx);
  extractBareVersions(ctx);
  extractModelPatterns(ctx);
  extractVersionedModels(ctx, true);
  extractHyphenedModels(ctx, true);
  extractLatinModels(ctx);
  attachVersions(ctx, ctx.mentions);
  extractFamilyProducts(ctx);
  extractProductPatterns(ctx);
  extractNamedProducts(ctx);
  extractOwnLatinProducts(ctx);
  extractSeries(ctx);
  extractLatinProducts(ctx);
  completeDecimalVersions(ctx);
  extractDeclaredNames(ctx);
  spotNamesFoundElsewhere(ctx);
  extractReferences(ctx);
  if (findings.nerSpans?.length) addModelMentions(ctx, findings.nerSpans);

  const organizer = findOrganizer(ctx);
  const speakers = new SpeakerTimeline(ctx, introductions);
  const { signings, relations: signingRelations } = extractSignings(ctx, introductions, organizer?.mention, speakers);
  const relations: RelationCandidate[] = [
    ...introductionRelations,
    ...extractOwnership(ctx, organizer?.mention, speakers),
    ...extractStatedPartnerships(ctx, organizer?.mention, speakers),
    ...extractCeremonyPartnerships(ctx, introductions, organizer?.mention),
    ...extractPanelPartnerships(ctx, introductions),
    ...signingRelations,
  ];
  if (organizer) {
    const line = ctx.line(organizer.quoteLine);
    relations.push({ type: 'ORGANIZED', from: organizer.mention.id, evidence: ctx.evidence(line, 0) });
    for (const other of findCoOrganizers(ctx, organizer)) relations.push({ type: 'ORGANIZED', from: other.id, evidence: ctx.evidence(line, other.start, other.end) });
  }
  return { source: doc.file, sha256: doc.sha256, forum: doc.forum, mentions: ctx.mentions, relations, signings };
}
