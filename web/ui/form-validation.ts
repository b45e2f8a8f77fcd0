import type { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/schemas/auth.ts';
import { ApiError, type FieldProblem } from '../api/api-error.ts';
import { messageId } from '../app/message-id.ts';

/** A message for one field: a catalog id to translate, or text the API already localised. */
export type FieldMessage = { id: string; values?: Record<string, unknown> } | { text: string };
export type FieldErrors = Record<string, FieldMessage>;

export type ValidationResult<Output> = { success: true; data: Output } | { success: false; errors: FieldErrors };

/**
 * Validates form values with the same zod schema the API uses and turns the first problem of each
 * field into a catalog message. Empty required fields read "required" rather than "invalid e-mail".
 */
export function validateForm<Schema extends z.ZodType>(schema: Schema, values: Record<string, unknown>): ValidationResult<z.output<Schema>> {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field]) continue;
    errors[field] = values[field] === '' ? { id: messageId('form.error.required') } : issueMessage(issue);
  }
  return { success: false, errors };
}

/** Maps one zod issue to a catalog message. */
export function issueMessage(issue: z.core.$ZodIssue): FieldMessage {
  switch (issue.code) {
    case 'custom':
      if (issue.message === 'password_too_short') return { id: messageId('form.error.passwordTooShort'), values: { min: PASSWORD_MIN_LENGTH } };
      if (issue.message === 'password_too_long') return { id: messageId('form.error.passwordTooLong'), values: { max: PASSWORD_MAX_LENGTH } };
      return { id: messageId('form.error.invalid') };
    case 'invalid_format':
      if (issue.format === 'email') return { id: messageId('form.error.email') };
      if (issue.format === 'url') return { id: messageId('form.error.httpsUrl') };
      return { id: messageId('form.error.invalid') };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? { id: messageId('form.error.required') } : { id: messageId('form.error.invalid') };
    case 'too_big':
      return { id: messageId('form.error.tooLong'), values: { max: Number(issue.maximum) } };
    default:
      return { id: messageId('form.error.invalid') };
  }
}

/** Per-field problems from a `validation_failed` API error, keyed by the top-level field name. */
export function serverFieldErrors(details: readonly FieldProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of details) {
    const field = problem.path.split(/[.[/]/).find(Boolean) ?? '';
    if (field && !errors[field]) errors[field] = { text: problem.message };
  }
  return errors;
}

/** Per-field problems the API reported with a failed call (a `validation_failed` answer), if any. */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  return error instanceof ApiError && error.details.length > 0 ? serverFieldErrors(error.details) : undefined;
}

/** The errors without `field`'s (typing in a field clears its message); the same object when it had none. */
export function withoutFieldError(errors: FieldErrors, field: string): FieldErrors {
  if (!errors[field]) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}
