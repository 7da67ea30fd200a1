/**
 * `fromCsv`: a spreadsheet of studies (one row per study) as an `egm/1` map. A mapping names
 * which columns hold the title, authors, year… and which become dimensions; multi-valued
 * cells are split by a separator. Parsing (quotes, embedded line breaks, CRLF) is Papa Parse's.
 */
import Papa from 'papaparse';
import { sniffEncoding } from '../encoding.js';
import { EgmValidationError } from '../errors.js';
import { describe, isHexColor, isHttpUrl, parseMap } from '../parse.js';
import { suggest } from '../suggest.js';
import type { EgmCategory, EgmDimension, EgmIssue, EgmLayout, EgmMap, EgmStudy } from '../types.js';
import { EGM_FORMAT } from '../types.js';
import {
  MAX_IMPORT_DEPTH,
  UniqueIds,
  cleanMultiline,
  cleanTitle,
  coverageWarnings,
  isObject,
  own,
  parseYear,
  q,
  setOwn,
  slugify,
  splitList,
  text,
  type EgmImportResult,
  type EgmWarning,
} from './common.js';

/** A category given by the caller (e.g. read from a second, category file). */
export interface CsvCategory {
  id: string;
  label: string;
  description?: string;
  color?: string;
  children?: CsvCategory[];
}

/** One column that becomes a dimension. */
export interface CsvDimensionMapping {
  /** The header of the column. */
  column: string;
  /** The dimension's id; a slug of the label by default. */
  id?: string;
  /** The dimension's label; the column header by default. */
  label?: string;
  /** What separates several values in one cell; ";" by default. */
  separator?: string;
  /**
   * The dimension's categories, when they are known beforehand; cells then name categories by
   * id or by label. Without them, each distinct value becomes a category, in first-seen order.
   */
  categories?: CsvCategory[];
}

/** Which columns hold what. Columns are named by their header text (trimmed, case-sensitive). */
export interface CsvMapping {
  /** Study ids; the spreadsheet row number ("2" for the first row under the header) by default. */
  id?: string;
  title: string;
  authors?: string;
  /** What separates authors in one cell; ";" by default. */
  authorSeparator?: string;
  year?: string;
  abstract?: string;
  url?: string;
  doi?: string;
  source?: string;
  dimensions: CsvDimensionMapping[];
  /** Dimension ids for the default view. */
  layout: { rows: string; columns: string; segments?: string; filters?: string[] };
  /** Decode bytes with this encoding (a WHATWG label such as "windows-1252") instead of detecting it. */
  encoding?: string;
  /** The field delimiter; "," by default. */
  delimiter?: string;
  /** The map's title; "Imported from CSV" by default. */
  mapTitle?: string;
}

const WHAT = 'CSV import';

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it (what browsers do), for bytes
 * 0x80–0x9F; every other byte is its own code point. Decoded here rather than with
 * `TextDecoder('windows-1252')`, which Node 20.18.3+ and 22.13+ get wrong for exactly these
 * bytes (they decode them as Latin-1 C1 controls: nodejs/node#56542, #60888).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** Text from bytes: UTF-16 when `sniffEncoding` says so, UTF-8 (with or without a BOM) when valid, else Windows-1252, unless forced. */
function decode(input: Uint8Array, encoding: string | undefined, warnings: EgmWarning[]): string {
  if (encoding !== undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      throw new EgmValidationError([{ path: 'mapping.encoding', message: `unknown encoding ${q(encoding)} (try "utf-8" or "windows-1252")` }], WHAT);
    }
    // "latin1", "iso-8859-1", "ascii", "cp1252"… are all windows-1252 to the Encoding Standard.
    return decoder.encoding === 'windows-1252' ? decodeWindows1252(input) : decoder.decode(input);
  }
  // UTF-16 (Excel's "Unicode Text"), by its byte-order mark or the zero bytes of its header.
  const sniffed = sniffEncoding(input);
  if (sniffed !== 'utf-8') return new TextDecoder(sniffed).decode(input);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    warnings.push({ message: 'the file is not valid UTF-8: it was read as Windows-1252 (set mapping.encoding if that is wrong)' });
    return decodeWindows1252(input);
  }
}

/** A category's id or label: text or a number, trimmed and not empty; undefined (with an issue) otherwise. */
function categoryText(value: unknown, path: string, issues: EgmIssue[]): string | undefined {
  const t = text(value);
  if (t !== '') return t;
  issues.push({ path, message: value === undefined ? 'is required' : typeof value === 'string' ? 'must not be empty' : `must be text, but is ${describe(value)}` });
  return undefined;
}

/**
 * Checks caller-given categories before `copyCategories` reads them, as far down as it copies:
 * objects with an id and a label, ids unique across all levels, hex colours, lists of children.
 */
function checkCategories(cats: readonly unknown[], path: string, ids: Set<string>, depth: number, issues: EgmIssue[]): void {
  cats.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(c)) {
      issues.push({ path: p, message: `must be a category: { id, label }, but is ${describe(c)}` });
      return;
    }
    const id = categoryText(own(c, 'id'), `${p}.id`, issues);
    categoryText(own(c, 'label'), `${p}.label`, issues);
    if (id !== undefined) {
      if (ids.has(id)) issues.push({ path: `${p}.id`, message: `the category id ${q(id)} is used twice in this dimension (ids must be unique across all levels)` });
      ids.add(id);
    }
    const description = own(c, 'description');
    if (description !== undefined && typeof description !== 'string') issues.push({ path: `${p}.description`, message: `must be text, but is ${describe(description)}` });
    const color = own(c, 'color');
    if (color !== undefined && !(typeof color === 'string' && isHexColor(color))) {
      issues.push({ path: `${p}.color`, message: `must be a hex colour such as "#1b7837", but is ${describe(color)}` });
    }
    const children = own(c, 'children');
    if (children === undefined) return;
    if (!Array.isArray(children)) issues.push({ path: `${p}.children`, message: `must be a list of categories, but is ${describe(children)}` });
    else if (depth < MAX_IMPORT_DEPTH) checkCategories(children, `${p}.children`, ids, depth + 1, issues);
  });
}

/** A copy of caller-given categories (checked by `checkCategories`) with ids and labels as trimmed text. */
function copyCategories(cats: readonly CsvCategory[], depth: number): EgmCategory[] {
  return cats.map((c) => {
    const cat: EgmCategory = { id: String(c.id).trim(), label: String(c.label).trim() };
    if (c.description !== undefined) cat.description = c.description;
    if (c.color !== undefined) cat.color = c.color;
    if (c.children && c.children.length > 0 && depth < MAX_IMPORT_DEPTH) cat.children = copyCategories(c.children, depth + 1);
    return cat;
  });
}

/** Turns one cell's values into category ids of one dimension. */
interface DimensionBuilder {
  dim: EgmDimension;
  column: number;
  header: string;
  separator: string;
  /** Given categories: id → id, and trimmed label → ids. */
  byId?: Map<string, string>;
  byLabel?: Map<string, string[]>;
  /** Created categories: value → id. */
  created?: Map<string, string>;
  ids?: UniqueIds;
}

function indexGiven(cats: readonly EgmCategory[], byId: Map<string, string>, byLabel: Map<string, string[]>): void {
  for (const c of cats) {
    byId.set(c.id, c.id);
    const list = byLabel.get(c.label);
    if (list) list.push(c.id);
    else byLabel.set(c.label, [c.id]);
    if (c.children) indexGiven(c.children, byId, byLabel);
  }
}

/**
 * Turns CSV text or bytes into a map (spec §5). Blank rows are skipped; a row without a
 * title is kept as "Untitled (row N)", N being its spreadsheet row number.
 *
 * @throws {EgmValidationError} when the mapping is of the wrong shape or names columns or dimensions that do not exist.
 */
export function fromCsv(input: string | Uint8Array, mapping: CsvMapping): EgmImportResult {
  const given: unknown = mapping;
  if (!isObject(given)) throw new EgmValidationError([{ path: 'mapping', message: `must be an object: { title, dimensions, layout }, but is ${describe(given)}` }], WHAT);
  const warnings: EgmWarning[] = [];
  const textInput = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input, mapping.encoding, warnings);

  const parsed = Papa.parse<string[]>(textInput, { delimiter: mapping.delimiter ?? ',', header: false, skipEmptyLines: false });
  for (const e of parsed.errors) {
    warnings.push({ path: e.row !== undefined ? `row ${e.row + 1}` : undefined, message: `the CSV could not be read cleanly here: ${e.message}` });
  }
  const data = parsed.data;
  const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');
  const headerAt = data.findIndex((r) => !blank(r));
  if (headerAt < 0) throw new EgmValidationError([{ path: '', message: 'the CSV has no header row (it is empty)' }], WHAT);
  const header = data[headerAt].map((h) => h.trim());
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') return;
    if (columnOf.has(h)) warnings.push({ path: `row ${headerAt + 1}`, message: `the column ${q(h)} appears twice: the first one is read` });
    else columnOf.set(h, i);
  });

  // Every named column must exist: report all the missing ones at once.
  const issues: EgmIssue[] = [];
  const column = (name: unknown, path: string, required = false): number | undefined => {
    if (name === undefined) {
      if (required) issues.push({ path, message: 'is required: the header of a column' });
      return undefined;
    }
    const key = typeof name === 'string' ? name.trim() : '';
    const at = columnOf.get(key);
    if (at === undefined) {
      const hint = key === '' ? undefined : suggest(key, columnOf.keys());
      issues.push({ path, message: `no column is headed ${q(key)}${hint !== undefined ? ` (did you mean ${q(hint)}?)` : ''}` });
    }
    return at;
  };
  const fields = {
    id: column(mapping.id, 'mapping.id'),
    title: column(mapping.title, 'mapping.title', true),
    authors: column(mapping.authors, 'mapping.authors'),
    year: column(mapping.year, 'mapping.year'),
    abstract: column(mapping.abstract, 'mapping.abstract'),
    url: column(mapping.url, 'mapping.url'),
    doi: column(mapping.doi, 'mapping.doi'),
    source: column(mapping.source, 'mapping.source'),
  };

  // Dimensions: explicit ids first, so that slugs never take them.
  const dimIds = new UniqueIds();
  const dimMappings = Array.isArray(mapping.dimensions) ? mapping.dimensions : [];
  if (!Array.isArray(mapping.dimensions)) issues.push({ path: 'mapping.dimensions', message: 'is required: a list of { column } for the rows, the columns and any other dimension' });
  dimMappings.forEach((dm, i) => {
    if (!isObject(dm)) {
      issues.push({ path: `mapping.dimensions[${i}]`, message: `must be an object: { column }, but is ${describe(dm)}` });
      return;
    }
    if (dm.id === undefined) return;
    const id = String(dm.id).trim();
    if (id === '') issues.push({ path: `mapping.dimensions[${i}].id`, message: 'must not be empty' });
    else if (dimIds.has(id)) issues.push({ path: `mapping.dimensions[${i}].id`, message: `the dimension id ${q(id)} is used twice` });
    else dimIds.reserve(id);
  });
  const builders: DimensionBuilder[] = [];
  dimMappings.forEach((dm, i) => {
    if (!isObject(dm)) return; // reported above
    const at = column(dm.column, `mapping.dimensions[${i}].column`, true);
    const catsPath = `mapping.dimensions[${i}].categories`;
    const before = issues.length;
    if (Array.isArray(dm.categories)) checkCategories(dm.categories, catsPath, new Set(), 0, issues);
    else if (dm.categories !== undefined) issues.push({ path: catsPath, message: `must be a list of categories, but is ${describe(dm.categories)}` });
    if (at === undefined) return;
    const label = (typeof dm.label === 'string' && dm.label.trim()) || header[at];
    const id = dm.id !== undefined ? String(dm.id).trim() : dimIds.take(slugify(label, 'dimension'));
    const b: DimensionBuilder = { dim: { id, label, categories: [] }, column: at, header: header[at], separator: dm.separator || ';' };
    if (Array.isArray(dm.categories)) {
      // Not copied when wrong: the issues are thrown below.
      if (issues.length === before) b.dim.categories = copyCategories(dm.categories, 0);
      b.byId = new Map();
      b.byLabel = new Map();
      indexGiven(b.dim.categories, b.byId, b.byLabel);
    } else {
      b.created = new Map();
      b.ids = new UniqueIds();
    }
    builders.push(b);
  });
  const known = new Set(builders.map((b) => b.dim.id));
  const layoutRef = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string' && known.has(value)) return value;
    const hint = typeof value === 'string' ? suggest(value, known) : undefined;
    issues.push({ path, message: `must be the id of one of the mapped dimensions (${[...known].map((k) => q(k)).join(', ') || 'none'})${hint !== undefined ? `; did you mean ${q(hint)}?` : ''}` });
    return undefined;
  };
  const rawLayout: Partial<CsvMapping['layout']> = mapping.layout ?? {};
  // The checks parseMap makes of a layout, made here so that they name the mapping.
  const rows = layoutRef(rawLayout.rows, 'mapping.layout.rows');
  const columns = layoutRef(rawLayout.columns, 'mapping.layout.columns');
  if (rows !== undefined && rows === columns) issues.push({ path: 'mapping.layout.columns', message: `rows and columns must be different dimensions (both are ${q(rows)})` });
  const layout: EgmLayout = { rows: rows ?? '', columns: columns ?? '' };
  if (rawLayout.segments !== undefined) {
    const segments = layoutRef(rawLayout.segments, 'mapping.layout.segments');
    if (segments !== undefined && (segments === rows || segments === columns)) {
      issues.push({ path: 'mapping.layout.segments', message: `segments must differ from the rows and the columns (it is ${q(segments)})` });
    }
    layout.segments = segments;
  }
  if (rawLayout.filters !== undefined) {
    if (!Array.isArray(rawLayout.filters)) issues.push({ path: 'mapping.layout.filters', message: 'must be a list of dimension ids' });
    else {
      const filters: string[] = [];
      rawLayout.filters.forEach((f, i) => {
        const id = layoutRef(f, `mapping.layout.filters[${i}]`);
        if (id === undefined) return;
        if (filters.includes(id)) issues.push({ path: `mapping.layout.filters[${i}]`, message: `the dimension ${q(id)} is listed twice` });
        else filters.push(id);
      });
      layout.filters = filters;
    }
  }
  if (issues.length > 0) throw new EgmValidationError(issues, WHAT);

  // Studies, one per non-blank row.
  const cell = (row: readonly string[], at: number | undefined) => (at === undefined ? '' : (row[at] ?? ''));
  const studyIds = new UniqueIds();
  const studyList: EgmStudy[] = [];
  for (let r = headerAt + 1; r < data.length; r++) {
    const row = data[r];
    if (blank(row)) continue;
    const n = r + 1; // the spreadsheet's row number: the header is row 1
    const path = `row ${n}`;
    let id = fields.id === undefined ? String(n) : cell(row, fields.id).trim();
    if (id === '') {
      id = studyIds.take(`row-${n}`);
      warnings.push({ path, message: `row ${n} has no id: it was given the id "${id}"` });
    } else if (studyIds.has(id)) {
      const first = id;
      id = studyIds.take(id);
      warnings.push({ path, message: `the id ${q(first)} is used twice: row ${n} was given the id "${id}"` });
    } else studyIds.reserve(id);

    let title = cleanTitle(cell(row, fields.title));
    if (title === '') {
      title = `Untitled (row ${n})`;
      warnings.push({ path, message: `row ${n} has no title: it is listed as "${title}"` });
    }
    const study: EgmStudy = { id, title, codes: {} };
    const authors = splitList(cell(row, fields.authors), mapping.authorSeparator || ';');
    if (authors.length > 0) study.authors = authors;
    const rawYear = cell(row, fields.year).trim();
    const year = parseYear(rawYear);
    if (year !== undefined) study.year = year;
    else if (rawYear !== '') warnings.push({ path, message: `row ${n}: the year ${JSON.stringify(rawYear)} is not a 4-digit year and was left out` });
    const abstract = cleanMultiline(cell(row, fields.abstract));
    if (abstract !== '') study.abstract = abstract;
    const source = cleanTitle(cell(row, fields.source));
    if (source !== '') study.source = source;
    const doi = cell(row, fields.doi).trim();
    if (doi !== '') study.doi = doi;
    const url = cell(row, fields.url).trim();
    if (url !== '') {
      if (isHttpUrl(url)) study.url = url;
      else warnings.push({ path, message: `row ${n}: the link ${JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url)} is not an http(s) address and was dropped` });
    }

    for (const b of builders) {
      const ids: string[] = [];
      for (const value of splitList(cell(row, b.column), b.separator)) {
        let id: string | undefined;
        if (b.created && b.ids) {
          id = b.created.get(value);
          if (id === undefined) {
            id = b.ids.take(slugify(value, 'category'));
            b.created.set(value, id);
            b.dim.categories.push({ id, label: value });
          }
        } else {
          const byLabel = b.byLabel?.get(value);
          id = b.byId?.get(value) ?? (byLabel?.length === 1 ? byLabel[0] : undefined);
          if (id === undefined) {
            warnings.push({
              path,
              message: byLabel && byLabel.length > 1
                ? `row ${n}: ${q(value)} under ${q(b.header)} matches ${byLabel.length} categories (${byLabel.join(', ')}): write its id; it was left out`
                : `row ${n}: ${q(value)} under ${q(b.header)} is not a category of ${q(b.dim.label)} and was left out`,
            });
            continue;
          }
        }
        if (!ids.includes(id)) ids.push(id);
      }
      if (ids.length > 0) setOwn(study.codes, b.dim.id, ids);
    }
    studyList.push(study);
  }

  const dimensions = builders.map((b) => b.dim);
  warnings.push(...coverageWarnings(studyList, layout, (id) => dimensions.find((d) => d.id === id)?.label ?? id));
  const title = typeof mapping.mapTitle === 'string' && mapping.mapTitle.trim() !== '' ? mapping.mapTitle.trim() : 'Imported from CSV';
  const map: EgmMap = { format: EGM_FORMAT, title, dimensions, layout, studies: studyList };
  return { map: parseMap(map), warnings };
}
