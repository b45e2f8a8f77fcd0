import { describe, expect, it } from 'vitest';
import { parseMix } from '../../../shared/mix/mix-document.ts';
import { createDemoSong } from '../../../shared/mix/engine/demo-song.ts';
import { parameterRanges } from '../../../shared/mix/parameter-ranges.ts';
import type { PlainMixDocument } from './imported-track.ts';
import { absentSend, effectReturns, findSend, formatParameter, fromSlider, logSteps, sliderSpec, toSlider, writeSend } from './strip-controls.ts';

function demoDocument(): PlainMixDocument {
  return structuredClone(createDemoSong({ sampleRate: 8000, durationSeconds: 0.01, trackCount: 5 }).document) as PlainMixDocument;
}

describe('slider mapping', () => {
  it('uses the value itself for linear parameters, in console-sized steps', () => {
    expect(sliderSpec(parameterRanges.eqLowGainDb)).toEqual({ min: -18, max: 18, step: 0.5 });
    expect(sliderSpec(parameterRanges.reverbDamping)).toEqual({ min: 0, max: 1, step: 0.01 });
    expect(toSlider(-3.5, parameterRanges.eqLowGainDb)).toBe(-3.5);
    expect(fromSlider(4, parameterRanges.eqLowGainDb)).toBe(4);
    expect(fromSlider(40, parameterRanges.eqLowGainDb)).toBe(18);
  });

  it('moves log parameters in equal ratios and maps the ends to the range ends', () => {
    const range = parameterRanges.eqMidFrequency;
    expect(sliderSpec(range)).toEqual({ min: 0, max: logSteps, step: 1 });
    expect(fromSlider(0, range)).toBe(100);
    expect(fromSlider(logSteps, range)).toBe(10000);
    expect(fromSlider(logSteps / 2, range)).toBe(1000);
    expect(toSlider(1000, range)).toBe(logSteps / 2);
    expect(toSlider(1e9, range)).toBe(logSteps);
    expect(toSlider(Number.NaN, range)).toBe(toSlider(range.default, range));
  });

  it('round-trips every position of every log parameter', () => {
    for (const [name, range] of Object.entries(parameterRanges)) {
      if (range.scale !== 'log') continue;
      for (let position = 0; position <= logSteps; position++) expect(toSlider(fromSlider(position, range), range), `${name} at ${position}`).toBe(position);
    }
  });
});

describe('formatParameter', () => {
  it('shows each unit readably, in the locale', () => {
    expect(formatParameter(-3.5, parameterRanges.eqLowGainDb, 'en')).toBe('-3.5 dB');
    expect(formatParameter(-3.5, parameterRanges.eqLowGainDb, 'fr')).toMatch(/^[-−]3,5 dB$/);
    expect(formatParameter(120, parameterRanges.eqLowFrequency, 'en')).toBe('120 Hz');
    expect(formatParameter(1250, parameterRanges.eqMidFrequency, 'en')).toBe('1.25 kHz');
    expect(formatParameter(4, parameterRanges.compressorRatio, 'en')).toBe('4.0:1');
    expect(formatParameter(0.5, parameterRanges.compressorAttackMs, 'en')).toBe('0.5 ms');
    expect(formatParameter(120, parameterRanges.compressorReleaseMs, 'en')).toBe('120 ms');
    expect(formatParameter(0.02, parameterRanges.reverbPreDelaySeconds, 'en')).toBe('20 ms');
    expect(formatParameter(2.2, parameterRanges.reverbDecaySeconds, 'en')).toBe('2.20 s');
    expect(formatParameter(0.4, parameterRanges.reverbDamping, 'en')).toBe('40%');
    expect(formatParameter(0.7, parameterRanges.eqMidQ, 'en')).toBe('0.70');
  });
});

describe('sends', () => {
  it('finds the effect returns and the sends to them', () => {
    const { mix } = parseMix(demoDocument());
    const returns = effectReturns(mix.inserts);
    expect(returns.reverb?.ownerId).toBe('bus-reverb');
    expect(returns.delay?.ownerId).toBe('bus-delay');
    expect(findSend(mix.sends, 'track-004', 'bus-delay')?.levelDb).toBe(-14);
    expect(findSend(mix.sends, 'track-000', 'bus-delay')).toBeUndefined();
  });

  it('changes an existing send in place', () => {
    const document = demoDocument();
    const id = writeSend(document, 'track-004', 'bus-delay', 'levelDb', -6);
    expect(id).toBe('send-track-004-delay');
    const { mix, issues } = parseMix(document);
    expect(issues).toEqual([]);
    expect(mix.sends[id]).toMatchObject({ levelDb: -6, preFader: false });
    expect(Object.values(mix.sends).filter((send) => send.sourceId === 'track-004')).toHaveLength(2);
  });

  it('creates a missing send, silent apart from the edited field, with an id within the schema limit', () => {
    const document = demoDocument();
    const before = Object.keys(parseMix(document).mix.sends).length;
    const id = writeSend(document, 'track-000', 'bus-reverb', 'preFader', true);
    const { mix, issues } = parseMix(document);
    expect(issues).toEqual([]);
    expect(Object.keys(mix.sends)).toHaveLength(before + 1);
    expect(mix.sends[id]).toMatchObject({ sourceId: 'track-000', targetBusId: 'bus-reverb', levelDb: absentSend.levelDb, preFader: true, enabled: true });
    expect(writeSend(document, 'track-000', 'bus-reverb', 'levelDb', -20)).toBe(id);
    const long = writeSend(document, `track-${'x'.repeat(58)}`, 'bus-reverb', 'levelDb', -20);
    expect(long.length).toBeLessThanOrEqual(64);
  });
});
