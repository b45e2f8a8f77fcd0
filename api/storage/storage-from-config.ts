import type { Config } from '../config.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';

/** The storage the configuration names: the S3 bucket when S3_BUCKET is set, else the STORAGE_DIR folder. */
export function storageFromConfig(config: Config['storage']): Storage {
  return config.s3 ? createS3Storage(config.s3) : createLocalStorage(config.dir);
}
