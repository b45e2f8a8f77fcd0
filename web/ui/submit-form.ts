import type { LitElement } from 'lit';
import { focusFirstInvalid } from './focus-first-invalid.ts';
import { fieldErrorsOf, type FieldErrors, type ValidationResult } from './form-validation.ts';

/** The reactive fields a form element shows around a submit. */
export interface SubmittingForm extends LitElement {
  errors: FieldErrors;
  formError: string;
  submitting: boolean;
}

/**
 * The one way a form submits: invalid input marks its fields and focuses the first; valid input runs
 * the action with the form busy, and a refusal puts the server's field errors on the fields and its
 * message in the form's live region. Ignored while a submit is already running.
 */
export async function submitForm<Output>(
  form: SubmittingForm,
  result: ValidationResult<Output>,
  action: (data: Output) => Promise<void>,
  describeError: (error: unknown) => string,
): Promise<void> {
  if (form.submitting) return;
  form.formError = '';
  if (!result.success) {
    form.errors = result.errors;
    await focusFirstInvalid(form);
    return;
  }
  form.errors = {};
  form.submitting = true;
  try {
    await action(result.data);
  } catch (error) {
    form.errors = fieldErrorsOf(error) ?? form.errors;
    form.formError = describeError(error);
  } finally {
    form.submitting = false;
  }
}
