import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { projectParts } from '../../../shared/project/project-document.ts';
import type { LyricsRequest } from '../lyrics/lyrics-protocol.ts';
import type { WorkerPort } from '../lyrics/lyrics-worker-client.ts';
import { SongAssistant } from './song-assistant.ts';

/** A stand-in worker that records what the assistant asks and lets the test answer. */
function fakeWorker() {
  const sent: LyricsRequest[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, handler) => (listener = handler),
    terminate: () => {},
  };
  return { port, sent, answer: (data: unknown) => listener?.({ data } as MessageEvent) };
}

function host() {
  const controllers: ReactiveController[] = [];
  const updates = { count: 0 };
  const element: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => void updates.count++,
    updateComplete: Promise.resolve(true),
  };
  return { element, updates, connect: () => controllers.forEach((c) => c.hostConnected?.()), disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()) };
}

describe('the song assistant', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('analyses the song when anyone changes it, and suggests for the caret’s line after a pause', () => {
    const worker = fakeWorker();
    const page = host();
    const assistant = new SongAssistant(page.element, { createWorker: () => worker.port });
    const song = new Y.Doc();
    page.connect();
    assistant.follow(song);
    projectParts.lyrics(song).insert(0, 'city lights tonight\n');
    // A burst of edits (typing, or a collaborator's) costs one analysis.
    projectParts.lyrics(song).insert(20, 'feel the heat');
    vi.advanceTimersByTime(200);
    expect(worker.sent.map((request) => request.type)).toEqual(['analyze']);
    expect(worker.sent[0]).toMatchObject({ text: 'city lights tonight\nfeel the heat' });

    assistant.caretMoved(1);
    vi.advanceTimersByTime(500);
    expect(worker.sent.at(-1)).toMatchObject({ type: 'suggest', caretLine: 1, text: 'city lights tonight\nfeel the heat' });
  });

  it('redraws with new overlays when an analysis arrives', () => {
    const worker = fakeWorker();
    const page = host();
    const assistant = new SongAssistant(page.element, { createWorker: () => worker.port });
    page.connect();
    assistant.follow(new Y.Doc());
    const before = assistant.overlays;
    worker.answer({ type: 'analysis', id: 1, lines: [{ sourceLine: 0, syllables: 5, schemeLetter: '', family: null, endWord: null }] });
    expect(assistant.overlays).not.toBe(before);
    expect(page.updates.count).toBeGreaterThan(0);
  });

  it('stops following the song when the page goes, and can come back', () => {
    const worker = fakeWorker();
    const page = host();
    const assistant = new SongAssistant(page.element, { createWorker: () => worker.port });
    const song = new Y.Doc();
    page.connect();
    assistant.follow(song);
    vi.advanceTimersByTime(1000);
    const asked = worker.sent.length;
    page.disconnect();
    assistant.follow(null);
    projectParts.lyrics(song).insert(0, 'written after the page closed');
    vi.advanceTimersByTime(1000);
    expect(worker.sent).toHaveLength(asked);
    expect(assistant.engine).toBeNull();

    page.connect();
    assistant.follow(song);
    projectParts.lyrics(song).insert(0, 'back ');
    vi.advanceTimersByTime(200);
    expect(worker.sent.at(-1)).toMatchObject({ type: 'analyze', text: 'back written after the page closed' });
  });
});
