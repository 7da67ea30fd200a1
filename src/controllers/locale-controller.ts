import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatMessage, formatNumber, matchLanguage, mergeMessages, type Message, type Params } from '../core/i18n.js';
import { en, type EgmStrings } from '../i18n/en.js';
import { LOCALE_CHANGE, registeredLocales, type EgmLocale } from '../i18n/registry.js';

/** An element that speaks: its `strings` override the registered table for its language. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  strings?: EgmLocale;
}

/** The nearest `lang` attribute of `el` or an ancestor, across shadow roots; '' if none. */
export function languageOf(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang !== null) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return '';
}

/**
 * The first number format of a page costs 40-70 ms on a slow machine (the browser loads its
 * number data, whatever the language; later formats cost under 1 ms). Done once the page is
 * idle after the elements load (while a map file is on its way, say) rather than inside a
 * map's first render. Browsers without `requestIdleCallback` pay it on first use, as before.
 */
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => formatNumber('en', 1234), { timeout: 1000 });

const merged = new WeakMap<EgmLocale, Map<EgmLocale | undefined, EgmStrings>>();
const NO_LOCALE: EgmLocale = {};

/**
 * Gives an element its strings and its language. The language is the element's nearest `lang`
 * (through shadow roots, so elements inside `<egm-map>` follow the map), matched against the
 * registered locales (`fr-CA` finds `fr`); the strings are English, overlaid with that locale,
 * overlaid with the element's own `strings` property. Numbers and plurals follow the matched
 * language, or the element's own language when it was given `strings`, else English.
 * Re-resolved before every update, and on `egm-locale-change` (a locale registered later).
 */
export class LocaleController implements ReactiveController {
  /** The language numbers and plurals are formatted in. */
  lang = 'en';
  /** The strings to show. */
  s: EgmStrings = en;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(LOCALE_CHANGE, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_CHANGE, this.onChange);
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** Works out the language and strings now (also before the first update). */
  resolve(): void {
    const wanted = languageOf(this.host);
    const locales = registeredLocales();
    const tag = wanted ? matchLanguage(wanted, locales.keys()) : undefined;
    const locale = (tag && locales.get(tag)) || NO_LOCALE;
    const own = this.host.strings;
    this.lang = tag ?? (own && wanted ? wanted : 'en');
    let byOwn = merged.get(locale);
    if (!byOwn) merged.set(locale, (byOwn = new Map<EgmLocale | undefined, EgmStrings>()));
    let s = byOwn.get(own);
    if (!s) {
      s = mergeMessages(en, locale, own);
      // A host that makes new `strings` objects on every render should not grow this cache.
      if (byOwn.size > 8) byOwn.clear();
      byOwn.set(own, s);
    }
    this.s = s;
  }

  /** `message` in the element's language with `params`. */
  t(message: Message, params?: Params): string {
    return formatMessage(this.lang, message, params);
  }

  /** `n` formatted for the element's language. */
  n(n: number): string {
    return formatNumber(this.lang, n);
  }

  private readonly onChange = () => this.host.requestUpdate();
}
