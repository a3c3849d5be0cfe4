/** forumkg as a library: the pipeline stages and the graph contract. */
export * from './ingest/index.js';
export * from './extract/index.js';
export * from './resolve/schema.js';
export { resolve } from './resolve/resolve.js';
export * from './graph/schema.js';
export { buildGraph, forumId } from './graph/build.js';
export { Lexicon } from './lexicon/lexicon.js';
export { buildFromPaths, loadLexicon, type BuildOptions, type BuildResult } from './pipeline.js';
export { buildArtifacts, writeOutputs, contentText, graphJson, type Content } from './sinks/export/index.js';
export * from './eval/index.js';
export * from './query/index.js';
export { graphHtml } from './sinks/html/index.js';
export * as neo4j from './sinks/neo4j/index.js';
