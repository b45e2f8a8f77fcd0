/**
 * A streaming mono resampler for going DOWN in rate (48/44.1 kHz masters to a 22.05 kHz preview):
 * windowed-sinc interpolation whose low-pass sits just under the output's Nyquist, so hi-hats
 * above it are removed instead of folding back as aliasing. Pure: samples in, samples out, fed in
 * chunks of any size; memory is one chunk plus the kernel's reach.
 */

/** Zero crossings of the sinc on each side, in output samples: the filter's length and steepness. */
const ZERO_CROSSINGS = 8;
/**
 * Fractional positions are rounded to 1/PHASES of an input sample, whose weights are computed once:
 * the timing error (≤ 1/512 sample) stays under -50 dB even at the top of the band.
 */
const PHASES = 256;
/** Cut-off as a fraction of the output Nyquist: leaves room for the transition band. */
const CUTOFF = 0.9;

export interface Resampler {
  /** Resamples the next chunk; returns every output sample that chunk made computable. */
  push(input: Float32Array): Float32Array;
  /** The samples still owed at the end of the stream (the kernel's tail over silence). */
  flush(): Float32Array;
}

/** Blackman window over x ∈ [-1, 1]. */
const blackman = (x: number) => 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);

export function createResampler(inputRate: number, outputRate: number): Resampler {
  if (outputRate > inputRate) throw new RangeError(`only downsampling is supported (${inputRate} → ${outputRate})`);
  if (outputRate === inputRate) return { push: (input) => input.slice(), flush: () => new Float32Array(0) };

  const step = inputRate / outputRate;
  // Cut-off in cycles per input sample; the kernel reaches ZERO_CROSSINGS output periods each way.
  const cutoff = (0.5 * CUTOFF) / step;
  const reach = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
  const taps = 2 * reach;
  // weights[phase × taps + k]: the weight of input sample floor(centre) - reach + 1 + k when centre's fraction is phase / PHASES.
  const weights = new Float32Array((PHASES + 1) * taps);
  for (let phase = 0; phase <= PHASES; phase++) {
    for (let k = 0; k < taps; k++) {
      const distance = phase / PHASES + reach - 1 - k;
      const x = 2 * cutoff * distance;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      weights[phase * taps + k] = Math.abs(distance) >= reach ? 0 : 2 * cutoff * sinc * blackman(distance / reach);
    }
  }

  // `buffer[0]` is input sample number `bufferStart`; output n sits at input position n × step.
  let buffer = new Float32Array(reach);
  let bufferStart = -reach;
  let produced = 0;
  let consumed = 0;

  function render(until: number): Float32Array {
    // Outputs whose kernel lies wholly inside what has arrived (the bound is an estimate; the loop decides).
    const out = new Float32Array(Math.max(0, Math.ceil((until - reach) / step) - produced + 1));
    let index = 0;
    for (; index < out.length; index++, produced++) {
      const centre = produced * step;
      const whole = Math.floor(centre);
      if (whole + reach >= until) break;
      const offset = (Math.round((centre - whole) * PHASES) * taps) | 0;
      const at = whole - reach + 1 - bufferStart;
      let sum = 0;
      for (let k = 0; k < taps; k++) sum += buffer[at + k]! * weights[offset + k]!;
      out[index] = sum;
    }
    // Keep only what later outputs can still reach.
    const keepFrom = Math.max(0, Math.floor(produced * step) - reach + 1 - bufferStart);
    buffer = buffer.slice(keepFrom);
    bufferStart += keepFrom;
    return out.subarray(0, index);
  }

  return {
    push(input) {
      const joined = new Float32Array(buffer.length + input.length);
      joined.set(buffer, 0);
      joined.set(input, buffer.length);
      buffer = joined;
      consumed += input.length;
      return render(bufferStart + buffer.length);
    },
    flush() {
      // Outputs whose centre lies inside the input, computed over silence past its end.
      const owed = Math.ceil(consumed / step) - produced;
      if (owed <= 0) return new Float32Array(0);
      const padded = new Float32Array(buffer.length + 2 * reach + 2);
      padded.set(buffer, 0);
      buffer = padded;
      const tail = render(bufferStart + buffer.length);
      return tail.subarray(0, Math.max(0, owed));
    },
  };
}
