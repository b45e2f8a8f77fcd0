import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterRanges } from '../../../shared/mix/parameter-ranges.ts';
import { MASTERING_TARGET_LUFS, PresetInput } from '../../../shared/schemas/plugins.ts';

/** Every numeric leaf of accepted parameters, with the range it must lie in. */
function rangeChecks(input: PresetInput): Array<[string, number, { min: number; max: number }]> {
  const r = parameterRanges;
  const p = input.parameters;
  const checks: Array<[string, number, { min: number; max: number }]> = [
    ['eq.lowFrequency', p.eq.lowFrequency, r.eqLowFrequency],
    ['eq.lowGainDb', p.eq.lowGainDb, r.eqLowGainDb],
    ['eq.midFrequency', p.eq.midFrequency, r.eqMidFrequency],
    ['eq.midGainDb', p.eq.midGainDb, r.eqMidGainDb],
    ['eq.midQ', p.eq.midQ, r.eqMidQ],
    ['eq.highFrequency', p.eq.highFrequency, r.eqHighFrequency],
    ['eq.highGainDb', p.eq.highGainDb, r.eqHighGainDb],
    ['compressor.thresholdDb', p.compressor.thresholdDb, r.compressorThresholdDb],
    ['compressor.ratio', p.compressor.ratio, r.compressorRatio],
    ['compressor.kneeDb', p.compressor.kneeDb, r.compressorKneeDb],
    ['compressor.attackMs', p.compressor.attackMs, r.compressorAttackMs],
    ['compressor.releaseMs', p.compressor.releaseMs, r.compressorReleaseMs],
    ['compressor.makeupGainDb', p.compressor.makeupGainDb, r.compressorMakeupGainDb],
  ];
  if (input.kind === 'channel-strip') {
    checks.push(['inputGainDb', input.parameters.inputGainDb, r.inputGainDb]);
    for (const send of input.parameters.sends) checks.push(['sends.levelDb', send.levelDb, r.sendLevelDb]);
  } else {
    checks.push(['limiter.ceilingDb', input.parameters.limiter.ceilingDb, r.limiterCeilingDb]);
    checks.push(['limiter.releaseMs', input.parameters.limiter.releaseMs, r.limiterReleaseMs]);
    checks.push(['targetLufs', input.parameters.targetLufs, MASTERING_TARGET_LUFS]);
  }
  return checks;
}

/** Numbers around a range: inside, at the edges, just outside, far outside, and non-finite. */
const near = (range: { min: number; max: number }) =>
  fc.oneof(
    fc.double({ min: range.min, max: range.max, noNaN: true }),
    fc.constantFrom(range.min, range.max, range.min - 0.001, range.max + 0.001, range.min - 1000, range.max * 10 + 1, Number.NaN, Number.POSITIVE_INFINITY),
  );

const r = parameterRanges;
const eq = fc.record({
  enabled: fc.boolean(),
  lowFrequency: near(r.eqLowFrequency), lowGainDb: near(r.eqLowGainDb), midFrequency: near(r.eqMidFrequency), midGainDb: near(r.eqMidGainDb),
  midQ: near(r.eqMidQ), highFrequency: near(r.eqHighFrequency), highGainDb: near(r.eqHighGainDb),
});
const compressor = fc.record({
  enabled: fc.boolean(), thresholdDb: near(r.compressorThresholdDb), ratio: near(r.compressorRatio), kneeDb: near(r.compressorKneeDb),
  attackMs: near(r.compressorAttackMs), releaseMs: near(r.compressorReleaseMs), makeupGainDb: near(r.compressorMakeupGainDb),
});
const nearlyValidPreset = fc.oneof(
  fc.record({
    name: fc.string({ maxLength: 90 }), kind: fc.constant('channel-strip'),
    parameters: fc.record({
      inputGainDb: near(r.inputGainDb), eq, compressor,
      sends: fc.array(fc.record({ target: fc.constantFrom('reverb', 'delay', 'chorus'), levelDb: near(r.sendLevelDb) }), { maxLength: 3 }),
    }),
  }),
  fc.record({
    name: fc.string({ maxLength: 90 }), kind: fc.constant('mastering'),
    parameters: fc.record({ eq, compressor, limiter: fc.record({ enabled: fc.boolean(), ceilingDb: near(r.limiterCeilingDb), releaseMs: near(r.limiterReleaseMs) }), targetLufs: near(MASTERING_TARGET_LUFS) }),
  }),
);

describe('the preset validator', () => {
  it('accepts only presets whose every value lies within the console’s ranges', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearlyValidPreset, (candidate) => {
        const result = PresetInput.safeParse(candidate);
        if (!result.success) return;
        accepted++;
        for (const [field, value, range] of rangeChecks(result.data)) {
          expect(Number.isFinite(value), field).toBe(true);
          expect(value, field).toBeGreaterThanOrEqual(range.min);
          expect(value, field).toBeLessThanOrEqual(range.max);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
    // The generator must reach the accepting side too, or the property proves nothing.
    expect(accepted).toBeGreaterThan(0);
  });

  it('never throws on junk and names the field it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), nearlyValidPreset), (junk) => {
        const result = PresetInput.safeParse(junk);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000, seed: 11 },
    );
    const bad = PresetInput.safeParse({
      name: 'Too hot', kind: 'mastering',
      parameters: {
        eq: { enabled: true, lowFrequency: 100, lowGainDb: 0, midFrequency: 1000, midGainDb: 0, midQ: 0.7, highFrequency: 8000, highGainDb: 0 },
        compressor: { enabled: true, thresholdDb: -18, ratio: 4, kneeDb: 6, attackMs: 10, releaseMs: 120, makeupGainDb: 0 },
        limiter: { enabled: true, ceilingDb: 3, releaseMs: 80 },
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['parameters.limiter.ceilingDb']);
  });
});
