import { css } from 'lit';

/** Labelled inputs with hints and inline errors, used by every form (see form-field.ts). */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--cs-space-5, 1.25rem);
  }

  .field {
    display: grid;
    gap: var(--cs-space-1, 0.35rem);
  }

  label,
  legend {
    font-weight: 620;
    font-size: 0.95rem;
  }

  .hint {
    color: var(--cs-color-text-muted, #5b5868);
    font-size: 0.875rem;
  }

  .field-error {
    color: var(--cs-color-danger, #b42318);
    font-size: 0.875rem;
    font-weight: 550;
  }

  .field-error:empty {
    display: none;
  }

  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='url'],
  select,
  textarea {
    width: 100%;
    min-height: 44px;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--cs-color-border-strong, #8e8a9e);
    border-radius: var(--cs-radius-sm, 8px);
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-text, #17151f);
    font: inherit;
    transition:
      border-color 120ms ease,
      box-shadow 120ms ease;
  }

  textarea {
    min-height: 7.5rem;
    resize: vertical;
  }

  input:hover,
  select:hover,
  textarea:hover {
    border-color: var(--cs-color-text-muted, #5b5868);
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: none;
    border-color: var(--cs-color-accent, #6b2fd6);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--cs-color-focus, #6b2fd6) 45%, transparent);
  }

  [aria-invalid='true'] {
    border-color: var(--cs-color-danger, #b42318);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: var(--cs-space-2, 0.5rem);
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cs-space-2, 0.5rem);
  }

  .choice {
    position: relative;
    display: inline-flex;
  }

  .choice input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }

  .choice span {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 40px;
    padding: 0.45rem 0.9rem;
    border: 1px solid var(--cs-color-border-strong, #8e8a9e);
    border-radius: 999px;
    font-size: 0.95rem;
    font-weight: 550;
    user-select: none;
  }

  .choice input:checked + span {
    background: var(--cs-color-accent-soft, #eee7fd);
    border-color: var(--cs-color-accent, #6b2fd6);
    color: var(--cs-color-accent, #6b2fd6);
  }

  .choice input:checked + span::before {
    content: '✓';
    font-weight: 800;
  }

  .choice input:focus-visible + span {
    outline: 3px solid var(--cs-color-focus, #6b2fd6);
    outline-offset: 2px;
  }

  .checkbox {
    display: inline-flex;
    align-items: center;
    gap: var(--cs-space-2, 0.5rem);
    font-weight: 500;
    font-size: 0.95rem;
    cursor: pointer;
  }

  .checkbox input {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--cs-color-accent, #6b2fd6);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cs-space-3, 0.75rem);
    align-items: center;
  }

  .form-footer {
    color: var(--cs-color-text-muted, #5b5868);
    font-size: 0.95rem;
  }
`;
