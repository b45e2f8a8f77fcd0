import type { StyleTrait } from '../../../shared/schemas/ai.ts';
import { messageId } from '../../app/message-id.ts';

type Translate = (id: string, values?: Record<string, unknown>) => string;
type Format = { number: (value: number) => string; percent: (share: number) => string };

/** Catalog ids per trait and level: the API sends keys and levels, never prose (see `describeStyle`). */
const TRAIT_IDS: Record<StyleTrait['key'], Partial<Record<StyleTrait['level'], string>>> = {
  lineLength: { short: messageId('ai.trait.lineLength.short'), medium: messageId('ai.trait.lineLength.medium'), long: messageId('ai.trait.lineLength.long') },
  lengthVariation: { steady: messageId('ai.trait.lengthVariation.steady'), varied: messageId('ai.trait.lengthVariation.varied') },
  rhythm: { loose: messageId('ai.trait.rhythm.loose'), regular: messageId('ai.trait.rhythm.regular'), strict: messageId('ai.trait.rhythm.strict') },
  rhymeHabit: { favourite: messageId('ai.trait.rhymeHabit.favourite') },
  internalRhyme: { rare: messageId('ai.trait.internalRhyme.rare'), some: messageId('ai.trait.internalRhyme.some'), dense: messageId('ai.trait.internalRhyme.dense') },
  scheme: { favourite: messageId('ai.trait.scheme.favourite') },
  mood: { dark: messageId('ai.trait.mood.dark'), neutral: messageId('ai.trait.mood.neutral'), bright: messageId('ai.trait.mood.bright') },
  emotion: { favourite: messageId('ai.trait.emotion.favourite') },
  language: { clean: messageId('ai.trait.language.clean'), some: messageId('ai.trait.language.some'), explicit: messageId('ai.trait.language.explicit') },
  slang: { standard: messageId('ai.trait.slang.standard'), some: messageId('ai.trait.slang.some'), heavy: messageId('ai.trait.slang.heavy') },
  form: { favourite: messageId('ai.trait.form.favourite') },
};

/** Data tokens the traits carry in `detail`, worded through the catalogs. */
const DETAIL_IDS: Record<string, string> = {
  iambic: messageId('ai.meter.iambic'),
  trochaic: messageId('ai.meter.trochaic'),
  anapestic: messageId('ai.meter.anapestic'),
  dactylic: messageId('ai.meter.dactylic'),
  amphibrachic: messageId('ai.meter.amphibrachic'),
  perfect: messageId('ai.rhymeType.perfect'),
  multisyllabic: messageId('ai.rhymeType.multisyllabic'),
  slant: messageId('ai.rhymeType.slant'),
  assonance: messageId('ai.rhymeType.assonance'),
  consonance: messageId('ai.rhymeType.consonance'),
  joy: messageId('ai.emotion.joy'),
  sadness: messageId('ai.emotion.sadness'),
  anger: messageId('ai.emotion.anger'),
  fear: messageId('ai.emotion.fear'),
  love: messageId('ai.emotion.love'),
  confidence: messageId('ai.emotion.confidence'),
};

/**
 * One trait of the writer's style as a sentence in their language ("Long lines: about 13 syllables
 * each"), or null for a key or level this version of the app does not know (a newer server).
 * Schemes and forms ("ABAB", "ABABCB") are shown as they are; other details through the catalogs.
 */
export function describeTrait(t: Translate, format: Format, trait: StyleTrait): string | null {
  const id = TRAIT_IDS[trait.key]?.[trait.level];
  if (!id) return null;
  const detail = trait.detail === undefined ? '' : trait.key === 'scheme' || trait.key === 'form' ? trait.detail : DETAIL_IDS[trait.detail] ? t(DETAIL_IDS[trait.detail]!) : trait.detail;
  const sentence = t(id, { value: format.number(trait.value), share: format.percent(trait.value), detail });
  // The favourite meter refines the rhythm trait when the profile has one.
  return trait.key === 'rhythm' && detail ? `${sentence} ${t('ai.trait.rhythm.meter', { meter: detail })}` : sentence;
}
