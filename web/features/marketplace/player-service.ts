import { nextIndex, previousTarget, type Track } from './player-queue.ts';

export interface PlayerServiceOptions {
  /** Makes an audio element (tests pass a fake). */
  createAudio: () => HTMLAudioElement;
  /** Fetches a track's waveform when the queue did not bring it (search results carry none). */
  loadPeaks: (id: string) => Promise<number[] | null>;
  /** Tells the server a track was played (its analytics); called once each time a track is started. */
  recordPlay: (id: string) => Promise<unknown>;
  reportError: (error: unknown) => void;
}

/**
 * The one audio player of the app: a queue, the element playing now and a second element already
 * loading the next track, so "next" and the end of a track switch with no gap for buffering (the
 * elements swap roles). Fires `change` whenever what a player bar shows changes.
 */
export class PlayerService extends EventTarget {
  readonly #options: PlayerServiceOptions;
  #current: HTMLAudioElement;
  #next: HTMLAudioElement;
  /** The queue index the `#next` element holds, if any. */
  #nextHolds: number | null = null;
  #queue: Track[] = [];
  #index = -1;
  #failed = false;

  constructor(options: PlayerServiceOptions) {
    super();
    this.#options = options;
    this.#current = this.#prepare(options.createAudio());
    this.#next = this.#prepare(options.createAudio());
  }

  get track(): Track | null {
    return this.#queue[this.#index] ?? null;
  }

  get queue(): readonly Track[] {
    return this.#queue;
  }

  get index(): number {
    return this.#index;
  }

  get playing(): boolean {
    return !this.#current.paused && !this.#current.ended;
  }

  get currentTime(): number {
    return this.#current.currentTime || 0;
  }

  get duration(): number {
    const duration = this.#current.duration;
    return Number.isFinite(duration) ? duration : 0;
  }

  /** The audio could not be played (offline with nothing saved, unpublished beat...). */
  get failed(): boolean {
    return this.#failed;
  }

  get hasNext(): boolean {
    return nextIndex(this.#queue, this.#index) !== null;
  }

  get hasPrevious(): boolean {
    return this.#index > 0;
  }

  /** Whether `id` is the loaded track and is playing. */
  isPlaying(id: string): boolean {
    return this.track?.id === id && this.playing;
  }

  /** Replaces the queue and plays `tracks[start]`; the same track again toggles pause. */
  playQueue(tracks: readonly Track[], start: number): void {
    const chosen = tracks[start];
    if (!chosen) return;
    if (this.track?.id === chosen.id && this.track.src === chosen.src) {
      this.#queue = [...tracks];
      this.#index = start;
      this.#preloadNext();
      this.toggle();
      return;
    }
    this.#queue = [...tracks];
    this.#nextHolds = null;
    this.#go(start, { restart: true });
  }

  toggle(): void {
    if (!this.track) return;
    if (this.playing) this.#current.pause();
    else this.#play();
  }

  pause(): void {
    this.#current.pause();
  }

  next(): void {
    const index = nextIndex(this.#queue, this.#index);
    if (index !== null) this.#go(index, { restart: true });
  }

  previous(): void {
    const target = previousTarget(this.#index, this.currentTime);
    if (target.index === this.#index) {
      this.seek(0);
      return;
    }
    this.#go(target.index, { restart: true });
  }

  seek(seconds: number): void {
    const duration = this.duration;
    this.#current.currentTime = Math.max(0, duration ? Math.min(seconds, duration) : seconds);
    this.#changed();
  }

  /** Stops and forgets the queue (the bar closes). */
  stop(): void {
    this.#current.pause();
    this.#next.removeAttribute('src');
    this.#current.removeAttribute('src');
    this.#queue = [];
    this.#index = -1;
    this.#nextHolds = null;
    this.#changed();
  }

  #go(index: number, options: { restart: boolean }): void {
    const track = this.#queue[index];
    if (!track) return;
    this.#current.pause();
    if (this.#nextHolds === index) {
      // The next element has been buffering this track: swap roles instead of loading again.
      [this.#current, this.#next] = [this.#next, this.#current];
    } else {
      this.#current.src = track.src;
    }
    this.#nextHolds = null;
    this.#index = index;
    if (options.restart) this.#current.currentTime = 0;
    this.#failed = false;
    this.#play();
    this.#options.recordPlay(track.id).catch((error: unknown) => this.#options.reportError(new Error(`Could not record a play of ${track.id}`, { cause: error })));
    this.#loadPeaks(track);
    this.#preloadNext();
  }

  #play(): void {
    this.#current.play().catch((error: unknown) => {
      // A newer load interrupting this one (AbortError) is normal when skipping quickly.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.#failed = true;
      this.#options.reportError(new Error(`Could not play ${this.track?.src ?? 'audio'}`, { cause: error }));
      this.#changed();
    });
  }

  #preloadNext(): void {
    const index = nextIndex(this.#queue, this.#index);
    const track = index === null ? null : this.#queue[index];
    if (!track || index === null) {
      this.#nextHolds = null;
      return;
    }
    if (this.#nextHolds === index) return;
    this.#next.pause();
    this.#next.preload = 'auto';
    this.#next.src = track.src;
    this.#next.load();
    this.#nextHolds = index;
  }

  #loadPeaks(track: Track): void {
    if (track.peaks !== undefined) return;
    this.#options.loadPeaks(track.id).then(
      (peaks) => {
        // The queue may have moved on or been replaced meanwhile: update whichever entry is this beat.
        this.#queue = this.#queue.map((item) => (item.id === track.id ? { ...item, peaks } : item));
        this.#changed();
      },
      (error: unknown) => this.#options.reportError(new Error(`Could not load the waveform of ${track.id}`, { cause: error })),
    );
  }

  #prepare(audio: HTMLAudioElement): HTMLAudioElement {
    audio.preload = 'auto';
    for (const type of ['play', 'pause', 'timeupdate', 'durationchange', 'loadedmetadata', 'seeked']) {
      audio.addEventListener(type, () => {
        if (audio === this.#current) this.#changed();
      });
    }
    audio.addEventListener('ended', () => {
      if (audio !== this.#current) return;
      if (this.hasNext) this.next();
      else this.#changed();
    });
    audio.addEventListener('error', () => {
      if (audio !== this.#current || !audio.getAttribute('src')) return;
      this.#failed = true;
      this.#changed();
    });
    return audio;
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
