import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../i18n/locales.ts';

/**
 * Wire schemas for accounts. The API validates requests with them and the web app validates forms
 * with the same rules, so a form never sends what the server will refuse.
 */

/** Length limits from the Foundation issue: long passphrases welcome, but bounded so hashing cost is bounded. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const USER_ROLES = ['producer', 'artist', 'songwriter', 'engineer', 'listener'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const Email = z
  .string()
  .trim()
  .max(254)
  .email()
  // E-mail addresses are compared case-insensitively everywhere; store them lower-cased once.
  .transform((value) => value.toLowerCase())
  .meta({ description: 'E-mail address, compared case-insensitively.', example: 'writer@example.com' });

/**
 * Length counts Unicode code points, not UTF-16 units, and the text is kept exactly as typed
 * (no trimming, no normalisation) so a passphrase in any script works as entered.
 */
export const Password = z
  .string()
  .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, { message: 'password_too_short' })
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, { message: 'password_too_long' })
  .meta({ description: `Between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`, example: 'violet-harbour-7-lanterns' });

export const DisplayName = z.string().trim().min(1).max(80);
export const Locale = z.enum(SUPPORTED_LOCALES);

export const RegisterRequest = z
  .object({
    email: Email,
    password: Password,
    displayName: DisplayName,
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const LoginRequest = z
  .object({
    email: Email,
    // Login checks only the upper bound: a stored password may predate a stricter minimum.
    password: z.string().min(1).max(1024),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof LoginRequest>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: Password,
  })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

/** How long the confirmation link for a new e-mail address works. */
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** Moving the account to another address, confirmed with the password; it changes once the link sent there is opened. */
export const EmailChangeRequest = z
  .object({ newEmail: Email, password: z.string().min(1).max(1024) })
  .strict()
  .meta({ id: 'EmailChangeRequest' });
export type EmailChangeRequest = z.input<typeof EmailChangeRequest>;

export const EmailChangeAccepted = z.object({ sentTo: z.string() }).meta({ id: 'EmailChangeAccepted' });
export type EmailChangeAccepted = z.infer<typeof EmailChangeAccepted>;

/** The token from the link e-mailed to the new address (`/confirm-email#token=…`). */
export const EmailChangeConfirm = z.object({ token: z.string().min(1).max(200) }).strict().meta({ id: 'EmailChangeConfirm' });
export type EmailChangeConfirm = z.input<typeof EmailChangeConfirm>;

export const EmailChanged = z
  .object({
    email: z.string(),
    /** A way-back link from the old address: it is restored and every session signed out (reset the password next). */
    reverted: z.boolean(),
  })
  .meta({ id: 'EmailChanged' });
export type EmailChanged = z.infer<typeof EmailChanged>;

/** "Forgot your password": the answer is the same whether or not an account uses the address. */
export const PasswordResetRequest = z.object({ email: Email }).strict().meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

/** How long an e-mailed reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** Choosing a new password with the token from the e-mailed link (`/reset-password#token=…`). */
export const PasswordResetConfirm = z
  .object({
    // Any string: a mangled link gets the same clear `reset_token_invalid` as an expired one.
    token: z.string().min(1).max(200),
    newPassword: Password,
  })
  .strict()
  .meta({ id: 'PasswordResetConfirm' });
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirm>;

/** Deleting one's own account is confirmed with the password. */
export const DeleteAccountRequest = z.object({ password: z.string().min(1).max(1024) }).strict().meta({ id: 'DeleteAccountRequest' });
export type DeleteAccountRequest = z.input<typeof DeleteAccountRequest>;

export const UpdateProfileRequest = z
  .object({
    displayName: DisplayName.optional(),
    bio: z.string().max(2000).optional(),
    locale: Locale.optional(),
    avatarUrl: z
      .url({ protocol: /^https$/ })
      .max(2048)
      .nullable()
      .optional()
      .meta({ description: 'An https URL, or null to remove the avatar.' }),
    roles: z.array(z.enum(USER_ROLES)).max(USER_ROLES.length).optional(),
  })
  .strict()
  .meta({ id: 'UpdateProfileRequest' });
export type UpdateProfileRequest = z.input<typeof UpdateProfileRequest>;

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    bio: z.string(),
    locale: Locale,
    avatarUrl: z.string().nullable(),
    roles: z.array(z.enum(USER_ROLES)),
    createdAt: z.string().meta({ description: 'ISO 8601 timestamp.' }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Session = z
  .object({
    user: User,
    accessToken: z.string().meta({ description: 'Short-lived JWT for the Authorization: Bearer header.' }),
    expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.' }),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const ProfileResponse = z.object({ user: User }).meta({ id: 'ProfileResponse' });
export type ProfileResponse = z.infer<typeof ProfileResponse>;
