import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Stanza forms the corpus annotates; see tests/fixtures/lyrics/README.md. */
export const StanzaForm = {
  couplets: 'couplets',
  alternate: 'alternate',
  abcb: 'abcb',
  monorhyme: 'monorhyme',
  enclosed: 'enclosed',
  ballad: 'ballad',
  hymn: 'hymn',
  limerick: 'limerick',
  sonnet: 'sonnet',
  long: 'long',
} as const;
export type StanzaForm = (typeof StanzaForm)[keyof typeof StanzaForm];

/** Registers, one corpus file each. */
export const Register = { rap: 'rap', pop: 'pop', country: 'country', ballad: 'ballad', hymn: 'hymn', rnb: 'rnb' } as const;
export type Register = (typeof Register)[keyof typeof Register];

/** Tags marking stanzas built on something other than plain perfect rhyme. */
export const HARD_TAGS = ['slant', 'multi', 'internal', 'slang'] as const;
const KNOWN_TAGS = new Set<string>(['perfect', ...HARD_TAGS]);

export interface AnnotatedStanza {
  /** `rap.txt:12`: file and 1-based line of the header, for failure listings. */
  readonly source: string;
  readonly register: Register;
  readonly form: StanzaForm;
  /** One letter per lyric line, as a songwriter hears it. */
  readonly scheme: string;
  readonly tags: readonly string[];
  readonly lines: readonly string[];
}

export const CORPUS_FOLDER = join(import.meta.dirname, '../../tests/fixtures/lyrics');

const isForm = (value: string): value is StanzaForm => Object.values(StanzaForm).includes(value as StanzaForm);
const isRegister = (value: string): value is Register => Object.values(Register).includes(value as Register);

/**
 * Parses one corpus file: `@ SCHEME form tag…` headers, lyric lines, blank lines between stanzas,
 * `#` comments between stanzas. Throws with the file and line on anything malformed, so a typo in
 * the ground truth fails loudly instead of skewing the numbers.
 */
export function parseCorpusFile(text: string, fileName: string): AnnotatedStanza[] {
  const register = basename(fileName, '.txt');
  if (!isRegister(register)) throw new Error(`${fileName}: file name is not a register`);
  const stanzas: AnnotatedStanza[] = [];
  let current: { source: string; form: StanzaForm; scheme: string; tags: string[]; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    if (current.lines.length !== current.scheme.length) {
      throw new Error(`${current.source}: scheme ${current.scheme} has ${current.scheme.length} letters for ${current.lines.length} lines`);
    }
    stanzas.push({ ...current, register });
    current = undefined;
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const source = `${fileName}:${index + 1}`;
    if (line === '') return close();
    if (line.startsWith('@')) {
      close();
      const [scheme = '', form = '', ...tags] = line.slice(1).trim().split(/\s+/);
      if (!/^[A-Z]+$/.test(scheme)) throw new Error(`${source}: bad scheme "${scheme}"`);
      if (!isForm(form)) throw new Error(`${source}: unknown form "${form}"`);
      for (const tag of tags) if (!KNOWN_TAGS.has(tag)) throw new Error(`${source}: unknown tag "${tag}"`);
      current = { source, form, scheme, tags, lines: [] };
      return;
    }
    if (!current) {
      if (line.startsWith('#')) return;
      throw new Error(`${source}: lyric line outside a stanza`);
    }
    current.lines.push(line);
  });
  close();
  return stanzas;
}

/** Every stanza of the corpus, files in name order. */
export function loadCorpus(folder = CORPUS_FOLDER): AnnotatedStanza[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => parseCorpusFile(readFileSync(join(folder, name), 'utf8'), name));
}

/** Whether a stanza leans on slant, multisyllabic or internal rhyme, or slang and coined words. */
export const isHard = (stanza: AnnotatedStanza) => stanza.tags.some((tag) => (HARD_TAGS as readonly string[]).includes(tag));
