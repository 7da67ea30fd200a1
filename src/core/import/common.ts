/**
 * What the importers share: the result and warning types, slugs, text clean-up, and the
 * EPPI reference → study conversion used by both EPPI importers (spec §5, eppi-formats.md).
 */
import { codesIn } from '../codes.js';
import { isHttpUrl } from '../parse.js';
import type { EgmCategory, EgmLayout, EgmMap, EgmStudy } from '../types.js';

/** Something an importer could not carry over as it was. `path` points into the input. */
export interface EgmWarning {
  path?: string;
  message: string;
}

/** What every importer returns: a map that `parseMap` accepts, and what it had to change. */
export interface EgmImportResult {
  map: EgmMap;
  warnings: EgmWarning[];
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const own = (o: Json, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Sets an own property even when the key is `__proto__` (dimension ids may come from a user). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export { codesIn };

/** Category trees deeper than this are cut (parseMap refuses 16 levels; real maps use 2 or 3). */
export const MAX_IMPORT_DEPTH = 15;

/** `"a"` or `"a…"`, for messages: long names are shortened. */
export function q(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

/** `1 study carries` / `3 studies carry`. */
export function studies(n: number, singular = 'study carries', plural = 'studies carry'): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The text of a string or number field, trimmed; "" for anything else. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A name for display: trimmed (spaces, tabs and line breaks at both ends). */
export const cleanName = (value: unknown): string => text(value);

/** A title on one line: line breaks inside become single spaces. */
export function cleanTitle(value: unknown): string {
  return text(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Multi-line plain text with CRLF and CR line breaks normalised to `\n`. */
export function cleanMultiline(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** An id from a string or an integer (EPPI ids are numbers; tiny ones too); "" when unusable. */
export function idOf(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : '';
  if (typeof value === 'string') return value.trim();
  return '';
}

/**
 * A slug for an id: lower case, accents stripped, runs of anything but letters and digits
 * turned into one dash, at most 60 characters. `fallback` when nothing is left.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out ids that are unique in one namespace: `outcome`, `outcome-2`, `outcome-3`… */
export class UniqueIds {
  private readonly used = new Set<string>();

  /** Marks an id as taken without changing it. */
  reserve(id: string): void {
    this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** `base`, or `base-2`, `base-3`… whichever is free first. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A 4-digit year from `"2019"` or `2019`; undefined otherwise. */
export function parseYear(value: unknown): number | undefined {
  const t = text(value);
  return /^\d{4}$/.test(t) ? Number(t) : undefined;
}

/** Splits a name list such as `"A ; B ; "`: trimmed, empties dropped. */
export function splitList(value: string, separator: string): string[] {
  const out: string[] = [];
  for (const part of value.split(separator)) {
    const t = part.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** A CSS colour as lower-case `#rrggbb`, from `#rgb` or `#rrggbb` (any case); undefined otherwise. */
export function normalizeColor(value: unknown): string | undefined {
  const t = text(value).toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(t)) return t;
  if (/^#[0-9a-f]{3}$/.test(t)) return `#${t[1]}${t[1]}${t[2]}${t[2]}${t[3]}${t[3]}`;
  return undefined;
}

/** Every category id of a tree (groups included). */
export function treeIds(categories: readonly EgmCategory[], into = new Set<string>()): Set<string> {
  for (const c of categories) {
    into.add(c.id);
    if (c.children) treeIds(c.children, into);
  }
  return into;
}

/**
 * An EPPI reference (an item of `References` / `referenceData`) as a study, without codes.
 * `path` names the reference in warnings (`References[3]`).
 */
export function referenceToStudy(ref: Json, index: number, path: string, ids: UniqueIds, warnings: EgmWarning[]): EgmStudy {
  const itemId = idOf(own(ref, 'ItemId'));
  let id = itemId;
  if (id === '') {
    id = ids.take(`item-${index + 1}`);
    warnings.push({ path, message: `reference ${index + 1} has no ItemId: it was given the id "${id}"` });
  } else if (ids.has(id)) {
    const first = id;
    id = ids.take(id);
    warnings.push({ path: `${path}.ItemId`, message: `ItemId ${first} is used twice: this reference was given the id "${id}"` });
  } else ids.reserve(id);

  let title = cleanTitle(own(ref, 'Title'));
  if (title === '') title = cleanTitle(own(ref, 'ShortTitle'));
  if (title === '') {
    title = `Untitled (item ${itemId || index + 1})`;
    warnings.push({ path: `${path}.Title`, message: `item ${itemId || index + 1} has no title: it is listed as "${title}"` });
  }
  const study: EgmStudy = { id, title, codes: {} };

  const rawAuthors = own(ref, 'Authors');
  const authors =
    typeof rawAuthors === 'string'
      ? splitList(rawAuthors, ';')
      : Array.isArray(rawAuthors)
        ? rawAuthors.map(text).filter((a) => a !== '')
        : [];
  if (authors.length > 0) study.authors = authors;

  const rawYear = own(ref, 'Year');
  const year = parseYear(rawYear);
  if (year !== undefined) study.year = year;
  else if (text(rawYear) !== '' && text(rawYear) !== '0') {
    warnings.push({ path: `${path}.Year`, message: `item ${id}: the year ${JSON.stringify(text(rawYear))} is not a 4-digit year and was left out` });
  }
  const source = cleanTitle(own(ref, 'ParentTitle'));
  if (source !== '') study.source = source;
  const abstract = cleanMultiline(own(ref, 'Abstract'));
  if (abstract !== '') study.abstract = abstract;
  const doi = text(own(ref, 'DOI'));
  if (doi !== '') study.doi = doi;
  const url = text(own(ref, 'URL'));
  if (url !== '') {
    if (isHttpUrl(url)) study.url = url;
    else {
      const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
      warnings.push({ path: `${path}.URL`, message: `item ${id}: the link ${JSON.stringify(shown)} is not an http(s) address and was dropped` });
    }
  }
  return study;
}

/**
 * The AttributeIds a reference carries, de-duplicated (arms repeat them). Entries without a
 * usable id (`"AttributeId": []` from converters) are skipped and counted in `junk`.
 */
export function referenceCodes(ref: Json, junk: { count: number }): Set<string> {
  const out = new Set<string>();
  const codes = own(ref, 'Codes');
  if (!Array.isArray(codes)) return out;
  for (const c of codes) {
    const id = isObject(c) ? idOf(own(c, 'AttributeId')) : '';
    if (id === '') junk.count++;
    else out.add(id);
  }
  return out;
}

/** Puts a study's codes onto the dimensions, each keeping only the ids of its own tree. */
export function assignCodes(study: EgmStudy, carried: ReadonlySet<string>, dims: readonly { id: string; ids: ReadonlySet<string> }[]): void {
  for (const dim of dims) {
    const kept: string[] = [];
    for (const id of carried) if (dim.ids.has(id)) kept.push(id);
    if (kept.length > 0) setOwn(study.codes, dim.id, kept);
  }
}

/**
 * "37 studies carry no code under 'Outcome': they appear in no column", one warning per
 * layout role that leaves studies out (rows, columns) or puts them in "Not coded" (segments).
 */
export function coverageWarnings(studyList: readonly EgmStudy[], layout: EgmLayout, labelOf: (dimId: string) => string): EgmWarning[] {
  const out: EgmWarning[] = [];
  const roles: [string | undefined, string][] = [
    [layout.rows, 'in no row'],
    [layout.columns, 'in no column'],
    [layout.segments, 'as Not coded'],
  ];
  for (const [dimId, where] of roles) {
    if (dimId === undefined) continue;
    const n = studyList.filter((s) => codesIn(s, dimId).length === 0).length;
    if (n === 0) continue;
    out.push({ message: `${studies(n)} no code under ${q(labelOf(dimId))}: ${n === 1 ? 'it appears' : 'they appear'} ${where}` });
  }
  return out;
}
