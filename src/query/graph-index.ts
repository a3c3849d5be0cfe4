import type { Graph, GraphNode, GraphRelationship, RelationshipType } from '../graph/schema.js';
import type { ForumRef } from './schema.js';

/** A graph with its nodes by id and relationships by end, for answering questions about one node. */
export class GraphIndex {
  readonly nodes = new Map<string, GraphNode>();
  private readonly outgoing = new Map<string, GraphRelationship[]>();
  private readonly incoming = new Map<string, GraphRelationship[]>();

  constructor(readonly graph: Graph) {
    for (const node of graph.nodes) this.nodes.set(node.id, node);
    for (const rel of graph.relationships) {
      push(this.outgoing, rel.start, rel);
      push(this.incoming, rel.end, rel);
    }
  }

  node(id: string): GraphNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id} in the graph`);
    return node;
  }

  name(id: string): string {
    return this.nodes.get(id)?.name ?? id;
  }

  out(id: string, type: RelationshipType): GraphRelationship[] {
    return (this.outgoing.get(id) ?? []).filter((r) => r.type === type);
  }

  in(id: string, type: RelationshipType): GraphRelationship[] {
    return (this.incoming.get(id) ?? []).filter((r) => r.type === type);
  }

  forum(id: string): ForumRef {
    const node = this.nodes.get(id);
    return node?.label === 'Forum'
      ? { id, title: node.properties.title, date: node.properties.date }
      : { id, title: node?.name ?? id, date: null };
  }

  /** The forum a signing event was held at. */
  signingForum(eventId: string): ForumRef | null {
    const heldAt = this.out(eventId, 'HELD_AT')[0];
    return heldAt ? this.forum(heldAt.end) : null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'zh-Hans-CN');
}
