/**
 * Every error code the API answers with, and its HTTP status. The code is the stable,
 * machine-readable part of `{ error: { code, message } }`; the message comes from the
 * catalogs (`error.<code>` in locales/<locale>/errors.json) in the caller's language.
 */
export const ERROR_STATUS = {
  validation_failed: 422,
  malformed_json: 400,
  bad_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_token: 401,
  token_expired: 401,
  invalid_credentials: 401,
  refresh_token_invalid: 401,
  refresh_token_reused: 401,
  session_revoked: 401,
  wrong_password: 403,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  project_not_found: 404,
  project_forbidden: 403,
  invite_invalid: 404,
  invite_email_mismatch: 403,
  owner_role_fixed: 409,
  version_not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  password_too_common: 422,
  password_too_short: 422,
  password_too_long: 422,
  rate_limited: 429,
  login_throttled: 429,
  not_ready: 503,
  internal: 500,
  writing_session_not_found: 404,
  beat_not_found: 404,
  beat_forbidden: 403,
  beat_audio_missing: 409,
  audio_empty: 400,
  audio_too_large: 413,
  audio_type_not_allowed: 415,
  audio_unreadable: 422,
  range_not_satisfiable: 416,
  invalid_cursor: 400,
  conversation_not_found: 404,
  message_not_found: 404,
  recipient_not_found: 404,
  cannot_message_self: 422,
  user_blocked: 403,
  messages_rate_limited: 429,
  analytics_range_invalid: 422,
  preset_not_found: 404,
  preset_forbidden: 403,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value);
}
