import { encodeWav, WavBitDepth } from '../../web/audio/wav-encoder.ts';

export interface ApiCallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  raw?: Uint8Array;
  contentType?: string;
}

/** Calls the running app's API as a script would (with the app's Origin), for steps the test is not about. */
export function apiCallsTo(baseUrl: string) {
  async function api(path: string, options: ApiCallOptions = {}) {
    const headers: Record<string, string> = { Origin: baseUrl };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.raw) headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    const response = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw ? (options.raw as Uint8Array<ArrayBuffer>) : options.body === undefined ? null : JSON.stringify(options.body),
    });
    const text = await response.text();
    // Tests read whatever fields the step needs from the answer.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  /** An access token for an existing account. */
  async function accessTokenFor(account: { email: string; password: string }): Promise<string> {
    const response = await api('/api/auth/login', { method: 'POST', body: { email: account.email, password: account.password } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.json)}`);
    return response.json.accessToken as string;
  }

  /** A published beat of the account behind `token`, its audio a generated tone; resolves its id. */
  async function publishBeat(token: string, beat: { title: string; genre: string; price: number; bpm: number }): Promise<string> {
    const created = await api('/api/beats', { method: 'POST', token, body: beat });
    if (created.status !== 201) throw new Error(`create beat failed: ${created.status} ${JSON.stringify(created.json)}`);
    const id = created.json.id as string;
    const uploaded = await api(`/api/beats/${id}/audio`, { method: 'POST', token, raw: toneWav(), contentType: 'audio/wav' });
    if (uploaded.status !== 200) throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.json)}`);
    const published = await api(`/api/beats/${id}/publish`, { method: 'POST', token });
    if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.json)}`);
    return id;
  }

  return { api, accessTokenFor, publishBeat };
}

/** Two seconds of a 110 Hz tone at -8 dBFS, as a 16-bit stereo WAV. */
export function toneWav(): Uint8Array {
  const sampleRate = 22_050;
  const samples = new Float32Array(sampleRate * 2).map((_, index) => 0.4 * Math.sin((2 * Math.PI * 110 * index) / sampleRate));
  return new Uint8Array(encodeWav([samples, samples], sampleRate, WavBitDepth.sixteen));
}
