import { css } from 'lit';

/**
 * Styles every page element adopts: typography, buttons, links, cards, focus rings and the
 * visually-hidden helper. Colours come from the --cs-* tokens (web/styles/global.css).
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--cs-color-text, #17151f);
    font-family: var(--cs-font-sans, system-ui, sans-serif);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.2;
    letter-spacing: -0.01em;
    text-wrap: balance;
  }

  h1 {
    font-size: clamp(1.6rem, 1.2rem + 2vw, 2.25rem);
    font-weight: 750;
  }

  h2 {
    font-size: 1.2rem;
    font-weight: 700;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 3px solid var(--cs-color-focus, #6b2fd6);
    outline-offset: 4px;
    border-radius: 4px;
  }

  p {
    margin: 0;
  }

  .lead {
    color: var(--cs-color-text-muted, #5b5868);
    font-size: 1.05rem;
    text-wrap: pretty;
  }

  a {
    color: var(--cs-color-accent, #6b2fd6);
    text-underline-offset: 0.2em;
    border-radius: 4px;
  }

  a:hover {
    color: var(--cs-color-accent-hover, #5a22bd);
  }

  :focus-visible {
    outline: 3px solid var(--cs-color-focus, #6b2fd6);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cs-space-2, 0.5rem);
    min-height: 44px;
    padding: 0.6rem 1.15rem;
    border: 1px solid transparent;
    border-radius: var(--cs-radius-sm, 8px);
    background: var(--cs-color-accent, #6b2fd6);
    color: var(--cs-color-accent-text, #fff);
    font: inherit;
    font-weight: 650;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color 120ms ease,
      border-color 120ms ease,
      transform 120ms ease;
  }

  .button:hover {
    background: var(--cs-color-accent-hover, #5a22bd);
    color: var(--cs-color-accent-text, #fff);
  }

  .button:active {
    transform: translateY(1px);
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
    transform: none;
  }

  .button.secondary {
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-text, #17151f);
    border-color: var(--cs-color-border, #dedbe9);
  }

  .button.secondary:hover {
    background: var(--cs-color-surface-muted, #efedf7);
    color: var(--cs-color-text, #17151f);
  }

  .button.quiet {
    background: transparent;
    color: var(--cs-color-text, #17151f);
    border-color: transparent;
  }

  .button.quiet:hover {
    background: var(--cs-color-surface-muted, #efedf7);
  }

  .card {
    background: var(--cs-color-surface, #fff);
    border: 1px solid var(--cs-color-border, #dedbe9);
    border-radius: var(--cs-radius-lg, 20px);
    box-shadow: var(--cs-shadow, none);
    padding: clamp(1.25rem, 0.9rem + 1.5vw, 2rem);
  }

  .stack {
    display: grid;
    gap: var(--cs-space-4, 1rem);
  }

  .notice {
    display: flex;
    gap: var(--cs-space-2, 0.5rem);
    align-items: flex-start;
    padding: var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
    border-radius: var(--cs-radius, 12px);
    border: 1px solid transparent;
    font-size: 0.95rem;
  }

  /* Live regions stay in the tree (an added region is not announced); empty ones take no space. */
  .live:not(:has(*)) {
    display: contents;
  }

  .notice.error {
    background: var(--cs-color-danger-soft, #fdecea);
    color: var(--cs-color-danger, #b42318);
    border-color: color-mix(in srgb, var(--cs-color-danger, #b42318) 30%, transparent);
  }

  .notice.success {
    background: var(--cs-color-success-soft, #e7f6ee);
    color: var(--cs-color-success, #067647);
    border-color: color-mix(in srgb, var(--cs-color-success, #067647) 30%, transparent);
  }

  .notice.warning {
    background: var(--cs-color-warning-soft, #fff4e0);
    color: var(--cs-color-warning, #8a5300);
    border-color: color-mix(in srgb, var(--cs-color-warning, #8a5300) 30%, transparent);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Pages: a centred column with a heading block. */
export const pageStyles = css`
  :host {
    padding-block: clamp(1.5rem, 1rem + 3vw, 3.5rem);
  }

  .page {
    display: grid;
    gap: var(--cs-space-5, 1.5rem);
    width: min(100% - 2rem, var(--cs-page-width, 40rem));
    margin-inline: auto;
  }

  .page-header {
    display: grid;
    gap: var(--cs-space-2, 0.5rem);
  }
`;
