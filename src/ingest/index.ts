export * from './schema.js';
export { decodeBytes } from './decode.js';
export { normaliseLine, originalSurface, verbatimSurface, looksTraditional, toLines, htmlNoise } from './normalise.js';
export { parseForumInfo } from './title.js';
export { discoverInputs, readDocument, documentFromBytes, isRejection, ACCEPTED_EXTENSIONS } from './read.js';
export { citeFileLines, fileLineCount, longestLine, splitLongLine, MAX_LINE_CHARS, LOGICAL_LINE_CHARS } from './lines.js';
