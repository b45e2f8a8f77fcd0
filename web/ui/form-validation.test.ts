import { describe, expect, it } from 'vitest';
import { LoginRequest, RegisterRequest, UpdateProfileRequest } from '../../shared/schemas/auth.ts';
import { ApiError } from '../api/api-error.ts';
import { fieldErrorsOf, serverFieldErrors, validateForm, withoutFieldError } from './form-validation.ts';

describe('validateForm', () => {
  it('returns parsed data when the values are valid', () => {
    const result = validateForm(RegisterRequest, { email: ' Ada@Example.com ', password: 'correct horse', displayName: 'Ada' });
    expect(result).toEqual({ success: true, data: { email: 'ada@example.com', password: 'correct horse', displayName: 'Ada' } });
  });

  it('says "required" for empty fields and explains the rule otherwise', () => {
    const result = validateForm(RegisterRequest, { email: '', password: 'short', displayName: '   ' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({
      email: { id: 'form.error.required' },
      password: { id: 'form.error.passwordTooShort', values: { min: 8 } },
      displayName: { id: 'form.error.required' },
    });
  });

  it('recognises a malformed e-mail address', () => {
    const result = validateForm(LoginRequest, { email: 'not-an-address', password: 'x' });
    expect(result.success ? null : result.errors).toEqual({ email: { id: 'form.error.email' } });
  });

  it('asks for https avatar URLs and bounded bios', () => {
    const result = validateForm(UpdateProfileRequest, { avatarUrl: 'http://example.com/a.png', bio: 'x'.repeat(2001) });
    expect(result.success ? null : result.errors).toEqual({
      avatarUrl: { id: 'form.error.httpsUrl' },
      bio: { id: 'form.error.tooLong', values: { max: 2000 } },
    });
  });
});

describe('serverFieldErrors', () => {
  it('keys API problems by their top-level field, first one wins', () => {
    expect(
      serverFieldErrors([
        { path: 'email', code: 'taken', message: 'Already registered' },
        { path: 'roles.0', code: 'invalid', message: 'Unknown role' },
        { path: 'email', code: 'other', message: 'ignored' },
      ]),
    ).toEqual({ email: { text: 'Already registered' }, roles: { text: 'Unknown role' } });
  });
});

describe('clearing and reading field errors', () => {
  it('drops only the edited field, and keeps the same object when it had no error', () => {
    const errors = { email: { id: 'form.error.required' }, password: { text: 'too short' } };
    expect(withoutFieldError(errors, 'email')).toEqual({ password: { text: 'too short' } });
    expect(withoutFieldError(errors, 'displayName')).toBe(errors);
  });

  it('reads per-field problems from a validation error only', () => {
    const validation = new ApiError({ status: 422, code: 'validation_failed', message: 'x', localized: true, details: [{ path: 'password', code: 'too_small', message: 'Too short' }] });
    expect(fieldErrorsOf(validation)).toEqual({ password: { text: 'Too short' } });
    expect(fieldErrorsOf(new Error('boom'))).toBeUndefined();
  });
});
