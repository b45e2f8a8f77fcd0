import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Readable } from 'node:stream';
import { assertSafeKey, type ByteRange, type Storage } from './storage.ts';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, s3rver); undefined means AWS. */
  endpoint?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`), which most self-hosted services need. */
  forcePathStyle?: boolean | undefined;
  /** Prepended to every key, so one bucket can serve several deployments. */
  prefix?: string | undefined;
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

/** Objects in an S3-compatible bucket. Credentials fall back to the SDK's usual chain when not given. */
export function createS3Storage(options: S3StorageOptions, client?: S3Client): Storage {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials:
        options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // Checksums only where S3 demands them: many S3-compatible services reject the newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const Bucket = options.bucket;
  const objectKey = (key: string) => {
    assertSafeKey(key);
    return `${options.prefix ?? ''}${key}`;
  };

  async function head(key: string) {
    try {
      const found = await s3.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
      return {
        key,
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
        etag: found.ETag ?? '""',
        lastModified: found.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    async put(key, body, putOptions) {
      const Body = body instanceof Uint8Array || body instanceof Readable ? body : Readable.fromWeb(body as NodeWebStream<Uint8Array>);
      await s3.send(
        new PutObjectCommand({ Bucket, Key: objectKey(key), Body, ContentType: putOptions.contentType, ContentLength: putOptions.contentLength }),
      );
      const stored = await head(key);
      if (!stored) throw new Error(`object ${key} missing right after it was stored`);
      return stored;
    },

    async get(key, range?: ByteRange) {
      if (range && (range.start < 0 || range.end < range.start)) throw new RangeError(`range outside ${key}`);
      try {
        const found = await s3.send(
          new GetObjectCommand({ Bucket, Key: objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        const total = range ? Number(/\/(\d+)$/.exec(found.ContentRange ?? '')?.[1] ?? Number.NaN) : (found.ContentLength ?? 0);
        if (range && !(range.end < total)) {
          await found.Body?.transformToWebStream().cancel();
          throw new RangeError(`range outside ${key}`);
        }
        if (!found.Body) throw new Error(`object ${key} has no body`);
        return {
          key,
          size: total,
          contentType: found.ContentType ?? 'application/octet-stream',
          etag: found.ETag ?? '""',
          lastModified: found.LastModified ?? new Date(0),
          body: found.Body.transformToWebStream() as ReadableStream<Uint8Array>,
          range,
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) throw new RangeError(`range outside ${key}`, { cause: error });
        throw error;
      }
    },

    head,

    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
