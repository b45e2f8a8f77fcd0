import type { Mix, MixIssue } from './mix-document.ts';
import { masterId } from './mix-entities.ts';

/**
 * Signal flow between strips. An edge means "must be processed before":
 * a strip before the bus it outputs to, a send's source before its target,
 * and a sidechain source before the strip whose compressor it drives. The
 * engine renders strips in {@link processingOrder}, so this graph must be
 * acyclic; `parseMix` breaks any cycle concurrent edits create (two people
 * routing A→B and B→A at the same moment is legal in a CRDT).
 */
export interface RoutingEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'output' | 'send' | 'sidechain';
  /** The entity that owns the edge: the routed strip, the send, or the sidechained strip. */
  readonly entityId: string;
}

/** Every ordering constraint in the mix, sorted so all replicas see the same list. */
export function routingEdges(mix: Mix): RoutingEdge[] {
  const edges: RoutingEdge[] = [];
  for (const strip of [...Object.values(mix.tracks), ...Object.values(mix.buses)]) {
    edges.push({ from: strip.id, to: strip.outputId, kind: 'output', entityId: strip.id });
    if (strip.compressorSidechainId !== '') edges.push({ from: strip.compressorSidechainId, to: strip.id, kind: 'sidechain', entityId: strip.id });
  }
  if (mix.master.compressorSidechainId !== '') {
    edges.push({ from: mix.master.compressorSidechainId, to: masterId, kind: 'sidechain', entityId: masterId });
  }
  for (const send of Object.values(mix.sends)) if (send.enabled) edges.push({ from: send.sourceId, to: send.targetBusId, kind: 'send', entityId: send.id });
  // Sorted so every replica finds and breaks the same cycle.
  return edges.sort((a, b) => (a.from + '\u0000' + a.to + a.kind + a.entityId < b.from + '\u0000' + b.to + b.kind + b.entityId ? -1 : 1));
}

/** The first cycle found (as its edges), or null. Deterministic for a given mix. */
export function findRoutingCycle(mix: Mix): RoutingEdge[] | null {
  const outgoing = new Map<string, RoutingEdge[]>();
  for (const edge of routingEdges(mix)) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const state = new Map<string, 'visiting' | 'done'>();
  const path: RoutingEdge[] = [];
  const visit = (node: string): RoutingEdge[] | null => {
    state.set(node, 'visiting');
    for (const edge of outgoing.get(node) ?? []) {
      const next = state.get(edge.to);
      path.push(edge);
      if (next === 'visiting') return path.slice(path.findIndex((step) => step.from === edge.to));
      if (next === undefined) {
        const cycle = visit(edge.to);
        if (cycle) return cycle;
      }
      path.pop();
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of [...outgoing.keys()].sort()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * Removes routing cycles one edge at a time: a send is dropped, a sidechain
 * cleared, or an output sent to the master — preferring sends, then
 * sidechains, then outputs, since losing a send changes the least.
 */
export function breakRoutingCycles(mix: Mix, issues: MixIssue[]): { mix: Mix; issues: MixIssue[] } {
  let current = mix;
  for (let cycle = findRoutingCycle(current); cycle; cycle = findRoutingCycle(current)) {
    const victim = cycle.find((edge) => edge.kind === 'send') ?? cycle.find((edge) => edge.kind === 'sidechain') ?? cycle[0]!;
    if (victim.kind === 'send') {
      const { [victim.entityId]: _removed, ...sends } = current.sends;
      current = { ...current, sends };
      issues.push({ collection: 'sends', id: victim.entityId, problem: 'routing_cycle' });
    } else {
      const field = victim.kind === 'sidechain' ? { compressorSidechainId: '' } : { outputId: masterId };
      if (victim.entityId === masterId) current = { ...current, master: { ...current.master, ...field } };
      else if (victim.entityId in current.tracks) current = { ...current, tracks: { ...current.tracks, [victim.entityId]: { ...current.tracks[victim.entityId]!, ...field } } };
      else current = { ...current, buses: { ...current.buses, [victim.entityId]: { ...current.buses[victim.entityId]!, ...field } } };
      issues.push({ collection: victim.entityId === masterId ? 'master' : victim.entityId in current.tracks ? 'tracks' : 'buses', id: victim.entityId, problem: 'routing_cycle' });
    }
  }
  return { mix: current, issues };
}

/**
 * Strip ids in an order the engine can render them: every strip after all
 * strips feeding it, the master last. Ties follow the strips' id order so
 * all replicas agree. Assumes an acyclic mix (as `parseMix` returns).
 */
export function processingOrder(mix: Mix): string[] {
  const nodes = [...Object.keys(mix.tracks), ...Object.keys(mix.buses)].sort();
  const incoming = new Map<string, number>(nodes.map((node) => [node, 0]));
  incoming.set(masterId, 0);
  const outgoing = new Map<string, string[]>();
  for (const edge of routingEdges(mix)) {
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  }
  const ready = nodes.filter((node) => incoming.get(node) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort();
    const node = ready.shift()!;
    order.push(node);
    for (const target of outgoing.get(node) ?? []) {
      const remaining = incoming.get(target)! - 1;
      incoming.set(target, remaining);
      if (remaining === 0 && target !== masterId) ready.push(target);
    }
  }
  if (order.length !== nodes.length) throw new Error('processingOrder needs an acyclic mix; parse it with parseMix first');
  order.push(masterId);
  return order;
}
