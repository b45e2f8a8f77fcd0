import { describe, expect, it } from 'vitest';
import { catalogPartModule, partOf, readCompiledCatalog } from './catalog-parts.ts';

const compiled = `/*eslint-disable*/import type{Messages}from"@lingui/core";export const messages=JSON.parse("{\\"home.title\\":[\\"Home \\\\\\"quoted\\\\\\"\\"],\\"marketplace.beat.by\\":[\\"by \\",[\\"producer\\"]],\\"library.title\\":[\\"Library\\"]}") as Messages;`;

describe('catalog parts', () => {
  it('reads a compiled catalog', () => {
    expect(readCompiledCatalog(compiled)).toEqual({ 'home.title': ['Home "quoted"'], 'marketplace.beat.by': ['by ', ['producer']], 'library.title': ['Library'] });
  });

  it('splits ids by prefix', () => {
    expect(partOf('marketplace.browse.title')).toBe('marketplace');
    expect(partOf('messages.title')).toBe('marketplace');
    expect(partOf('shell.nav.messages')).toBe('core');
  });

  it('emits one part as a module', async () => {
    const module = catalogPartModule(compiled, 'marketplace');
    const messages = JSON.parse(JSON.parse(/JSON\.parse\((".*")\)/.exec(module)![1]!) as string) as Record<string, unknown>;
    expect(Object.keys(messages).sort()).toEqual(['library.title', 'marketplace.beat.by']);
  });
});
