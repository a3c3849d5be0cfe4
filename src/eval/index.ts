export * from './gold.js';
export * from './score.js';
export * from './format.js';
