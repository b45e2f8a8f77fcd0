import { css } from 'lit';

/**
 * Rhyme families are told apart by colour, by a shape beside the scheme letter, and by the
 * underline style in the text, so nobody needs to see colour to follow them (WCAG 1.4.1).
 */
export const FAMILY_SHAPES = ['●', '▲', '■', '◆', '★', '✚'] as const;

/** Family number → one of the six looks (they repeat after six, with a different letter). */
export function familySlot(family: number): number {
  return family % FAMILY_SHAPES.length;
}

export const familyStyles = css`
  :host {
    --cs-rhyme-0: #c2410c;
    --cs-rhyme-1: #1d4ed8;
    --cs-rhyme-2: #047857;
    --cs-rhyme-3: #a21caf;
    --cs-rhyme-4: #a16207;
    --cs-rhyme-5: #be123c;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --cs-rhyme-0: #fdba74;
      --cs-rhyme-1: #93c5fd;
      --cs-rhyme-2: #6ee7b7;
      --cs-rhyme-3: #f0abfc;
      --cs-rhyme-4: #fde047;
      --cs-rhyme-5: #fda4af;
    }
  }
  .family-0 { --family: var(--cs-rhyme-0); --family-line: solid; }
  .family-1 { --family: var(--cs-rhyme-1); --family-line: double; }
  .family-2 { --family: var(--cs-rhyme-2); --family-line: dashed; }
  .family-3 { --family: var(--cs-rhyme-3); --family-line: dotted; }
  .family-4 { --family: var(--cs-rhyme-4); --family-line: wavy; }
  .family-5 { --family: var(--cs-rhyme-5); --family-line: solid; }
`;
