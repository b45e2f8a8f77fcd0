import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/schemas/auth.ts';
import { ApiClient } from '../../api/api-client.ts';
import { UnreadCounter } from './unread-counter.ts';

/** An API client whose `GET /api/messages/unread` answers are released by the test, in any order. */
function clientWithHeldAnswers() {
  const held: Array<(count: number) => void> = [];
  const fetch = (async () =>
    new Promise<Response>((resolve) => {
      held.push((count) => resolve(new Response(JSON.stringify({ unreadCount: count, conversations: count }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
    })) as typeof globalThis.fetch;
  const client = new ApiClient({ fetch, getLocale: () => 'en' });
  // Signed in: only the access token matters to the requests.
  client.setSession({ accessToken: 'token' } as Session);
  return { client, held };
}

describe('UnreadCounter', () => {
  it('keeps the newest answer when an older refresh lands after it', async () => {
    const { client, held } = clientWithHeldAnswers();
    const counter = new UnreadCounter(client);
    const first = counter.refresh();
    const second = counter.refresh();
    await expect.poll(() => held.length).toBe(2);
    // The second refresh (after a new message) answers first; the first one's old count comes late.
    held[1]!(1);
    await second;
    held[0]!(0);
    await first;
    expect(counter.count).toBe(1);
  });

  it('takes a newer answer over an older one', async () => {
    const { client, held } = clientWithHeldAnswers();
    const counter = new UnreadCounter(client);
    const first = counter.refresh();
    const second = counter.refresh();
    await expect.poll(() => held.length).toBe(2);
    held[0]!(3);
    await first;
    expect(counter.count).toBe(3);
    held[1]!(4);
    await second;
    expect(counter.count).toBe(4);
  });
});
