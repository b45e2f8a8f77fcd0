import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The two dialects of the y-websocket protocol the benchmark speaks. CreatorSync frames are plain
 * y-websocket: `[messageType][payload]`. Hocuspocus (v3 and v4) multiplexes documents over one
 * socket, so each frame starts with the document name: `[varString name][messageType][payload]`,
 * and a connection must first send an auth message (`[name][2 auth][0 token][varString token]`);
 * the bare server accepts any token.
 */
export const DIALECTS = { yWebsocket: 'y-websocket', hocuspocus: 'hocuspocus' } as const;
export type Dialect = (typeof DIALECTS)[keyof typeof DIALECTS];

const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncReply: 4, syncStatus: 8 } as const;
const SYNC = { step1: 0, step2: 1, update: 2 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

export type ServerFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'authenticated' }
  | { kind: 'denied'; reason: string }
  | { kind: 'other' };

function start(dialect: Dialect, documentName: string): encoding.Encoder {
  const encoder = encoding.createEncoder();
  if (dialect === DIALECTS.hocuspocus) encoding.writeVarString(encoder, documentName);
  return encoder;
}

function syncFrame(dialect: Dialect, documentName: string, step: number, payload: Uint8Array): Uint8Array {
  const encoder = start(dialect, documentName);
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (dialect: Dialect, name: string, stateVector: Uint8Array) => syncFrame(dialect, name, SYNC.step1, stateVector);
export const encodeSyncStep2 = (dialect: Dialect, name: string, update: Uint8Array) => syncFrame(dialect, name, SYNC.step2, update);
export const encodeUpdate = (dialect: Dialect, name: string, update: Uint8Array) => syncFrame(dialect, name, SYNC.update, update);

export function encodeAuth(name: string, token: string): Uint8Array {
  const encoder = start(DIALECTS.hocuspocus, name);
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, AUTH.token);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** One awareness entry (the client's presence), as y-protocols encodes it. */
export function encodeAwareness(dialect: Dialect, name: string, clientId: number, state: Record<string, unknown>): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, 1);
  encoding.writeVarString(entry, JSON.stringify(state));
  const encoder = start(dialect, name);
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry));
  return encoding.toUint8Array(encoder);
}

export function decodeServerFrame(dialect: Dialect, frame: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(frame);
  if (dialect === DIALECTS.hocuspocus) decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE.sync || type === MESSAGE.syncReply) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC.step1) return { kind: 'sync-step1', stateVector: payload };
    if (step === SYNC.step2) return { kind: 'sync-step2', update: payload };
    return { kind: 'update', update: payload };
  }
  if (type === MESSAGE.auth && dialect === DIALECTS.hocuspocus) {
    const authType = decoding.readVarUint(decoder);
    if (authType === AUTH.authenticated) return { kind: 'authenticated' };
    if (authType === AUTH.permissionDenied) return { kind: 'denied', reason: decoding.readVarString(decoder) };
  }
  return { kind: 'other' };
}

/**
 * The identity of an edit without applying it: a Yjs v1 update starts with the number of clients,
 * then for the first client the number of structs, the client id and the clock of its first
 * struct. A one-insert edit is uniquely named by (client id, clock), so that pair is the edit's
 * sequence number, carried by the edit itself. Receivers read these three varints instead of
 * applying the update, which keeps the load generator cheap enough not to hide the servers.
 */
export function editKey(update: Uint8Array): string | undefined {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return undefined;
  decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return `${client}:${clock}`;
}
