/**
 * The one error base class. A problem a user can act on is thrown as an AppError: a stable
 * `code` and its `params`; the words come from the locale tables (src/core/i18n), so the
 * command line and the pane describe it in the user's language. `message` is for developers
 * and logs only (English, never shown to a user as is).
 */
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`, options);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
