import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

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
 * The identities of the edits an update carries, without applying it. A one-insert edit is named
 * by the (client id, clock) of its first character: that pair is the edit's sequence number,
 * carried by the edit itself. A Yjs v1 update starts with the number of clients, then the number
 * of structs, the client id and the first clock; for a single edit those four varints are all a
 * receiver reads, which keeps the load generator cheap enough not to hide the servers. An update
 * that merges several edits (a server may batch them) is decoded in full; every clock it covers
 * is listed, so each edit in it is found.
 */
export function editKeys(update: Uint8Array): string[] {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  if (clients === 0) return [];
  const structs = decoding.readVarUint(decoder);
  if (clients === 1 && structs === 1) return [`${decoding.readVarUint(decoder)}:${decoding.readVarUint(decoder)}`];
  const keys: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) keys.push(`${struct.id.client}:${clock}`);
  }
  return keys;
}
