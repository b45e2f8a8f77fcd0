import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMix } from './mix-document.ts';
import { masterId } from './mix-entities.ts';
import { findRoutingCycle, processingOrder, routingEdges } from './mix-routing.ts';

describe('routing', () => {
  it('breaks an output cycle between two buses by sending one to the master', () => {
    const { mix, issues } = parseMix({ buses: { a: { outputId: 'b' }, b: { outputId: 'a' } } });
    expect(findRoutingCycle(mix)).toBeNull();
    expect([mix.buses.a!.outputId, mix.buses.b!.outputId]).toContain(masterId);
    expect(issues).toEqual([{ collection: 'buses', id: 'a', problem: 'routing_cycle' }]);
  });

  it('prefers dropping a send to re-routing an output', () => {
    const { mix, issues } = parseMix({ buses: { a: { outputId: 'b' }, b: {} }, sends: { back: { sourceId: 'b', targetBusId: 'a' } } });
    expect(mix.sends.back).toBeUndefined();
    expect(mix.buses.a!.outputId).toBe('b');
    expect(issues).toEqual([{ collection: 'sends', id: 'back', problem: 'routing_cycle' }]);
  });

  it('clears a sidechain that would feed a strip its own output', () => {
    const { mix } = parseMix({ tracks: { kick: { outputId: 'drums', compressorSidechainId: 'drums' } }, buses: { drums: {} } });
    expect(mix.tracks.kick!.compressorSidechainId).toBe('');
  });

  it('orders processing so every strip comes after everything feeding it, master last', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const arbitraryMix = fc.record({
      tracks: fc.dictionary(fc.constantFrom('t1', 't2', 't3'), fc.record({ outputId: fc.constantFrom(...ids, masterId), compressorSidechainId: fc.constantFrom('', ...ids, 't1') })),
      buses: fc.dictionary(fc.constantFrom(...ids), fc.record({ outputId: fc.constantFrom(...ids, masterId), compressorSidechainId: fc.constantFrom('', ...ids, 't2') })),
      sends: fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.record({ sourceId: fc.constantFrom(...ids, 't1', 't2', 't3'), targetBusId: fc.constantFrom(...ids) })),
    });
    fc.assert(
      fc.property(arbitraryMix, (snapshot) => {
        const { mix } = parseMix(snapshot);
        expect(findRoutingCycle(mix)).toBeNull();
        const order = processingOrder(mix);
        expect(order.at(-1)).toBe(masterId);
        expect(new Set(order).size).toBe(Object.keys(mix.tracks).length + Object.keys(mix.buses).length + 1);
        for (const edge of routingEdges(mix)) expect(order.indexOf(edge.from)).toBeLessThan(order.indexOf(edge.to));
      }),
      { numRuns: 300 },
    );
  });
});
