import { css } from 'lit';

/** Pieces the marketplace pages share: beat cards, chips, play buttons, panels. */
export const marketplaceStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cs-space-1, 0.25rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    display: inline-block;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--cs-color-surface-muted, #efedf7);
    color: var(--cs-color-text-muted, #5b5868);
    font-size: 0.8rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .chip.accent {
    background: var(--cs-color-accent-soft, #eee7fd);
    color: var(--cs-color-accent, #6b2fd6);
  }

  .chip.success {
    background: var(--cs-color-success-soft, #e7f6ee);
    color: var(--cs-color-success, #067647);
  }

  .muted {
    color: var(--cs-color-text-muted, #5b5868);
  }

  .price {
    font-weight: 750;
    font-variant-numeric: tabular-nums;
  }

  .play {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 48px;
    height: 48px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--cs-color-accent, #6b2fd6);
    color: var(--cs-color-accent-text, #fff);
    cursor: pointer;
  }

  .play:hover {
    background: var(--cs-color-accent-hover, #5a22bd);
  }

  .play[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .play svg {
    width: 1.35rem;
    height: 1.35rem;
  }

  .panel {
    display: grid;
    gap: var(--cs-space-4, 1rem);
    padding: var(--cs-space-5, 1.5rem);
    border: 1px solid var(--cs-color-border, #dedbe9);
    border-radius: var(--cs-radius, 12px);
    background: var(--cs-color-surface, #fff);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
  }

  .button.small {
    min-height: 36px;
    padding: 0.35rem 0.8rem;
    font-size: 0.9rem;
  }

  .button.danger {
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-danger, #b42318);
    border-color: color-mix(in srgb, var(--cs-color-danger, #b42318) 45%, transparent);
  }

  .empty {
    padding: var(--cs-space-6, 2rem) var(--cs-space-4, 1rem);
    border: 1px dashed var(--cs-color-border, #dedbe9);
    border-radius: var(--cs-radius, 12px);
    text-align: center;
    color: var(--cs-color-text-muted, #5b5868);
  }

  input[type='number'],
  input[type='search'] {
    width: 100%;
    min-height: 44px;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--cs-color-border-strong, #8e8a9e);
    border-radius: var(--cs-radius-sm, 8px);
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-text, #17151f);
    font: inherit;
  }

  progress {
    width: 100%;
    height: 0.6rem;
    accent-color: var(--cs-color-accent, #6b2fd6);
  }
`;

/** Play / pause glyphs for play buttons. */
export const PLAY_PATH = 'M7 4v16l13-8z';
export const PAUSE_PATH = 'M6 5h4v14H6zM14 5h4v14h-4z';
