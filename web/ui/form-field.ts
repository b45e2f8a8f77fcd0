import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldMessage } from './form-validation.ts';

/**
 * A labelled input with an optional hint and inline error, wired with aria-describedby and
 * aria-invalid. A template, not an element: the input must live in the same shadow root as its
 * <form> and <label> for form submission and accessible names to work.
 */
export interface TextFieldOptions {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url';
  multiline?: boolean;
  autocomplete?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  disabled?: boolean;
  inputMode?: string;
}

export function textField(options: TextFieldOptions): TemplateResult {
  const id = `field-${options.name}`;
  const hintId = options.hint ? `${id}-hint` : '';
  const errorId = `${id}-error`;
  const describedBy = [hintId, options.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const onInput = (event: Event): void => options.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = options.multiline
    ? html`<textarea
        id=${id}
        name=${options.name}
        .value=${live(options.value)}
        @input=${onInput}
        maxlength=${ifDefined(options.maxLength)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
      ></textarea>`
    : html`<input
        id=${id}
        name=${options.name}
        type=${options.type ?? 'text'}
        .value=${live(options.value)}
        @input=${onInput}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputMode)}
        maxlength=${ifDefined(options.maxLength)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        spellcheck=${options.type === 'text' ? 'true' : 'false'}
        autocapitalize=${options.type === 'text' ? 'sentences' : 'off'}
      />`;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${control} ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
    <p class="field-error" id=${errorId}>${options.error ?? ''}</p>
  </div>`;
}

/** The text for a field message, translating catalog ids with `t`. */
export function fieldMessageText(message: FieldMessage | undefined, t: (id: string, values?: Record<string, unknown>) => string): string | undefined {
  if (!message) return undefined;
  return 'text' in message ? message.text : t(message.id, message.values);
}
