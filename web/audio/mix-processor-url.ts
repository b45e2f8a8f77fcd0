// Vite bundles the processor and its imports into one self-contained file and gives its URL:
// the pattern for AudioWorklet modules, which must be loaded by URL and cannot import chunks.
import mixProcessorUrl from './mix-processor.ts?worker&url';

export { mixProcessorUrl };
