export * from './schema.js';
export { decodeBytes } from './decode.js';
export { normaliseLine, originalSurface, looksTraditional } from './normalise.js';
export { parseForumInfo } from './title.js';
export { discoverInputs, readDocument, documentFromBytes, isRejection, ACCEPTED_EXTENSIONS } from './read.js';
