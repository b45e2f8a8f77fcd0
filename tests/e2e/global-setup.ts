import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startProduct } from './product-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The account the server names as moderator; unique per run (CI's PostgreSQL keeps accounts between runs). */
    moderatorEmail: string;
    /** The product's e-mail outbox folder, where password-reset links land. */
    outboxDir: string;
  }
}

/** Starts the real product once for the whole suite and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moderatorEmail = `moderator-${randomBytes(4).toString('hex')}@e2e.creatorsync.test`;
  const server = await startProduct({ MODERATOR_EMAILS: moderatorEmail });
  project.provide('baseUrl', server.baseUrl);
  project.provide('moderatorEmail', moderatorEmail);
  project.provide('outboxDir', server.outboxDir);
  return server.stop;
}
