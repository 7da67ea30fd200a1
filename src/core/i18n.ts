/**
 * Messages in any language (DOM-free): placeholders, plurals through `Intl.PluralRules`, numbers
 * through `Intl.NumberFormat`, and deep merging of partial string tables over the English
 * defaults. The elements' strings and the locale registry build on it (src/i18n).
 *
 * A message is either text with `{name}` placeholders, or a plural: one text per plural
 * category of the language (`one`, `two`, `few`, `many`, `zero`; `other` is required), chosen by
 * the number in `{n}`. Numeric parameters are formatted for the language (1,234 / 1 234);
 * pass years and identifiers as strings.
 */

/** One text per plural category; `other` is the fallback every language has. */
export type Plural = { readonly other: string } & { readonly [K in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };
export type Message = string | Plural;
export type Params = Readonly<Record<string, string | number>>;

/** A table of messages, nested by element. */
export interface MessageTable {
  readonly [key: string]: Message | MessageTable;
}

/** Every key optional, at every level: what a translation or a host's override supplies. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends Plural ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A language tag Intl accepts ('' or an invalid tag gives 'en'). */
export function canonicalLanguage(lang: string | undefined | null): string {
  if (!lang) return 'en';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Small whole numbers already formatted, per language: most counts a grid shows. */
const smallNumbers = new Map<string, string[]>();
const SMALL = 1024;

/**
 * `n` formatted for `lang` (a shared formatter per language: maps format thousands of numbers,
 * and whole numbers under 1,024, most of a grid's counts, are formatted once per language).
 */
export function formatNumber(lang: string, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(canonicalLanguage(lang));
    numberFormats.set(lang, f);
  }
  if (n >= 0 && n < SMALL && Number.isInteger(n) && !Object.is(n, -0)) {
    let small = smallNumbers.get(lang);
    if (!small) smallNumbers.set(lang, (small = []));
    return (small[n] ??= f.format(n));
  }
  return f.format(n);
}

/** The plural category of `n` in `lang`. */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(canonicalLanguage(lang));
    pluralRules.set(lang, r);
  }
  return r.select(n);
}

/** Each message text split once at its placeholders: [text, name, text, name, …, text]. */
const pieces = new Map<string, string[]>();

/**
 * The text of `message` in `lang` with `params` filled in. A plural picks its form by
 * `params.n`. An unknown placeholder stays as written, so a mistake shows rather than vanishes.
 * Fast enough for thousands of grid cells: a text is split at its placeholders once.
 */
export function formatMessage(lang: string, message: Message, params: Params = {}): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const n = typeof params.n === 'number' ? params.n : Number(params.n ?? 0);
    text = message[pluralCategory(lang, n)] ?? message.other;
  }
  let p = pieces.get(text);
  if (!p) {
    p = text.split(/\{(\w+)\}/);
    // Translations are few; a host making messages on the fly should not grow this for ever.
    if (pieces.size > 2000) pieces.clear();
    pieces.set(text, p);
  }
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const value = params[p[i]];
    out += (value === undefined ? `{${p[i]}}` : typeof value === 'number' ? formatNumber(lang, value) : value) + p[i + 1];
  }
  return out;
}

const isPlural = (v: unknown): v is Plural => typeof v === 'object' && v !== null && typeof (v as Plural).other === 'string';
const isTable = (v: unknown): v is MessageTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !isPlural(v);

/**
 * `base` with `over` laid on top, key by key at every level. Only keys `base` has are taken,
 * and only with the same shape (a message for a message, a table for a table): a translation
 * cannot add keys, nor replace a group with a string. A plural replaces a plural whole.
 */
export function mergeMessages<T extends MessageTable>(base: T, ...overs: (DeepPartial<T> | undefined)[]): T {
  let out: MessageTable = base;
  for (const over of overs) {
    if (!isTable(over)) continue;
    out = mergeOne(out, over);
  }
  return out as T;
}

function mergeOne(base: MessageTable, over: MessageTable): MessageTable {
  const out: Record<string, Message | MessageTable> = { ...base };
  for (const key of Object.keys(base)) {
    if (!Object.prototype.hasOwnProperty.call(over, key)) continue;
    const b = base[key];
    const o = over[key];
    if (typeof b === 'string' && typeof o === 'string') out[key] = o;
    else if (typeof b === 'string' && isPlural(o)) out[key] = o;
    else if (isPlural(b) && (isPlural(o) || typeof o === 'string')) out[key] = o;
    else if (isTable(b) && isTable(o)) out[key] = mergeOne(b, o);
  }
  return out;
}

/**
 * The language to use for `wanted` among `available` tags: an exact match, else the same
 * language without region or script ('fr-CA' → 'fr'), else undefined.
 */
export function matchLanguage(wanted: string, available: Iterable<string>): string | undefined {
  const tags = [...available];
  const lower = canonicalLanguage(wanted).toLowerCase();
  const exact = tags.find((t) => t.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return tags.find((t) => t.toLowerCase() === base) ?? tags.find((t) => t.toLowerCase().split('-')[0] === base);
}
