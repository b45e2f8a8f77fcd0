import type { TestProject } from 'vitest/node';
import { startProduct } from './product-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the real product once for the whole suite and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startProduct();
  project.provide('baseUrl', server.baseUrl);
  return server.stop;
}
