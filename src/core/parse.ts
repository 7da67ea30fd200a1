/**
 * `parseMap`: the one door through which map data enters the library.
 *
 * It checks everything at once and reports every problem with a JSON path and a sentence a
 * map author can act on. It never throws anything but `EgmValidationError`, never recurses
 * without a bound, never compares long strings character by character, and never writes a
 * key from the input onto an object's prototype chain.
 */
import { EgmValidationError } from './errors.js';
import { suggest } from './suggest.js';
import { YieldClock, type AsyncOptions } from './yield.js';
import type {
  EgmCategory,
  EgmDimension,
  EgmIssue,
  EgmLayout,
  EgmLink,
  EgmMap,
  EgmSchema,
  EgmStudy,
} from './types.js';
import { EGM_FORMAT } from './types.js';

/** Category trees deeper than this are refused (real maps use two or three levels). */
export const MAX_CATEGORY_DEPTH = 16;

type Json = Record<string, unknown>;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Json, k: string): unknown => (hasOwn(o, k) ? o[k] : undefined);

/** Sets an own property even when the key is `__proto__`. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const MAX_KEY_IN_PATH = 40;

/** `parent.key` or `parent["odd key"]`. */
export function pathKey(parent: string, key: string): string {
  const k = key.length > MAX_KEY_IN_PATH ? `${key.slice(0, MAX_KEY_IN_PATH)}…` : key;
  if (IDENT.test(k)) return parent ? `${parent}.${k}` : k;
  return `${parent}[${JSON.stringify(k)}]`;
}
const pathIndex = (parent: string, i: number) => `${parent}[${i}]`;

/** A short description of a value for messages: `the number 12`, `an array`, `"text…"`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text ${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Quotes an id for a message, shortening very long ones. */
export function quote(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
}

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** True for a colour a map accepts: `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (for the importers' own checks). */
export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** True for an absolute `http:` or `https:` URL. */
export function isHttpUrl(value: string): boolean {
  if (!/^\s*https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What we learn about a dimension while checking it, for the cross-reference checks. */
interface DimInfo {
  /** Category id → its number in the dimension, from 1 (a key for code lists). */
  ids: Map<string, number>;
  labels: Map<string, string>;
  /** The dimension's valid code lists so far, one frozen array each, by `listKey`. */
  lists: Map<number, readonly string[]>;
}

class Checker {
  readonly issues: EgmIssue[] = [];

  /** `adopt`: valid studies are kept as they are (see `ValidateOptions.adopt`), not copied. */
  constructor(readonly adopt = false) {}

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** A required or optional string; returns it when valid. */
  string(obj: Json, key: string, path: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    const v = own(obj, key);
    // Paths are built only for problems: a 50,000-study map has half a million valid fields.
    if (typeof v === 'string' && !(opts.nonEmpty && v.trim() === '')) return v;
    const p = pathKey(path, key);
    if (v === undefined) {
      if (opts.required) this.add(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.add(p, `must be text, but is ${describe(v)}`);
      return undefined;
    }
    this.add(p, 'must not be empty');
    return undefined;
  }

  id(obj: Json, path: string, what: string): string | undefined {
    const v = own(obj, 'id');
    if (typeof v === 'string' && v !== '') return v;
    const p = pathKey(path, 'id');
    if (v === undefined) {
      this.add(p, `every ${what} needs an id`);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.add(p, `must be text, but is ${describe(v)}${typeof v === 'number' ? ` (write it as "${v}")` : ''}`);
      return undefined;
    }
    if (v === '') {
      this.add(p, 'must not be empty');
      return undefined;
    }
    return v;
  }

  list(obj: Json, key: string, path: string, required: boolean): unknown[] | undefined {
    const v: unknown = own(obj, key);
    if (v === undefined) {
      if (required) this.add(pathKey(path, key), 'is required (a list)');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(pathKey(path, key), `must be a list, but is ${describe(v)}`);
      return undefined;
    }
    return v as unknown[];
  }

  object(obj: Json, key: string, path: string, required: boolean): Json | undefined {
    const v = own(obj, key);
    if (v === undefined) {
      if (required) this.add(pathKey(path, key), 'is required (an object)');
      return undefined;
    }
    if (!isObject(v)) {
      this.add(pathKey(path, key), `must be an object, but is ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  url(obj: Json, key: string, path: string, required: boolean): string | undefined {
    const v = this.string(obj, key, path, { required, nonEmpty: required });
    if (v === undefined) return undefined;
    if (v.trim() === '' && !required) return undefined;
    if (!isHttpUrl(v)) {
      this.add(pathKey(path, key), `must be an http:// or https:// address, but is ${describe(v)}`);
      return undefined;
    }
    return v.trim();
  }

  // ---- dimensions --------------------------------------------------------------------------

  categories(raw: unknown[], path: string, info: DimInfo, depth: number, seen: WeakSet<object>): EgmCategory[] {
    const out: EgmCategory[] = [];
    raw.forEach((c, i) => {
      const p = pathIndex(path, i);
      if (!isObject(c)) {
        this.add(p, `each category must be an object with an id and a label, but this is ${describe(c)}`);
        return;
      }
      if (seen.has(c)) {
        this.add(p, 'this category appears inside itself (a cycle)');
        return;
      }
      seen.add(c);
      const id = this.id(c, p, 'category');
      const label = this.string(c, 'label', p, { required: true, nonEmpty: true });
      const description = this.string(c, 'description', p);
      const color = this.string(c, 'color', p);
      if (color !== undefined && !HEX_COLOR.test(color)) {
        this.add(pathKey(p, 'color'), `must be a hex colour such as "#1b7837", but is ${describe(color)}`);
      }
      if (id !== undefined) {
        if (info.ids.has(id)) this.add(pathKey(p, 'id'), `duplicate category id ${quote(id)} in this dimension (ids must be unique across all levels)`);
        else info.ids.set(id, info.ids.size + 1);
        if (label !== undefined) info.labels.set(id, label);
      }
      let children: EgmCategory[] | undefined;
      const rawChildren = this.list(c, 'children', p, false);
      if (rawChildren && rawChildren.length > 0) {
        if (depth + 1 >= MAX_CATEGORY_DEPTH) {
          this.add(pathKey(p, 'children'), `categories are nested more than ${MAX_CATEGORY_DEPTH} levels deep`);
        } else {
          children = this.categories(rawChildren, pathKey(p, 'children'), info, depth + 1, seen);
        }
      }
      if (id === undefined || label === undefined) return;
      const cat: EgmCategory = { id, label };
      if (description !== undefined) cat.description = description;
      if (color !== undefined) cat.color = color;
      if (children) cat.children = children;
      out.push(cat);
    });
    return out;
  }

  dimensions(raw: unknown[], dims: Map<string, DimInfo>): EgmDimension[] {
    const out: EgmDimension[] = [];
    if (raw.length === 0) this.add('dimensions', 'a map needs at least two dimensions: one for rows and one for columns');
    raw.forEach((d, i) => {
      const p = pathIndex('dimensions', i);
      if (!isObject(d)) {
        this.add(p, `each dimension must be an object, but this is ${describe(d)}`);
        return;
      }
      const id = this.id(d, p, 'dimension');
      const label = this.string(d, 'label', p, { required: true, nonEmpty: true });
      const description = this.string(d, 'description', p);
      const info: DimInfo = { ids: new Map(), labels: new Map(), lists: new Map() };
      const rawCats = this.list(d, 'categories', p, true);
      const categories = rawCats ? this.categories(rawCats, pathKey(p, 'categories'), info, 0, new WeakSet()) : [];
      if (id === undefined) return;
      if (dims.has(id)) {
        this.add(pathKey(p, 'id'), `duplicate dimension id ${quote(id)}`);
        return;
      }
      dims.set(id, info);
      if (label === undefined) return;
      const dim: EgmDimension = { id, label, categories };
      if (description !== undefined) dim.description = description;
      out.push(dim);
    });
    return out;
  }

  dimensionRef(value: unknown, path: string, dims: Map<string, DimInfo>): string | undefined {
    if (typeof value !== 'string' || value === '') {
      this.add(path, `must name a dimension id, but is ${describe(value)}`);
      return undefined;
    }
    if (!dims.has(value)) {
      const hint = suggest(value, dims.keys());
      this.add(path, `unknown dimension ${quote(value)}${hint !== undefined ? ` (did you mean ${quote(hint)}?)` : ''}`);
      return undefined;
    }
    return value;
  }

  categoryRef(value: unknown, path: string, dimId: string, info: DimInfo): string | undefined {
    if (typeof value !== 'string' || value === '') {
      this.add(path, `must be a category id of dimension ${quote(dimId)}, but is ${describe(value)}`);
      return undefined;
    }
    if (!info.ids.has(value)) {
      const hint = suggest(value, info.ids.keys(), info.labels);
      this.add(path, `unknown category ${quote(value)} in dimension ${quote(dimId)}${hint !== undefined ? ` (did you mean ${quote(hint)}?)` : ''}`);
      return undefined;
    }
    return value;
  }

  layout(raw: Json, dims: Map<string, DimInfo>): EgmLayout | undefined {
    const p = 'layout';
    const rows = own(raw, 'rows') === undefined ? (this.add('layout.rows', 'is required: the id of the dimension shown as rows'), undefined) : this.dimensionRef(own(raw, 'rows'), 'layout.rows', dims);
    const columns = own(raw, 'columns') === undefined ? (this.add('layout.columns', 'is required: the id of the dimension shown as columns'), undefined) : this.dimensionRef(own(raw, 'columns'), 'layout.columns', dims);
    if (rows !== undefined && rows === columns) this.add('layout.columns', `rows and columns must be different dimensions (both are ${quote(rows)})`);
    let segments: string | undefined;
    if (own(raw, 'segments') !== undefined) {
      segments = this.dimensionRef(own(raw, 'segments'), 'layout.segments', dims);
      if (segments !== undefined && (segments === rows || segments === columns)) {
        this.add('layout.segments', `segments must differ from the rows and the columns (it is ${quote(segments)})`);
      }
    }
    let filters: string[] | undefined;
    const rawFilters = this.list(raw, 'filters', p, false);
    if (rawFilters) {
      filters = [];
      const seen = new Set<string>();
      rawFilters.forEach((f, i) => {
        const id = this.dimensionRef(f, pathIndex('layout.filters', i), dims);
        if (id === undefined) return;
        if (seen.has(id)) this.add(pathIndex('layout.filters', i), `dimension ${quote(id)} is listed twice`);
        else filters!.push(id);
        seen.add(id);
      });
    }
    let reviews: EgmLayout['reviews'];
    const rawReviews = this.object(raw, 'reviews', p, false);
    if (rawReviews) {
      const dim = own(rawReviews, 'dimension') === undefined
        ? (this.add('layout.reviews.dimension', 'is required'), undefined)
        : this.dimensionRef(own(rawReviews, 'dimension'), 'layout.reviews.dimension', dims);
      const rawCats = this.list(rawReviews, 'categories', 'layout.reviews', true);
      if (dim !== undefined && rawCats) {
        const info = dims.get(dim)!;
        const categories = rawCats
          .map((c, i) => this.categoryRef(c, pathIndex('layout.reviews.categories', i), dim, info))
          .filter((c): c is string => c !== undefined);
        reviews = { dimension: dim, categories };
      }
    }
    if (rows === undefined || columns === undefined) return undefined;
    const layout: EgmLayout = { rows, columns };
    if (segments !== undefined) layout.segments = segments;
    if (filters) layout.filters = filters;
    if (reviews) layout.reviews = reviews;
    return layout;
  }

  links(raw: unknown[]): EgmLink[] {
    const out: EgmLink[] = [];
    raw.forEach((l, i) => {
      const p = pathIndex('links', i);
      if (!isObject(l)) {
        this.add(p, `each link must be an object with a label and a url, but this is ${describe(l)}`);
        return;
      }
      const label = this.string(l, 'label', p, { required: true, nonEmpty: true });
      const url = this.url(l, 'url', p, true);
      if (label !== undefined && url !== undefined) out.push({ label, url });
    });
    return out;
  }

  // ---- studies -----------------------------------------------------------------------------

  /** Checks studies `from` up to `to` of `raw`, adding the valid ones to `state.out`. */
  studies(raw: unknown[], dims: Map<string, DimInfo>, state: StudyState, from: number, to: number): void {
    const { out, ids } = state;
    for (let i = from; i < to; i++) {
      const s = raw[i];
      const p = pathIndex('studies', i);
      if (!isObject(s)) {
        this.add(p, `each study must be an object, but this is ${describe(s)}`);
        continue;
      }
      const start = this.issues.length;
      const id = this.id(s, p, 'study');
      if (id !== undefined) {
        const first = ids.get(id);
        if (first !== undefined) this.add(pathKey(p, 'id'), `duplicate study id ${quote(id)} (first used by studies[${first}])`);
        else ids.set(id, i);
      }
      const title = this.string(s, 'title', p, { required: true, nonEmpty: true });
      let authors: string[] | undefined;
      const rawAuthors = own(s, 'authors');
      if (rawAuthors !== undefined) {
        if (!Array.isArray(rawAuthors)) {
          this.add(pathKey(p, 'authors'), `must be a list of names, but is ${describe(rawAuthors)}${typeof rawAuthors === 'string' ? ' (write ["A", "B"])' : ''}`);
        } else {
          let names = true;
          for (let j = 0; j < rawAuthors.length; j++) {
            const a: unknown = rawAuthors[j];
            if (typeof a !== 'string') {
              names = false;
              this.add(pathIndex(pathKey(p, 'authors'), j), `must be text, but is ${describe(a)}`);
            }
          }
          if (names) authors = this.adopt ? (rawAuthors as string[]) : (rawAuthors.slice() as string[]);
        }
      }
      const year = own(s, 'year');
      if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year))) {
        this.add(pathKey(p, 'year'), `must be a whole number such as 2019, but is ${describe(year)}`);
      }
      this.string(s, 'source', p);
      this.string(s, 'abstract', p);
      this.string(s, 'doi', p);
      const url = own(s, 'url') === undefined ? undefined : this.url(s, 'url', p, false);
      const rawCodes = this.object(s, 'codes', p, false);
      // Adopting, a study's codes object is kept when every list in it is (the common case).
      let codes: Record<string, string[]> = this.adopt && rawCodes ? (rawCodes as Record<string, string[]>) : {};
      if (rawCodes) {
        for (const dimId of Object.keys(rawCodes)) {
          const dp = () => pathKey(pathKey(p, 'codes'), dimId);
          const info = dims.get(dimId);
          if (!info) {
            const hint = suggest(dimId, dims.keys());
            this.add(dp(), `unknown dimension ${quote(dimId)}${hint !== undefined ? ` (did you mean ${quote(hint)}?)` : ''}`);
            continue;
          }
          const values = rawCodes[dimId];
          if (!Array.isArray(values)) {
            this.add(dp(), `must be a list of category ids, but is ${describe(values)}${typeof values === 'string' ? ` (write [${quote(values)}])` : ''}`);
            continue;
          }
          // Every code list of a checked map is frozen, and equal short lists of a dimension are
          // one array: a map holds few distinct lists (the 100,000-study benchmark map 51,432 of
          // 900,000), so a copy makes far fewer and an adopted map keeps far fewer.
          let kept: readonly string[];
          const key = listKey(values, info.ids);
          const had = info.lists.get(key);
          if (had) {
            kept = had;
          } else if (key !== -1) {
            // The common case, with no list built on the way: every value a known id, once.
            kept = Object.freeze(this.adopt ? (values as string[]) : (values.slice() as string[]));
            if (key >= 0) info.lists.set(key, kept);
          } else {
            const list: string[] = [];
            for (let j = 0; j < values.length; j++) {
              const v: unknown = values[j];
              // A known id without building a path; anything else is reported.
              const c = typeof v === 'string' && info.ids.has(v) ? v : this.categoryRef(v, pathIndex(dp(), j), dimId, info);
              if (c !== undefined && !list.includes(c)) list.push(c);
            }
            kept = Object.freeze(list);
            // A list changed (duplicates dropped): this study's codes become a new object.
            if (codes === rawCodes) codes = { ...(rawCodes as Record<string, string[]>) };
          }
          // (Typed as the format's `string[]`: frozen at run time, see `validateMap`.)
          if (dimId === '__proto__') setOwn(codes, dimId, kept as string[]);
          else codes[dimId] = kept as string[];
        }
      }
      if (this.issues.length > start || id === undefined || title === undefined) continue;
      // Adopting, the study object itself is kept: assigning the values it already holds
      // allocates nothing (only a trimmed url or a changed codes list is new).
      const study = (this.adopt ? s : { ...s }) as unknown as EgmStudy;
      study.id = id;
      study.title = title;
      if (study.codes !== codes) study.codes = codes;
      if (authors) study.authors = authors;
      if (url !== undefined) study.url = url;
      // Only when there is one to drop: `delete` turns an object into a slow dictionary.
      else if (hasOwn(study, 'url')) delete study.url;
      out.push(study);
    }
  }
}

/**
 * A study's code list, checked without allocating for short lists: -1 unless every value is a
 * known id of `ids`, each once. Then a number that only lists with the same ids in the same
 * order share: the category numbers (from 1) as digits in base (categories + 1), exact (under
 * 2^53) for lists of at most 4 ids of at most 9,000; -2 for longer lists and larger dimensions.
 */
function listKey(values: unknown[], ids: ReadonlyMap<string, number>): number {
  const n = values.length;
  const base = ids.size + 1;
  if (n > 16) {
    const seen = new Set<unknown>();
    for (const v of values) {
      if (typeof v !== 'string' || !ids.has(v) || seen.has(v)) return -1;
      seen.add(v);
    }
    return -2;
  }
  let key = n > 4 || base > 9001 ? -2 : 0;
  for (let j = 0; j < n; j++) {
    const v = values[j];
    const k = typeof v === 'string' ? ids.get(v) : undefined;
    if (k === undefined) return -1;
    for (let i = 0; i < j; i++) if (values[i] === v) return -1;
    if (key >= 0) key = key * base + k;
  }
  return key;
}

/** What the study checks carry from one slice of studies to the next. */
interface StudyState {
  out: EgmStudy[];
  /** Study id → index of its first use, for duplicates. */
  ids: Map<string, number>;
}

/** The result of `validateMap`: the map, or every problem found. */
export type ValidationResult =
  | { ok: true; map: EgmMap; issues: [] }
  | { ok: false; map?: undefined; issues: EgmIssue[] };

/** Options of `validateMap` and `validateMapAsync`. */
export interface ValidateOptions {
  /**
   * The input is the caller's to give away (a map just parsed from a file, held by nothing
   * else): the result then keeps its valid studies, their codes and author lists as they are
   * instead of copying them, and may change them in place (a trimmed url, a study's missing
   * `codes` set to `{}`, duplicate codes dropped, code lists frozen and an equal list put in
   * place of a later one: see `validateMap`). The result is the same; at 100,000 studies it
   * saves about a million short-lived objects and the garbage collection they cost. Off by
   * default: the result is then a copy, and the input is never changed.
   */
  adopt?: boolean;
}

/**
 * Checks a whole map (schema + studies) and returns a normalised copy, or every problem.
 * Never throws. The result's code lists (each study's `codes` values) are frozen, and equal
 * lists of a dimension are one array: a map holds few distinct lists, so this keeps a large
 * map's heap down by about a third. Copy a list before changing it.
 */
export function validateMap(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Checker(options.adopt);
  try {
    const map = check(c, input);
    if (c.issues.length === 0 && map) return { ok: true, map, issues: [] };
  } catch (error) {
    // A bug of ours or an exotic object (a throwing getter, a revoked proxy): never a bare error.
    c.add('', `the map could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ok: false, issues: c.issues };
}

/**
 * Checks a map and returns a normalised, typed copy.
 * @throws {EgmValidationError} listing every problem, each with its JSON path.
 */
export function parseMap(input: unknown): EgmMap {
  const result = validateMap(input);
  if (!result.ok) throw new EgmValidationError(result.issues);
  return result.map;
}

/** Splits a map into what the elements take: `.schema` and `.studies`. */
export function splitMap(map: EgmMap): { schema: EgmSchema; studies: EgmStudy[] } {
  const { studies, ...schema } = map;
  return { schema, studies };
}

/**
 * The checks, as steps: after each slice of `slice` studies it yields the fraction of studies
 * done, so `validateMapAsync` can hand the thread back between slices. `check` runs it through.
 */
function* checkSteps(c: Checker, input: unknown, slice: number): Generator<number, EgmMap | undefined> {
  if (!isObject(input)) {
    c.add('', `a map file must be a JSON object, but this is ${describe(input)}`);
    return undefined;
  }
  const format = own(input, 'format');
  if (format === undefined) c.add('format', `is required: add "format": "${EGM_FORMAT}"`);
  else if (format !== EGM_FORMAT) {
    c.add('format', `this library reads "${EGM_FORMAT}" maps, but this file says ${describe(format)}${typeof format === 'string' && !format.startsWith('egm/') ? ' (exports from other tools go through an importer)' : ''}`);
  }
  const title = c.string(input, 'title', '', { required: true, nonEmpty: true });
  for (const key of ['id', 'description', 'aboutHtml', 'version', 'searchDate', 'citation', 'license']) c.string(input, key, '');
  const rawLinks = c.list(input, 'links', '', false);
  const links = rawLinks ? c.links(rawLinks) : undefined;

  const dims = new Map<string, DimInfo>();
  const rawDims = c.list(input, 'dimensions', '', true);
  const dimensions = rawDims ? c.dimensions(rawDims, dims) : [];
  if (rawDims && rawDims.length === 1) c.add('dimensions', 'a map needs at least two dimensions: one for rows and one for columns');

  const rawLayout = c.object(input, 'layout', '', true);
  const layout = rawLayout ? c.layout(rawLayout, dims) : undefined;

  const rawStudies = c.list(input, 'studies', '', true);
  const state: StudyState = { out: [], ids: new Map() };
  if (rawStudies) {
    for (let from = 0; from < rawStudies.length; from += slice) {
      const to = Math.min(rawStudies.length, from + slice);
      c.studies(rawStudies, dims, state, from, to);
      if (to < rawStudies.length) yield to / rawStudies.length;
    }
  }

  if (c.issues.length > 0 || title === undefined || !layout) return undefined;
  const map: EgmMap = { ...input, format: EGM_FORMAT, title, dimensions, layout, studies: state.out };
  if (links) map.links = links;
  return map;
}

function check(c: Checker, input: unknown): EgmMap | undefined {
  const steps = checkSteps(c, input, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Studies checked between two looks at the clock. */
const STUDY_SLICE = 250;

/**
 * `validateMap` in slices that hand the thread back to the browser (about every 6 ms), so a
 * page stays responsive while a very large map is checked. The same result, the same issues.
 */
export async function validateMapAsync(input: unknown, options: AsyncOptions & ValidateOptions = {}): Promise<ValidationResult> {
  const c = new Checker(options.adopt);
  const clock = new YieldClock(options.signal);
  try {
    const steps = checkSteps(c, input, STUDY_SLICE);
    let step = steps.next();
    while (!step.done) {
      options.onProgress?.(step.value);
      await clock.maybeYield();
      step = steps.next();
    }
    options.onProgress?.(1);
    if (c.issues.length === 0 && step.value) return { ok: true, map: step.value, issues: [] };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    c.add('', `the map could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ok: false, issues: c.issues };
}
