/** An error in the user's words: one line, by the error's code, never a stack trace. */
import { errorText, isAppError, type Locale } from '../core';
import { UsageError } from './args';
import { cliErrorText, cliText } from './messages';

/** One line for the user: the words of an AppError's code, or a plea to report anything else. */
export function describe(e: unknown, locale: Locale): string {
  const t = cliText(locale);
  if (isAppError(e)) {
    const words = errorText(e.code, e.params, locale) ?? cliErrorText(e.code, e.params, locale);
    if (words !== undefined) return e instanceof UsageError ? t.usageLine(words) : t.errorLine(words);
  }
  const detail = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
  return t.errorLine(t.unexpected(detail));
}

