/**
 * A conversion config: everything a map author chose when converting an export (which codes
 * are rows, columns, segments and filters; titles and metadata; labels, colours, order and
 * hidden categories), saved so that next month's re-export converts the same way in one step.
 * Used by `egm convert --config` and by the workbench.
 */
import { decodeBytes, sniffEncoding } from '../encoding.js';
import { EgmValidationError } from '../errors.js';
import { jsonErrorMessage } from '../json-error.js';
import { describe, isHexColor, parseMap, pathKey } from '../parse.js';
import type { EgmCategory, EgmIssue, EgmMap } from '../types.js';
import { codesIn, isObject, setOwn, type EgmImportResult, type EgmWarning } from './common.js';
import { decodeWindows1252, fromCsv, type CsvMapping } from './csv.js';
import { fromEppiMapperHtml } from './eppi-mapper.js';
import { fromEppiReviewer, type EppiCodeRef } from './eppi-reviewer.js';

export const CONVERSION_FORMAT = 'egm-convert/1' as const;

export type SourceFormat = 'eppi-reviewer' | 'eppi-mapper' | 'csv' | 'egm';

/** The map fields a config may set: metadata only, never the dimensions, layout or studies. */
const MAP_FIELDS = ['id', 'title', 'description', 'aboutHtml', 'links', 'version', 'searchDate', 'citation', 'license'] as const;

export interface ConversionConfig {
  format?: typeof CONVERSION_FORMAT;
  from: SourceFormat;
  /** eppi-reviewer: the codes (by id or name) for each part of the map. */
  rows?: EppiCodeRef;
  columns?: EppiCodeRef;
  segments?: EppiCodeRef;
  filters?: EppiCodeRef[];
  /** csv: how columns map onto the map. */
  csv?: CsvMapping;
  /** Map metadata to set: id, title, description, aboutHtml, links, version, searchDate, citation and license only. */
  map?: Partial<Pick<EgmMap, (typeof MAP_FIELDS)[number]>>;
  /** New labels: `"dimensionId"` or `"dimensionId/categoryId"` → label. */
  labels?: Record<string, string>;
  /** Colours: `"dimensionId/categoryId"` → hex colour. */
  colors?: Record<string, string>;
  /** Categories to leave out (with their descendants and the codes that point at them): `"dimensionId/categoryId"`. */
  hidden?: string[];
  /** Category order per dimension: ids listed first, in this order, among their siblings. */
  order?: Record<string, string[]>;
}

const SOURCES: readonly SourceFormat[] = ['eppi-reviewer', 'eppi-mapper', 'csv', 'egm'];

/** Checks the shape of a config read from a file. */
export function parseConversionConfig(input: unknown): ConversionConfig {
  const issues: { path: string; message: string }[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EgmValidationError([{ path: '', message: 'a conversion config is a JSON object' }], 'conversion config');
  }
  const c = input as Record<string, unknown>;
  if (c.format !== undefined && c.format !== CONVERSION_FORMAT) issues.push({ path: 'format', message: `must be "${CONVERSION_FORMAT}"` });
  if (!SOURCES.includes(c.from as SourceFormat)) issues.push({ path: 'from', message: `must be one of ${SOURCES.map((s) => `"${s}"`).join(', ')}` });
  if (c.from === 'eppi-reviewer' && (c.rows === undefined || c.columns === undefined)) issues.push({ path: 'rows', message: 'an EPPI-Reviewer conversion needs "rows" and "columns" (code ids or names)' });
  if (c.filters !== undefined && !Array.isArray(c.filters)) issues.push({ path: 'filters', message: `must be a list of codes (ids or names), but is ${describe(c.filters)}` });
  if (c.from === 'csv' && c.csv === undefined) issues.push({ path: 'csv', message: 'a CSV conversion needs a "csv" mapping' });
  else if (c.csv !== undefined) csvIssues(c.csv, issues);
  for (const key of ['labels', 'colors', 'order', 'map'] as const) {
    if (c[key] !== undefined && (typeof c[key] !== 'object' || c[key] === null || Array.isArray(c[key]))) issues.push({ path: key, message: 'must be an object' });
  }
  if (c.hidden !== undefined && !(Array.isArray(c.hidden) && c.hidden.every((h) => typeof h === 'string'))) issues.push({ path: 'hidden', message: 'must be a list of "dimensionId/categoryId" strings' });
  // The values too, so that a problem names what the config says rather than the map it makes.
  const entries = (key: 'labels' | 'colors' | 'order' | 'map') => (isObject(c[key]) ? Object.entries(c[key]) : []);
  for (const [key, label] of entries('labels')) {
    if (typeof label !== 'string') issues.push({ path: pathKey('labels', key), message: `must be text, but is ${describe(label)}` });
    else if (label.trim() === '') issues.push({ path: pathKey('labels', key), message: 'must not be empty' });
  }
  for (const [key, color] of entries('colors')) {
    if (!(typeof color === 'string' && isHexColor(color))) issues.push({ path: pathKey('colors', key), message: `must be a hex colour such as "#1b7837", but is ${describe(color)}` });
  }
  for (const [dimId, ids] of entries('order')) {
    if (!(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) issues.push({ path: pathKey('order', dimId), message: `must be a list of category ids, but is ${describe(ids)}` });
  }
  for (const [key, value] of entries('map')) {
    if (!(MAP_FIELDS as readonly string[]).includes(key)) issues.push({ path: pathKey('map', key), message: `a config sets the map's metadata only: ${MAP_FIELDS.join(', ')}` });
    else if (key === 'links') linkIssues(value, issues);
    else if (typeof value !== 'string') issues.push({ path: pathKey('map', key), message: `must be text, but is ${describe(value)}` });
  }
  if (issues.length) throw new EgmValidationError(issues, 'conversion config');
  return c as unknown as ConversionConfig;
}

/** `map.links` of a config: a list of `{ label, url }` with text in both (parseMap checks the rest). */
function linkIssues(links: unknown, issues: EgmIssue[]): void {
  if (!Array.isArray(links)) {
    issues.push({ path: 'map.links', message: `must be a list of links: [{ "label": "…", "url": "https://…" }], but is ${describe(links)}` });
    return;
  }
  links.forEach((link, i) => {
    const path = `map.links[${i}]`;
    if (!isObject(link)) issues.push({ path, message: `must be a link: { "label": "…", "url": "https://…" }, but is ${describe(link)}` });
    else {
      for (const key of ['label', 'url'] as const) {
        const value = link[key];
        if (typeof value !== 'string') issues.push({ path: `${path}.${key}`, message: value === undefined ? 'is required (text)' : `must be text, but is ${describe(value)}` });
      }
    }
  });
}

/** The outline of a config's CSV mapping: the lists and objects the workbench walks (fromCsv checks what they hold). */
function csvIssues(csv: unknown, issues: EgmIssue[]): void {
  if (!isObject(csv)) {
    issues.push({ path: 'csv', message: `must be a CSV mapping: { "title", "dimensions", "layout" }, but is ${describe(csv)}` });
    return;
  }
  const { dimensions, layout } = csv;
  if (dimensions !== undefined && !Array.isArray(dimensions)) issues.push({ path: 'csv.dimensions', message: `must be a list of { "column" }, but is ${describe(dimensions)}` });
  if (Array.isArray(dimensions)) {
    dimensions.forEach((d, i) => {
      if (!isObject(d)) issues.push({ path: `csv.dimensions[${i}]`, message: `must be a dimension: { "column" }, but is ${describe(d)}` });
    });
  }
  if (layout !== undefined && !isObject(layout)) issues.push({ path: 'csv.layout', message: `must be an object: { "rows", "columns" }, but is ${describe(layout)}` });
  if (isObject(layout) && layout.filters !== undefined && !Array.isArray(layout.filters)) {
    issues.push({ path: 'csv.layout.filters', message: `must be a list of dimension ids, but is ${describe(layout.filters)}` });
  }
}

/**
 * Bytes as text, as the workbench and the CSV importer read them: UTF-16 when `sniffEncoding`
 * says so, UTF-8 when valid (a byte-order mark dropped), else Windows-1252 (what Excel and older
 * Windows tools write), so that "Thérapie" reads as such, not with U+FFFD for its "é".
 */
export function decodeText(bytes: Uint8Array): string {
  if (sniffEncoding(bytes) !== 'utf-8') return decodeBytes(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Converts an input (text, or bytes for CSV) as the config says, then applies its edits. */
export function convert(input: string | Uint8Array, config: ConversionConfig): EgmImportResult {
  const text = () => (typeof input === 'string' ? input : decodeText(input));
  let result: EgmImportResult;
  switch (config.from) {
    case 'eppi-reviewer':
      result = fromEppiReviewer(text(), { rows: config.rows!, columns: config.columns!, segments: config.segments, filters: config.filters, title: config.map?.title });
      break;
    case 'eppi-mapper':
      result = fromEppiMapperHtml(text());
      break;
    case 'csv':
      result = fromCsv(input, config.csv!);
      break;
    case 'egm': {
      const json = text().replace(/^\uFEFF/, '');
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        throw new EgmValidationError([{ path: '', message: `the map is not valid JSON: ${jsonErrorMessage(json, error)}` }]);
      }
      result = { map: parseMap(parsed), warnings: [] };
      break;
    }
  }
  return applyConfig(result, config);
}

/** Applies a config's metadata, labels, colours, order and hidden categories to an imported map. */
export function applyConfig({ map, warnings }: EgmImportResult, config: ConversionConfig): EgmImportResult {
  const out: EgmMap = structuredClone(map);
  const notes: EgmWarning[] = [...warnings];
  // Metadata only: "map": { "studies": [] } must not empty the map.
  const meta = config.map ?? {};
  for (const key of MAP_FIELDS) if (Object.prototype.hasOwnProperty.call(meta, key)) Object.assign(out, { [key]: meta[key] });
  const dims = new Map(out.dimensions.map((d) => [d.id, d]));
  const find = (key: string, what: string): { dim?: (typeof out.dimensions)[number]; cat?: EgmCategory } | undefined => {
    const [dimId, catId] = splitKey(key);
    const dim = dims.get(dimId);
    if (!dim) {
      notes.push({ path: `${what}["${key}"]`, message: `no dimension "${dimId}" in the converted map` });
      return undefined;
    }
    if (catId === undefined) return { dim };
    const cat = findCategory(dim.categories, catId);
    if (!cat) notes.push({ path: `${what}["${key}"]`, message: `no category "${catId}" in dimension "${dimId}"` });
    return cat ? { dim, cat } : undefined;
  };
  for (const [key, label] of Object.entries(config.labels ?? {})) {
    const hit = find(key, 'labels');
    if (hit?.cat) hit.cat.label = label;
    else if (hit?.dim) hit.dim.label = label;
  }
  for (const [key, color] of Object.entries(config.colors ?? {})) {
    const hit = find(key, 'colors');
    if (hit?.cat) hit.cat.color = color;
    else if (hit?.dim) notes.push({ path: `colors["${key}"]`, message: `names a dimension: colours are set on categories ("${key}/categoryId"); it was ignored` });
  }
  for (const [dimId, ids] of Object.entries(config.order ?? {})) {
    const dim = dims.get(dimId);
    if (!dim) notes.push({ path: `order["${dimId}"]`, message: `no dimension "${dimId}" in the converted map` });
    else reorder(dim.categories, ids);
  }
  for (const key of config.hidden ?? []) {
    const hit = find(key, 'hidden');
    if (hit?.dim && !hit.cat) notes.push({ path: `hidden["${key}"]`, message: `names a dimension: only categories are hidden ("${key}/categoryId"); nothing was hidden` });
    if (!hit?.dim || !hit.cat) continue;
    const removed = removeCategory(hit.dim.categories, hit.cat.id);
    let recoded = 0;
    for (const s of out.studies) {
      // Own properties only, read and written: a dimension may be named `constructor`.
      const codes = codesIn(s, hit.dim.id);
      const kept = codes.filter((c) => !removed.has(c));
      if (kept.length !== codes.length) {
        recoded++;
        setOwn(s.codes, hit.dim.id, kept);
      }
    }
    if (recoded) notes.push({ path: `hidden["${key}"]`, message: `${recoded} ${recoded === 1 ? 'study loses' : 'studies lose'} their code "${hit.cat.label}" (hidden)` });
    // Nor may layout.reviews name a hidden category.
    const reviews = out.layout.reviews;
    if (reviews?.dimension === hit.dim.id && reviews.categories.some((c) => removed.has(c))) {
      reviews.categories = reviews.categories.filter((c) => !removed.has(c));
      if (reviews.categories.length === 0) {
        delete out.layout.reviews;
        notes.push({ path: `hidden["${key}"]`, message: 'layout.reviews named only hidden categories: the map marks no reviews any more, so it shows no synthesis gaps' });
      }
    }
  }
  return { map: parseMap(out), warnings: notes };
}

function splitKey(key: string): [string, string | undefined] {
  const i = key.indexOf('/');
  return i < 0 ? [key, undefined] : [key.slice(0, i), key.slice(i + 1)];
}

function findCategory(list: EgmCategory[], id: string): EgmCategory | undefined {
  for (const c of list) {
    if (c.id === id) return c;
    const inner = c.children && findCategory(c.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/** Puts the listed ids first among their siblings, at every level. */
function reorder(list: EgmCategory[], ids: readonly string[]): void {
  const rank = new Map(ids.map((id, i) => [id, i]));
  list.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  for (const c of list) if (c.children) reorder(c.children, ids);
}

/** Removes a category and returns its id with its descendants' ids. */
function removeCategory(list: EgmCategory[], id: string): Set<string> {
  const i = list.findIndex((c) => c.id === id);
  if (i >= 0) {
    const ids = new Set<string>();
    const walk = (c: EgmCategory) => {
      ids.add(c.id);
      c.children?.forEach(walk);
    };
    walk(list[i]);
    list.splice(i, 1);
    return ids;
  }
  for (const c of list) {
    if (!c.children) continue;
    const ids = removeCategory(c.children, id);
    if (ids.size) {
      if (c.children.length === 0) delete c.children;
      return ids;
    }
  }
  return new Set();
}
