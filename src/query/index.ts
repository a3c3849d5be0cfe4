/** Questions answered from graph.json without a database: lookup by any name, partners, profiles, signings. */
export { GraphIndex } from './graph-index.js';
export { lookupNode, describeNode, editDistance, type Lookup } from './lookup.js';
export { partnersOf, organizationProfile, personProfile, signingEvents } from './answers.js';
export * from './schema.js';
