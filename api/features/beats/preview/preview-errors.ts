/**
 * Why a preview or voice tag could not be made, as the uploader should hear it. They cross the
 * worker boundary by name (see preview-renderer.ts), so each sets `name`.
 */

/** The file is not audio the decoder could make anything of. */
export class UndecodableAudioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableAudioError';
  }
}

export class VoiceTagTooLongError extends Error {
  readonly seconds: number;
  constructor(seconds: number) {
    super(`the voice tag lasts at least ${seconds.toFixed(1)} s`);
    this.name = 'VoiceTagTooLongError';
    this.seconds = seconds;
  }
}

export class VoiceTagSilentError extends Error {
  constructor() {
    super('the voice tag is silent');
    this.name = 'VoiceTagSilentError';
  }
}
