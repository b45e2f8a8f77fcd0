import { ApiError } from '../api/api-error.ts';
import { messageId } from './message-id.ts';

/**
 * What to tell the user about a failed call: the API's own message (already in their language),
 * or a catalog message when the failure happened before the API could answer.
 */
export function errorMessage(error: unknown, t: (id: string) => string): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t(messageId('errors.network'));
    if (error.localized && error.message) return error.message;
  }
  return t(messageId('errors.unexpected'));
}
