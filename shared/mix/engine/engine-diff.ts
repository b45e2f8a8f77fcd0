import type { EngineConfig, EngineStrip } from './engine-config.ts';
import type { ParameterChange, StripFlagField, StripNumberField } from './engine-protocol.ts';

/**
 * What the controller sends when the mix document changes: a knob turn
 * becomes one small timed parameter change; anything that changes the
 * engine's structure (strips, routing, sends, inserts, clips, limiters)
 * becomes a whole new config, which the renderer adopts keeping state.
 */

/** The parts of a config that need a reconfiguration when they change. */
export function structureKey(config: EngineConfig): string {
  return JSON.stringify([
    config.strips.map((strip) => [strip.id, strip.role, strip.outputId, strip.sidechainId, strip.limiterEnabled]),
    config.sends.map((send) => [send.id, send.sourceId, send.targetId, send.preFader]),
    config.inserts.map((insert) => [insert.id, insert.ownerId, insert.kind]),
    config.clips,
  ]);
}

const numberFields: readonly StripNumberField[] = ['inputGainDb', 'faderDb', 'pan'];
const flagFields: readonly StripFlagField[] = ['phaseInvert', 'mute', 'solo', 'compressorEnabled'];
const groupFields = ['eq', 'compressor', 'limiter'] as const;

function sameValues(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]));
}

function stripChanges(previous: EngineStrip, next: EngineStrip, changes: ParameterChange[]): void {
  const id = next.id;
  for (const field of numberFields) if (!Object.is(previous[field], next[field])) changes.push({ target: 'strip', id, field, value: next[field] });
  for (const field of flagFields) if (previous[field] !== next[field]) changes.push({ target: 'strip', id, field, value: next[field] });
  for (const field of groupFields) {
    if (sameValues(previous[field], next[field])) continue;
    if (field === 'eq') changes.push({ target: 'strip', id, field, value: next.eq });
    else if (field === 'compressor') changes.push({ target: 'strip', id, field, value: next.compressor });
    else changes.push({ target: 'strip', id, field, value: next.limiter });
  }
}

/**
 * The parameter changes that turn `previous` into `next`, or null when the
 * structure differs and `next` must be sent whole.
 */
export function diffEngineConfigs(previous: EngineConfig, next: EngineConfig): ParameterChange[] | null {
  if (structureKey(previous) !== structureKey(next)) return null;
  const changes: ParameterChange[] = [];
  next.strips.forEach((strip, index) => stripChanges(previous.strips[index]!, strip, changes));
  next.sends.forEach((send, index) => {
    if (!Object.is(previous.sends[index]!.levelDb, send.levelDb)) changes.push({ target: 'send', id: send.id, levelDb: send.levelDb });
  });
  next.inserts.forEach((insert, index) => {
    if (!sameValues(previous.inserts[index]!.parameters, insert.parameters)) changes.push({ target: 'insert', id: insert.id, parameters: insert.parameters });
  });
  if (previous.tempoBpm !== next.tempoBpm || previous.beatsPerBar !== next.beatsPerBar) {
    changes.push({ target: 'tempo', tempoBpm: next.tempoBpm, beatsPerBar: next.beatsPerBar });
  }
  return changes;
}
