import * as Y from 'yjs';

/** Who sends an update to a project's comments document, as the server verified it. */
export interface CommentsWriter {
  userId: string;
  /** The project's owner may delete anyone's comment or message (moderating their own song). */
  owner: boolean;
}

const ENTRY_ROOTS = new Set(['comments', 'chat']);
/** The one field of someone else's comment anybody who may comment can change. */
const SHARED_FIELD = 'resolved';

/**
 * Why an update to a comments document breaks its write rules, or null when it keeps them.
 *
 * The comments document is shared by everyone on a project, and each comment or chat message names
 * its author. Without these rules a collaborator's client could write a comment "by" someone else,
 * reword another person's comment or delete it. The server runs this on each update before applying
 * it (against the document as it is at that moment), so a forged one never reaches the database or
 * anybody else. The rules are what the app itself writes (`comments-document.ts`):
 * - a new comment or message is a map under `comments` (keyed by its id) or pushed on `chat`, and
 *   its `authorId` is the sender;
 * - on someone else's comment, only `resolved` may be set (resolving and reopening);
 * - a comment or message is deleted only by its author or the project's owner;
 * - nothing else: no other top-level types, no types nested in an entry, no deleting content the
 *   server does not have (which would wipe someone's future edits when they arrive).
 *
 * In an update a Yjs item names its parent only when it has no neighbours; otherwise the parent is
 * the neighbour's (its origin), which may be in the same update or already in the document. Items
 * the document already has are no-ops when applied and are not judged again.
 */
export function commentsWriteRefusal(doc: Y.Doc, update: Uint8Array, writer: CommentsWriter): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = indexByClient(structs);
  const places = new Map<Y.Item, Place>();
  const knownUpTo = (client: number) => Y.getState(doc.store, client);

  /**
   * What holds `id`: an item of this update or of the document, `gone` for content deleted for good
   * (a GC struct; Yjs drops anything placed next to or inside it), or undefined if nobody has it.
   */
  const locate = (id: Y.ID): Located | 'gone' | undefined => {
    if (id.clock < knownUpTo(id.client)) {
      const existing = Y.getItem(doc.store, id);
      return existing instanceof Y.Item ? { item: existing, isNew: false } : 'gone';
    }
    const own = findIn(incoming.get(id.client), id.clock);
    if (own instanceof Y.Item) return { item: own, isNew: true };
    return own instanceof Y.GC ? 'gone' : undefined;
  };

  /** Where an item sits; undefined when its parent or neighbour is nowhere to be found. */
  const placeOf = (item: Y.Item, isNew: boolean): Place | undefined => {
    const known = places.get(item);
    if (known) return known;
    let place: Place | undefined;
    if (!isNew) place = existingPlace(item);
    else if (typeof item.parent === 'string') place = { root: item.parent, key: item.parentSub };
    else if (item.parent instanceof Y.ID) place = entryPlace(locate(item.parent), item.parentSub);
    else {
      // No parent written: it is the neighbour's (origin, else right origin), walked without recursion.
      const chain = new Set<Y.Item>([item]);
      for (let link = item; ; ) {
        const id = link.origin ?? link.rightOrigin;
        const next = id ? locate(id) : undefined;
        if (next === undefined || next === 'gone') {
          place = next === 'gone' ? GONE : undefined;
          break;
        }
        if (places.has(next.item) || !next.isNew || next.item.parent !== null) {
          place = placeOf(next.item, next.isNew);
          break;
        }
        if (chain.has(next.item)) break;
        chain.add(next.item);
        link = next.item;
      }
      if (place) for (const link of chain) places.set(link, place);
    }
    if (place) places.set(item, place);
    return place;
  };

  /** The top-level type (`comments` or `chat`) an entry belongs to, or undefined if it is no entry. */
  const entryRoot = (entry: Located): string | undefined => {
    const place = placeOf(entry.item, entry.isNew);
    return place && 'root' in place && ENTRY_ROOTS.has(place.root) ? place.root : undefined;
  };

  const newEntries = new Set<Y.Item>();
  const newEntriesWithAuthor = new Set<Y.Item>();
  for (const struct of structs) {
    // Deleted content (GC) and gaps (Skip) carry nothing anybody can read; known items are no-ops.
    if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= knownUpTo(struct.id.client)) continue;
    const place = placeOf(struct, true);
    if (!place) return 'an item whose place in the document is unknown';
    if ('gone' in place) continue;
    const deleted = struct.content instanceof Y.ContentDeleted;
    if ('root' in place) {
      if (!ENTRY_ROOTS.has(place.root)) return `writes to "${place.root}", which comments documents do not have`;
      if ((place.root === 'comments') !== (place.key !== null)) return 'an entry in the wrong shape';
      if (!deleted && !(struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map)) return 'an entry that is not a map';
      newEntries.add(struct);
      continue;
    }
    if (place.key === null || !entryRoot(place.entry)) return 'content nested where only entries hold fields';
    if (!deleted && !(struct.content instanceof Y.ContentAny)) return 'a field that is not a plain value';
    if (place.entry.isNew) {
      if (place.key === 'authorId') {
        if (!deleted && (struct.content as Y.ContentAny).arr[0] !== writer.userId) return 'an entry written in someone else’s name';
        newEntriesWithAuthor.add(place.entry.item);
      }
    } else if (place.key !== SHARED_FIELD || entryRoot(place.entry) !== 'comments') {
      return `changes "${place.key}" of an existing entry`;
    }
  }
  for (const entry of newEntries) {
    if (!(entry.content instanceof Y.ContentDeleted) && !newEntriesWithAuthor.has(entry)) return 'an entry without an author';
  }

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const refusal = judgeDeletion(client, clock, clock + len);
      if (refusal) return refusal;
    }
  }
  return null;

  function judgeDeletion(client: number, from: number, to: number): string | null {
    for (let clock = from; clock < to; ) {
      if (clock >= knownUpTo(client)) {
        // The sender's own new content is theirs to delete; content nobody has is not (deleting it
        // ahead would wipe someone's edits when they arrive).
        const own = findIn(incoming.get(client), clock);
        if (!own || own instanceof Y.Skip) return 'deletes content the server does not have';
        clock = own.id.clock + own.length;
        continue;
      }
      const existing = Y.getItem(doc.store, Y.createID(client, clock));
      clock = existing.id.clock + existing.length;
      if (!(existing instanceof Y.Item) || existing.deleted) continue;
      const place = existingPlace(existing);
      if ('gone' in place) continue;
      if ('root' in place) {
        if (!ENTRY_ROOTS.has(place.root)) return `deletes from "${place.root}"`;
        const author = existing.content instanceof Y.ContentType && existing.content.type instanceof Y.Map ? existing.content.type.get('authorId') : undefined;
        if (author !== writer.userId && !writer.owner) return 'deletes someone else’s entry';
        continue;
      }
      // A field goes when it is overwritten (only `resolved` may be) or with its entry.
      if (place.key === SHARED_FIELD) continue;
      const entry = place.entry.item;
      if (entry.deleted || Y.isDeleted(ds, entry.id)) continue;
      return `deletes "${place.key}" of an entry`;
    }
    return null;
  }
}

interface Located {
  item: Y.Item;
  /** In the update being judged, not yet in the document. */
  isNew: boolean;
}

/** A top-level type and key; a map entry's item and key; or `gone`: Yjs will drop the item. */
type Place = { root: string; key: string | null } | { entry: Located; key: string | null } | { gone: true };
const GONE: Place = { gone: true };

function entryPlace(parent: Located | 'gone' | undefined, key: string | null): Place | undefined {
  if (parent === 'gone') return GONE;
  return parent ? { entry: parent, key } : undefined;
}

/** The place of an item already integrated in the document. */
function existingPlace(item: Y.Item): Place {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return GONE;
  if (parent._item === null) return { root: Y.findRootTypeKey(parent), key: item.parentSub };
  return { entry: { item: parent._item, isNew: false }, key: item.parentSub };
}

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** The update's structs per client, in clock order (as Yjs writes them). */
function indexByClient(structs: readonly Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

/** The struct covering `clock` in a clock-ordered list, by binary search. */
function findIn(list: readonly Struct[] | undefined, clock: number): Struct | undefined {
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = list[middle]!;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct;
  }
  return undefined;
}
