/** A model that was asked for (or found in the cache) cannot be used; the message says what to do. */
export class ModelError extends Error {}
