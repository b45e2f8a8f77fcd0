import type { LitElement } from 'lit';

/** After a failed submit, put the keyboard on the first field that needs fixing. */
export async function focusFirstInvalid(host: LitElement): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
