import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.ts';

/**
 * How one instance tells the others about document traffic. Alone, there is nobody to tell; with
 * Redis, every update and awareness change a room relays locally is also published on the
 * document's channel, and instances holding the same document relay it to their own clients.
 * Control messages (a member was removed, an account suspended) go to every instance.
 */
export type FanoutKind = 'update' | 'awareness';
export type ControlMessage =
  /** A member was removed or their role changed: their sockets for that project close. */
  | { type: 'membership-changed'; projectId: string; userId: string }
  /** The account may not work any more (suspended by a moderator): all its sockets close. */
  | { type: 'signed-out'; userId: string };

export interface Fanout {
  /** False when there are no other instances to tell: rooms then skip preparing what they would publish. */
  readonly shared: boolean;
  subscribe(documentId: string, handler: (kind: FanoutKind, payload: Uint8Array) => void): Promise<void>;
  unsubscribe(documentId: string): Promise<void>;
  publish(documentId: string, kind: FanoutKind, payload: Uint8Array): Promise<void>;
  publishControl(message: ControlMessage): Promise<void>;
  onControl(handler: (message: ControlMessage) => void): void;
  close(): Promise<void>;
}

export function createLocalFanout(): Fanout {
  const controlHandlers: Array<(message: ControlMessage) => void> = [];
  return {
    shared: false,
    async subscribe() {},
    async unsubscribe() {},
    async publish() {},
    async publishControl(message) {
      for (const handler of controlHandlers) handler(message);
    },
    onControl(handler) {
      controlHandlers.push(handler);
    },
    async close() {},
  };
}

const CHANNEL_PREFIX = 'cs:collab:doc:';
const CONTROL_CHANNEL = 'cs:collab:control';
const KIND_BYTES: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const INSTANCE_ID_LENGTH = 12;

/**
 * Redis pub/sub fan-out. Frames are binary: kind (1 byte) + publishing instance id (12 bytes) +
 * payload, so an instance can ignore its own echoes without decoding anything else.
 */
export function createRedisFanout(publisher: Redis, logger: Logger): Fanout {
  // The subscriber queues commands while (re)connecting: a subscription must not be lost to a blip.
  const subscriber = publisher.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  const instanceId = randomBytes(INSTANCE_ID_LENGTH);
  const handlers = new Map<string, (kind: FanoutKind, payload: Uint8Array) => void>();
  const controlHandlers: Array<(message: ControlMessage) => void> = [];
  const ready = subscriber.subscribe(CONTROL_CHANNEL);

  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const channel = channelBuffer.toString();
    if (channel === CONTROL_CHANNEL) {
      try {
        const parsed = JSON.parse(message.toString()) as ControlMessage;
        for (const handler of controlHandlers) handler(parsed);
      } catch (error) {
        logger.warn('bad control message on redis', { error });
      }
      return;
    }
    if (message.length < 1 + INSTANCE_ID_LENGTH) return;
    if (message.subarray(1, 1 + INSTANCE_ID_LENGTH).equals(instanceId)) return;
    const handler = handlers.get(channel.slice(CHANNEL_PREFIX.length));
    if (!handler) return;
    const kind: FanoutKind = message[0] === KIND_BYTES.awareness ? 'awareness' : 'update';
    handler(kind, new Uint8Array(message.subarray(1 + INSTANCE_ID_LENGTH)));
  });

  return {
    shared: true,
    async subscribe(documentId, handler) {
      await ready;
      handlers.set(documentId, handler);
      await subscriber.subscribe(CHANNEL_PREFIX + documentId);
    },
    async unsubscribe(documentId) {
      handlers.delete(documentId);
      await subscriber.unsubscribe(CHANNEL_PREFIX + documentId);
    },
    async publish(documentId, kind, payload) {
      const frame = Buffer.concat([Buffer.from([KIND_BYTES[kind]]), instanceId, payload]);
      await publisher.publish(CHANNEL_PREFIX + documentId, frame);
    },
    async publishControl(message) {
      // Every instance, this one included, receives it through its subscription.
      await publisher.publish(CONTROL_CHANNEL, JSON.stringify(message));
    },
    onControl(handler) {
      controlHandlers.push(handler);
    },
    async close() {
      subscriber.disconnect();
    },
  };
}

/**
 * Fan-out by topic for features other than document sync (live messaging: one topic per user).
 * Unlike the document fan-out, delivery always goes through it, on one instance too: a publish
 * reaches every handler subscribed to the topic on every instance, the publishing one included,
 * so a feature delivers to its local sockets in one place whether Redis is there or not.
 */
export interface TopicFanout {
  subscribe(topic: string, handler: (payload: string) => void): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export function createLocalTopicFanout(): TopicFanout {
  const handlers = new Map<string, (payload: string) => void>();
  return {
    async subscribe(topic, handler) {
      handlers.set(topic, handler);
    },
    async unsubscribe(topic) {
      handlers.delete(topic);
    },
    async publish(topic, payload) {
      handlers.get(topic)?.(payload);
    },
    async close() {
      handlers.clear();
    },
  };
}

/** Topic fan-out over Redis pub/sub; `prefix` keeps one feature's channels apart from another's. */
export function createRedisTopicFanout(publisher: Redis, logger: Logger, prefix: string): TopicFanout {
  const subscriber = publisher.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  const handlers = new Map<string, (payload: string) => void>();
  subscriber.on('message', (channel: string, message: string) => {
    const handler = handlers.get(channel.slice(prefix.length));
    if (!channel.startsWith(prefix) || !handler) return;
    try {
      handler(message);
    } catch (error) {
      logger.warn('topic handler failed', { channel, error });
    }
  });
  return {
    async subscribe(topic, handler) {
      handlers.set(topic, handler);
      await subscriber.subscribe(prefix + topic);
    },
    async unsubscribe(topic) {
      handlers.delete(topic);
      await subscriber.unsubscribe(prefix + topic);
    },
    async publish(topic, payload) {
      await publisher.publish(prefix + topic, payload);
    },
    async close() {
      subscriber.disconnect();
    },
  };
}
