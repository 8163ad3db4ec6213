import { TrainingRefusedError } from '../core/train.js';
import { en } from './en.js';
import { ja } from './ja.js';

/** Every piece of interface text, by key. `ja` must have every key of `en`. */
export type Messages = typeof en;

/** A language nn-tui speaks. */
export type Language = 'en' | 'ja';

/** The messages of a language. */
export function messagesFor(language: Language): Messages {
  return language === 'ja' ? ja : en;
}

/**
 * The language from the environment: Japanese when LC_ALL, LC_MESSAGES or
 * LANG (the first one set) starts with `ja`, English otherwise.
 */
export function languageFromEnvironment(
  environment: Record<string, string | undefined>,
): Language {
  const locale =
    environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * What went wrong, for the user: a refused training in their language,
 * any other error by its own message.
 */
export function errorText(error: unknown, messages: Messages): string {
  if (error instanceof TrainingRefusedError) {
    return messages.trainingRefused(error.refusal);
  }
  return error instanceof Error ? error.message : String(error);
}
