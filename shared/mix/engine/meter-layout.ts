/**
 * Where each meter value sits in a meter frame, the Float64Array the engine
 * fills at 60 Hz (posted as a message, or written into a SharedArrayBuffer
 * when the page is cross-origin isolated). One flat array, so filling it on
 * the audio thread allocates nothing. Doubles, because the transport position
 * in frames outgrows float32's 24-bit mantissa after six minutes.
 */
export const MeterHeader = {
  /** Incremented once per frame written. */
  sequence: 0,
  transportFrame: 1,
  /** 1 while playing. */
  playing: 2,
  /** Highest master true peak since the previous frame, dBTP. */
  masterTruePeakDb: 3,
  /** Highest master true peak since the meter was reset, dBTP (the clip light). */
  masterTruePeakMaxDb: 4,
  momentaryLufs: 5,
  shortTermLufs: 6,
  integratedLufs: 7,
  /** Master limiter gain reduction, dB (≤ 0). */
  limiterGainReductionDb: 8,
} as const;
export type MeterHeader = (typeof MeterHeader)[keyof typeof MeterHeader];

export const meterHeaderLength = 9;

/** Values per strip, in processing order (master last). */
export const StripMeter = {
  peakLeftDb: 0,
  peakRightDb: 1,
  rmsLeftDb: 2,
  rmsRightDb: 3,
  /** Compressor gain reduction, dB (≤ 0). */
  gainReductionDb: 4,
} as const;
export type StripMeter = (typeof StripMeter)[keyof typeof StripMeter];

export const stripMeterLength = 5;

/** Spectrum bands of the master output. */
export const spectrumBandCount = 31;

/** Largest number of strips a shared meter buffer is sized for. */
export const maximumMeteredStrips = 512;

/** Length of a meter frame for `stripCount` strips. */
export function meterFrameLength(stripCount: number): number {
  return meterHeaderLength + stripCount * stripMeterLength + spectrumBandCount;
}

/** Offset of the spectrum bands in a frame. */
export function spectrumOffset(stripCount: number): number {
  return meterHeaderLength + stripCount * stripMeterLength;
}

/**
 * Byte size of a shared meter buffer: an Int32 sequence lock (8 bytes, for
 * alignment) then a frame sized for {@link maximumMeteredStrips}.
 */
export const sharedMeterBufferBytes = 8 + meterFrameLength(maximumMeteredStrips) * 8;

/** A meter frame decoded for the UI. */
export interface MeterReading {
  readonly sequence: number;
  readonly transportSeconds: number;
  readonly playing: boolean;
  readonly master: {
    readonly truePeakDb: number;
    readonly truePeakMaxDb: number;
    readonly momentaryLufs: number;
    readonly shortTermLufs: number;
    readonly integratedLufs: number;
    readonly limiterGainReductionDb: number;
  };
  readonly strips: ReadonlyMap<string, { readonly peakDb: readonly [number, number]; readonly rmsDb: readonly [number, number]; readonly gainReductionDb: number }>;
  readonly spectrumDb: Float32Array;
}

/** Decodes a frame (main thread only: it allocates). */
export function readMeterFrame(values: Float64Array, stripIds: readonly string[], sampleRate: number): MeterReading {
  const strips = new Map<string, { peakDb: [number, number]; rmsDb: [number, number]; gainReductionDb: number }>();
  stripIds.forEach((id, index) => {
    const base = meterHeaderLength + index * stripMeterLength;
    strips.set(id, {
      peakDb: [values[base + StripMeter.peakLeftDb]!, values[base + StripMeter.peakRightDb]!],
      rmsDb: [values[base + StripMeter.rmsLeftDb]!, values[base + StripMeter.rmsRightDb]!],
      gainReductionDb: values[base + StripMeter.gainReductionDb]!,
    });
  });
  const bands = spectrumOffset(stripIds.length);
  return {
    sequence: values[MeterHeader.sequence]!,
    transportSeconds: values[MeterHeader.transportFrame]! / sampleRate,
    playing: values[MeterHeader.playing] === 1,
    master: {
      truePeakDb: values[MeterHeader.masterTruePeakDb]!,
      truePeakMaxDb: values[MeterHeader.masterTruePeakMaxDb]!,
      momentaryLufs: values[MeterHeader.momentaryLufs]!,
      shortTermLufs: values[MeterHeader.shortTermLufs]!,
      integratedLufs: values[MeterHeader.integratedLufs]!,
      limiterGainReductionDb: values[MeterHeader.limiterGainReductionDb]!,
    },
    strips,
    spectrumDb: Float32Array.from(values.subarray(bands, bands + spectrumBandCount)),
  };
}
