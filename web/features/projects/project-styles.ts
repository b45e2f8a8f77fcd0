import { css } from 'lit';

/** Pieces the project pages share: the sync badge, role chips, panel headings and list rows. */
export const projectStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.65rem;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 650;
    white-space: nowrap;
    background: var(--cs-color-surface-muted, #efedf7);
    color: var(--cs-color-text-muted, #5b5868);
  }

  .badge::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }

  .badge.ok {
    background: var(--cs-color-success-soft, #e7f6ee);
    color: var(--cs-color-success, #067647);
  }

  .badge.busy {
    background: var(--cs-color-accent-soft, #eee7fd);
    color: var(--cs-color-accent, #6b2fd6);
  }

  .badge.offline {
    background: var(--cs-color-warning-soft, #fff4e0);
    color: var(--cs-color-warning, #8a5300);
  }

  .chip {
    display: inline-block;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--cs-color-accent-soft, #eee7fd);
    color: var(--cs-color-accent, #6b2fd6);
    font-size: 0.78rem;
    font-weight: 650;
    white-space: nowrap;
  }

  .muted {
    color: var(--cs-color-text-muted, #5b5868);
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cs-space-2, 0.5rem);
  }

  .button.small {
    min-height: 36px;
    padding: 0.35rem 0.8rem;
    font-size: 0.9rem;
  }

  .inline-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cs-space-2, 0.5rem);
    align-items: flex-end;
  }

  .inline-form .field {
    flex: 1 1 12rem;
    display: grid;
    gap: var(--cs-space-1, 0.25rem);
    min-width: 0;
  }

  .inline-form label {
    font-size: 0.85rem;
    font-weight: 650;
  }

  input[type='text'],
  input[type='email'],
  select {
    min-height: 44px;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cs-color-border-strong, var(--cs-color-border, #dedbe9));
    border-radius: var(--cs-radius-sm, 8px);
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-text, #17151f);
    font: inherit;
  }
`;
