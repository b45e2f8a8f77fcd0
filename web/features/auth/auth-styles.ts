import { css } from 'lit';

/** The centred card layout shared by the sign-in and sign-up pages. */
export const authStyles = css`
  :host {
    padding-block: clamp(1.5rem, 1rem + 4vw, 4rem);
  }

  .auth {
    display: grid;
    gap: var(--cs-space-5, 1.5rem);
    width: min(100% - 2rem, 28rem);
    margin-inline: auto;
  }

  .auth-header {
    display: grid;
    gap: var(--cs-space-2, 0.5rem);
    justify-items: center;
    text-align: center;
    --cs-logo-size: 48px;
  }

  .submit {
    width: 100%;
  }

  .form-footer {
    text-align: center;
  }
`;
