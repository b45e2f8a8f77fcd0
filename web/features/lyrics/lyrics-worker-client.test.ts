import { describe, expect, it } from 'vitest';
import type { LyricsRequest, LyricsResponse } from './lyrics-protocol.ts';
import { EngineStatus, LyricsWorkerClient, type WorkerPort } from './lyrics-worker-client.ts';

function fakePort() {
  const sent: LyricsRequest[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, handler) => {
      listener = handler;
    },
    terminate: () => undefined,
  };
  const reply = (data: LyricsResponse) => listener?.({ data } as MessageEvent);
  return { port, sent, reply };
}

describe('LyricsWorkerClient', () => {
  it('keeps one analysis in flight and only the newest waiting', () => {
    const { port, sent, reply } = fakePort();
    const client = new LyricsWorkerClient(port);
    client.analyze('a');
    client.analyze('ab');
    client.analyze('abc');
    expect(sent.map((request) => (request.type === 'analyze' ? request.text : ''))).toEqual(['a']);
    reply({ type: 'analysis', id: sent[0]!.id, lines: [] });
    expect(sent.map((request) => (request.type === 'analyze' ? request.text : ''))).toEqual(['a', 'abc']);
    reply({ type: 'analysis', id: sent[1]!.id, lines: [{ sourceLine: 0, syllables: 1, schemeLetter: '', family: null, endWord: null }] });
    expect(client.lines).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('runs different kinds side by side and releases a kind after a failure', () => {
    const { port, sent, reply } = fakePort();
    const client = new LyricsWorkerClient(port);
    client.analyze('a');
    client.findRhymes('night');
    client.findRhymes('light');
    expect(sent.map((request) => request.type)).toEqual(['analyze', 'rhymes']);
    reply({ type: 'failed', id: sent[1]!.id, message: 'boom' });
    expect(sent.at(-1)).toMatchObject({ type: 'rhymes', word: 'light' });
  });

  it('says which caret line the suggestions answer, even when a newer request waits', () => {
    const { port, sent, reply } = fakePort();
    const client = new LyricsWorkerClient(port);
    expect(client.suggestionsLine).toBeNull();
    client.suggest('one\ntwo\n', 0);
    client.suggest('one\ntwo\n', 2);
    reply({ type: 'suggestions', id: sent[0]!.id, targetSyllables: 3, suggestions: [{ text: 'for the first', syllables: 3, rhymesWith: null }] });
    expect(client.suggestionsLine).toBe(0);
    expect(sent.at(-1)).toMatchObject({ type: 'suggest', caretLine: 2 });
    reply({ type: 'suggestions', id: sent[1]!.id, targetSyllables: 3, suggestions: [{ text: 'for the third', syllables: 3, rhymesWith: null }] });
    expect(client.suggestionsLine).toBe(2);
    expect(client.suggestions[0]?.text).toBe('for the third');
    // The engine threw on line 3's text: line 2's suggestions do not pass for line 3's.
    client.suggest('one\ntwo\nthree\n', 3);
    reply({ type: 'failed', id: sent.at(-1)!.id, message: 'boom' });
    expect(client.suggestionsLine).toBe(3);
    expect(client.suggestions).toEqual([]);
  });

  it('reports readiness, load failures and fires change', () => {
    const { port, reply } = fakePort();
    const client = new LyricsWorkerClient(port);
    let changes = 0;
    client.addEventListener('change', () => (changes += 1));
    expect(client.status).toBe(EngineStatus.loading);
    reply({ type: 'ready', version: 1, loadMs: 420 });
    expect(client.status).toBe(EngineStatus.ready);
    expect(client.loadMs).toBe(420);
    reply({ type: 'load-failed', reason: 'network', message: 'offline' });
    expect(client.status).toBe(EngineStatus.failed);
    expect(changes).toBe(2);
  });
});
