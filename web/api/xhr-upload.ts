/** Sends one request body and reports how much of it has gone out; resolves with the response. */
export type UploadTransport = (
  url: string,
  init: { method: string; headers: Headers; body: Blob },
  onProgress: (sent: number, total: number) => void,
) => Promise<Response>;

/** Statuses whose Response must have no body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Uploads through XMLHttpRequest, the one browser API that reports request-body progress over
 * HTTP/1.1 (fetch's streaming bodies need HTTP/2 and give no progress events). The answer is turned
 * back into a fetch Response so the ApiClient reads it like any other.
 */
export const xhrUpload: UploadTransport = (url, init, onProgress) =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(init.method, url);
    init.headers.forEach((value, name) => request.setRequestHeader(name, value));
    request.responseType = 'blob';
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : init.body.size));
    request.addEventListener('load', () => {
      const headers = new Headers();
      for (const line of request.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      const body = NULL_BODY_STATUSES.has(request.status) ? null : (request.response as Blob);
      resolve(new Response(body, { status: request.status, headers }));
    });
    request.addEventListener('error', () => reject(new TypeError(`Upload to ${url} failed`)));
    request.addEventListener('abort', () => reject(new DOMException('Upload aborted', 'AbortError')));
    request.send(init.body);
  });
