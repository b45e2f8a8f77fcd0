/// <reference types="vite/client" />

/** A part of a compiled catalog (web/build/catalog-parts.ts). */
declare module '*/messages.ts?part=core' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
declare module '*/messages.ts?part=marketplace' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
declare module '*/messages.ts?part=recovery' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
declare module '*/messages.ts?part=studio' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
