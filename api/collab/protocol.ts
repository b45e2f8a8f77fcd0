import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket wire protocol (what y-websocket's WebsocketProvider speaks): every frame starts
 * with a message type; sync messages carry a y-protocols sync step; awareness messages carry an
 * awareness update. Decoding is strict: anything left over or cut short is a bad message.
 */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export class BadMessageError extends Error {}

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const messageType = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (messageType === MESSAGE.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC.step1) message = { type: 'sync-step1', stateVector: payload };
      else if (syncType === SYNC.step2 || syncType === SYNC.update) message = { type: 'update', update: payload };
      else throw new BadMessageError(`unknown sync message ${syncType}`);
    } else if (messageType === MESSAGE.awareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (messageType === MESSAGE.queryAwareness) {
      message = { type: 'query-awareness' };
    } else {
      throw new BadMessageError(`unknown message type ${messageType}`);
    }
    if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof BadMessageError) throw error;
    throw new BadMessageError('truncated or malformed message', { cause: error });
  }
}

/**
 * The encoded frame as a Buffer view of the same bytes: `ws` wraps anything else in a new Buffer on
 * every send, and a relayed frame is sent to every socket of a document.
 */
function toFrame(encoder: encoding.Encoder): Buffer {
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function encodeSync(syncType: number, payload: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return toFrame(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Buffer => encodeSync(SYNC.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Buffer => encodeSync(SYNC.step2, update);
export const encodeUpdate = (update: Uint8Array): Buffer => encodeSync(SYNC.update, update);

export function encodeAwareness(update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return toFrame(encoder);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decodes an awareness update into its entries; a malformed one is a bad message. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 64) throw new BadMessageError('too many awareness entries');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new BadMessageError('awareness state must be an object or null');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes after awareness update');
    return entries;
  } catch (error) {
    if (error instanceof BadMessageError) throw error;
    throw new BadMessageError('malformed awareness update', { cause: error });
  }
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
