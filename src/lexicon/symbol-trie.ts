/**
 * A node of a trie keyed by small integers (UTF-16 code units, syllable numbers), with the values that end
 * there. Most nodes of a trie of names have one child or none, so the first child is kept on the node and a
 * Map is made only for a second one: the lexicon's tries (about 100,000 nodes) then take a few MB in each
 * thread that extracts, instead of the 25 MB of a Map and an array on every node.
 */
export interface SymbolNode<E> {
  symbol: number;
  only: SymbolNode<E> | undefined;
  more: Map<number, SymbolNode<E>> | undefined;
  ends: E[] | undefined;
}

const NO_ENDS: readonly never[] = [];

export function symbolNode<E>(): SymbolNode<E> {
  return { symbol: -1, only: undefined, more: undefined, ends: undefined };
}

export function childOf<E>(node: SymbolNode<E>, symbol: number): SymbolNode<E> | undefined {
  return node.symbol === symbol ? node.only : node.more?.get(symbol);
}

/** The child for this symbol, made if there is none yet. */
export function childFor<E>(node: SymbolNode<E>, symbol: number): SymbolNode<E> {
  if (node.only === undefined) {
    node.symbol = symbol;
    return (node.only = symbolNode());
  }
  if (node.symbol === symbol) return node.only;
  node.more ??= new Map();
  let child = node.more.get(symbol);
  if (!child) node.more.set(symbol, (child = symbolNode()));
  return child;
}

export function childrenOf<E>(node: SymbolNode<E>): Array<[number, SymbolNode<E>]> {
  return node.only === undefined ? [] : [[node.symbol, node.only], ...(node.more ?? [])];
}

export function endsAt<E>(node: SymbolNode<E>): readonly E[] {
  return node.ends ?? NO_ENDS;
}

export function addEnd<E>(node: SymbolNode<E>, value: E): void {
  (node.ends ??= []).push(value);
}
