/**
 * Registered translations. The table lives on `globalThis` under a registry symbol, so a locale
 * file (dist/locales/*.js, which carries its own copy of this code) registers for every copy of
 * the elements on the page: the npm build, the embed bundle, or both.
 */
import { canonicalLanguage, type DeepPartial } from '../core/i18n.js';
import type { EgmStrings } from './en.js';

/** A translation: any part of the English table. */
export type EgmLocale = DeepPartial<EgmStrings>;

/** Fired on `window` when a locale is registered: elements re-render in it. */
export const LOCALE_CHANGE = 'egm-locale-change';

const KEY = Symbol.for('egm-components.locales');
type Registry = Map<string, EgmLocale>;

/** The registered locales, by canonical language tag. */
export function registeredLocales(): ReadonlyMap<string, EgmLocale> {
  return registry();
}

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map<string, EgmLocale>());
}

/**
 * Registers the strings of a language. Elements whose language (their nearest `lang` attribute,
 * across shadow roots, else the document's) matches `lang` use them: `fr` serves `fr-CA` too.
 * Registering again replaces the table.
 */
export function registerLocale(lang: string, strings: EgmLocale): void {
  registry().set(canonicalLanguage(lang), strings);
  globalThis.dispatchEvent?.(new Event(LOCALE_CHANGE));
}
