/**
 * The map author's workbench, without the DOM: what a dropped file is, the code tree (or CSV
 * columns) to choose from, the author's choices kept as a conversion config (the same
 * `egm-convert/1` object the CLI reads), and the preview conversion. `<egm-workbench>` renders
 * this; everything here runs in Node and is unit-tested there.
 *
 * Choices in, `ConversionConfig` out: every edit is a pure function `(config, …) → config`, and
 * `toConfig` cleans the result for saving. The preview runs `convert`'s own importers and
 * `applyConfig`, so the CLI applying the saved config makes the same map.
 */
import { contrastRatio } from '../color.js';
import Papa from 'papaparse';
import { sniffEncoding } from '../encoding.js';
import { isEgmValidationError } from '../errors.js';
import { jsonErrorMessage } from '../json-error.js';
import { SEGMENT_PALETTE } from '../scale.js';
import type { EgmCategory, EgmIssue, EgmLink, EgmMap } from '../types.js';
import { EGM_FORMAT } from '../types.js';
import { cleanName, idOf, isObject, own, slugify, UniqueIds, type EgmImportResult, type Json } from './common.js';
import { applyConfig, convert, CONVERSION_FORMAT, decodeText, parseConversionConfig, type ConversionConfig, type SourceFormat } from './config.js';
import type { CsvDimensionMapping, CsvMapping } from './csv.js';

// ---- what a file is -------------------------------------------------------------------------

/** A code or code set of an EPPI-Reviewer export, as the workbench's tree shows it. */
export interface CodeNode {
  kind: 'set' | 'code';
  id: string;
  name: string;
  /** What names it in a config: its id, or its name when the id is not unique in the export. */
  ref: string;
  /** Distinct references carrying it or any code below it. */
  studies: number;
  children: CodeNode[];
}

/** A column of a CSV file. */
export interface CsvColumn {
  header: string;
  /** Rows with a value in this column. */
  filled: number;
  /** Distinct values (cells split by ";"). */
  distinct: number;
  /** The first few distinct values, for a hint. */
  samples: string[];
}

/** Why a CSV file cannot be read: `no-rows`, a header row and nothing under it. */
export type CsvProblem = 'no-rows';

/** Why a file is not one the workbench reads. */
export type UnsupportedKind = 'pdf' | 'spreadsheet' | 'word' | 'zip' | 'image' | 'binary' | 'json' | 'html' | 'xml' | 'ris' | 'text';

export type DetectedFile =
  | { kind: 'eppi-reviewer'; text: string; tree: CodeNode[]; references: number }
  | { kind: 'eppi-mapper'; text: string }
  | { kind: 'csv'; bytes: Uint8Array; columns: CsvColumn[]; rows: number; delimiter: string }
  /** An `egm/1` map (`fromPage`: read out of a standalone page made by `egm convert --html`). */
  | { kind: 'egm'; text: string; fromPage: boolean }
  | { kind: 'config'; config: ConversionConfig }
  | { kind: 'empty' }
  /**
   * A file of a format we read, that cannot be read: `detail` says why (for a CSV, a code each
   * language says in its own words), `issues` where.
   */
  | { kind: 'broken'; format: 'json' | 'config'; detail: string; issues?: readonly EgmIssue[] }
  | { kind: 'broken'; format: 'csv'; detail: CsvProblem }
  /** `format`: a JSON file's own `format` field, when it has one. */
  | { kind: 'unsupported'; what: UnsupportedKind; format?: string };

/** The format of a data file the workbench converts (configs are not data). */
export type DataFile = Extract<DetectedFile, { kind: SourceFormat }>;

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Binary formats authors drop by mistake, by their magic numbers. */
function binaryKind(bytes: Uint8Array): UnsupportedKind | undefined {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    // A zip: .xlsx and .docx are zips whose first entry names their folder.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2000));
    if (head.includes('xl/')) return 'spreadsheet';
    if (head.includes('word/')) return 'word';
    return 'zip';
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'spreadsheet'; // old Office (.xls, .doc)
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  return undefined;
}

/** The map JSON of a standalone page made by `egm convert --html` (see src/cli/page.ts). */
const PAGE_DATA = /<script type="application\/json" id="egm-map-data">([^]*?)<\/script>/;

/**
 * What a file is, by its content (never by its name): an EPPI-Reviewer export, an EPPI-Mapper
 * page, a CSV, an `egm/1` map, a conversion config; or empty, broken or unsupported.
 */
export function detectFile(bytes: Uint8Array): DetectedFile {
  if (bytes.length === 0) return { kind: 'empty' };
  // (UTF-16 text has zero bytes, and is not binary.)
  const binary = sniffEncoding(bytes) === 'utf-8' ? binaryKind(bytes) : undefined;
  if (binary) return { kind: 'unsupported', what: binary };
  const text = decodeText(bytes);
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'empty' };

  if (trimmed[0] === '{' || trimmed[0] === '[') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'broken', format: 'json', detail: jsonErrorMessage(text, error) };
    }
    if (!isObject(json)) return { kind: 'unsupported', what: 'json' };
    const format = own(json, 'format');
    if (format === EGM_FORMAT) return { kind: 'egm', text, fromPage: false };
    if (format === CONVERSION_FORMAT || (format === undefined && typeof own(json, 'from') === 'string')) {
      try {
        return { kind: 'config', config: parseConversionConfig(json) };
      } catch (error) {
        if (!isEgmValidationError(error)) throw error;
        return { kind: 'broken', format: 'config', detail: error.message, issues: error.issues };
      }
    }
    if (Array.isArray(own(json, 'CodeSets'))) {
      const tree = codeTree(json);
      const refs = own(json, 'References');
      return { kind: 'eppi-reviewer', text, tree, references: Array.isArray(refs) ? refs.length : 0 };
    }
    return typeof format === 'string' ? { kind: 'unsupported', what: 'json', format } : { kind: 'unsupported', what: 'json' };
  }

  if (trimmed[0] === '<') {
    const page = PAGE_DATA.exec(text);
    if (page) return { kind: 'egm', text: page[1], fromPage: true };
    if (/^<\?xml/i.test(trimmed) && !/<html[\s>]/i.test(trimmed.slice(0, 2000))) return { kind: 'unsupported', what: 'xml' };
    // EPPI-Mapper keeps its data in inline scripts: `csvData` and `referenceData` (eppi-formats.md).
    if (/\bcsvData\b/.test(text) && /\breferenceData\b/.test(text)) return { kind: 'eppi-mapper', text };
    return { kind: 'unsupported', what: /<(!doctype html|html|head|body|script)\b/i.test(trimmed.slice(0, 4000)) ? 'html' : 'xml' };
  }

  if (/^TY {2}- /m.test(text.slice(0, 4000))) return { kind: 'unsupported', what: 'ris' };
  return readCsv(bytes, text);
}

/** The field delimiter of a CSV: whichever of , ; and tab its first line has most of. */
export function guessDelimiter(text: string): string {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const outside = line.replace(/"[^"]*"/g, '');
  const count = (c: string) => outside.split(c).length - 1;
  let best = ',';
  for (const c of [';', '\t']) if (count(c) > count(best)) best = c;
  return best;
}

function readCsv(bytes: Uint8Array, text: string): DetectedFile {
  const delimiter = guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const headers = (header ?? []).map((h) => h.trim());
  if (headers.filter((h) => h !== '').length < 2) return { kind: 'unsupported', what: 'text' };
  if (rows.length === 0) return { kind: 'broken', format: 'csv', detail: 'no-rows' };
  const columns: CsvColumn[] = [];
  headers.forEach((h, i) => {
    if (h === '' || columns.some((c) => c.header === h)) return;
    const values = new Set<string>();
    let filled = 0;
    for (const row of rows) {
      const cell = (row[i] ?? '').trim();
      if (cell === '') continue;
      filled++;
      for (const v of cell.split(';')) if (v.trim() !== '') values.add(v.trim());
    }
    columns.push({ header: h, filled, distinct: values.size, samples: [...values].slice(0, 3) });
  });
  return { kind: 'csv', bytes, columns, rows: rows.length, delimiter };
}

const childList = (node: Json): unknown[] => {
  const attrs = own(node, 'Attributes');
  const list = isObject(attrs) ? own(attrs, 'AttributesList') : undefined;
  return Array.isArray(list) ? list : [];
};

/** Walks nested code lists as deep as the importer does, no deeper. */
const MAX_TREE_DEPTH = 64;

/** The code sets and codes of an EPPI-Reviewer export, with how many references carry each. */
export function codeTree(json: unknown): CodeNode[] {
  if (!isObject(json)) return [];
  const sets = own(json, 'CodeSets');
  if (!Array.isArray(sets)) return [];
  const all: CodeNode[] = [];
  const parents = new Map<CodeNode, CodeNode | undefined>();
  const byId = new Map<string, CodeNode[]>();
  const make = (kind: CodeNode['kind'], id: string, name: string, parent: CodeNode | undefined): CodeNode => {
    const node: CodeNode = { kind, id, name, ref: id, studies: 0, children: [] };
    all.push(node);
    parents.set(node, parent);
    byId.set(id, [...(byId.get(id) ?? []), node]);
    return node;
  };
  const walk = (list: unknown[], parent: CodeNode, depth: number) => {
    if (depth > MAX_TREE_DEPTH) return;
    for (const raw of list) {
      if (!isObject(raw)) continue;
      const id = idOf(own(raw, 'AttributeId'));
      if (id === '') continue;
      const node = make('code', id, cleanName(own(raw, 'AttributeName')) || `Code ${id}`, parent);
      parent.children.push(node);
      walk(childList(raw), node, depth + 1);
    }
  };
  const roots: CodeNode[] = [];
  for (const raw of sets) {
    if (!isObject(raw)) continue;
    const id = idOf(own(raw, 'SetId'));
    if (id === '') continue;
    const node = make('set', id, cleanName(own(raw, 'SetName')) || `Code set ${id}`, undefined);
    roots.push(node);
    walk(childList(raw), node, 1);
  }
  // An id used twice cannot name one code: such codes are named by their name, if it is unique.
  const names = new Map<string, number>();
  for (const n of all) names.set(n.name, (names.get(n.name) ?? 0) + 1);
  for (const n of all) if (byId.get(n.id)!.length > 1 && names.get(n.name) === 1) n.ref = n.name;

  const refs = own(json, 'References');
  for (const ref of Array.isArray(refs) ? refs : []) {
    const codes = isObject(ref) ? own(ref, 'Codes') : undefined;
    if (!Array.isArray(codes)) continue;
    const reached = new Set<CodeNode>();
    for (const c of codes) {
      const id = isObject(c) ? idOf(own(c, 'AttributeId')) : '';
      for (let n: CodeNode | undefined = byId.get(id)?.[0]; n && !reached.has(n); n = parents.get(n)) reached.add(n);
    }
    for (const n of reached) n.studies++;
  }
  return roots;
}

/** True when a config's code reference (an id or a name) names this code. */
export function refersTo(ref: unknown, node: CodeNode): boolean {
  if (typeof ref === 'number') return String(ref) === node.id;
  if (typeof ref !== 'string') return false;
  const key = ref.trim();
  return key === node.ref || key === node.id || key === node.name;
}

/** Folds text for search: lower case, accents stripped. */
export function foldSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The tree as the search shows it: codes whose name matches every word of `query`, with their
 * ancestors (for context) and descendants. All of it when the query is empty.
 */
export function searchTree(tree: readonly CodeNode[], query: string): CodeNode[] {
  const words = foldSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tree];
  const matches = (n: CodeNode) => {
    const name = foldSearch(n.name);
    return words.every((w) => name.includes(w));
  };
  const prune = (list: readonly CodeNode[]): CodeNode[] =>
    list.flatMap((n) => {
      if (matches(n)) return [n];
      const kids = prune(n.children);
      return kids.length > 0 ? [{ ...n, children: kids }] : [];
    });
  return prune(tree);
}

// ---- the choices ----------------------------------------------------------------------------

export type Role = 'rows' | 'columns' | 'segments' | 'filters';
export const ROLES: readonly Role[] = ['rows', 'columns', 'segments', 'filters'];

/** What a CSV column can hold besides a dimension: the study's fields. */
export type CsvField = 'id' | 'title' | 'authors' | 'year' | 'abstract' | 'url' | 'doi' | 'source';
export const CSV_FIELDS: readonly CsvField[] = ['title', 'authors', 'year', 'abstract', 'url', 'doi', 'source', 'id'];
export type CsvRole = CsvField | Role | '';

/** Header names that say what a column holds (compared folded, without spaces and punctuation). */
const FIELD_HEADERS: Record<CsvField, string[]> = {
  id: ['id', 'itemid', 'studyid', 'recordid', 'refid'],
  title: ['title', 'studytitle', 'articletitle'],
  authors: ['author', 'authors'],
  year: ['year', 'publicationyear', 'pubyear'],
  abstract: ['abstract', 'summary'],
  url: ['url', 'link', 'links'],
  doi: ['doi'],
  source: ['source', 'journal', 'parenttitle', 'publication', 'sourcetitle'],
};

const headerKey = (h: string) => foldSearch(h).replace(/[^\p{L}\p{N}]+/gu, '');

/** A fresh config for a file: for a CSV, its study fields guessed from the headers. */
export function initialConfig(file: DataFile): ConversionConfig {
  if (file.kind !== 'csv') return { format: CONVERSION_FORMAT, from: file.kind };
  const csv: CsvMapping = { title: '', dimensions: [], layout: { rows: '', columns: '' } };
  if (file.delimiter !== ',') csv.delimiter = file.delimiter;
  for (const field of CSV_FIELDS) {
    const hit = file.columns.find((c) => FIELD_HEADERS[field].includes(headerKey(c.header)));
    if (hit && !CSV_FIELDS.some((f) => csv[f] === hit.header)) csv[field] = hit.header;
  }
  return { format: CONVERSION_FORMAT, from: 'csv', csv };
}

/** The role a code has in a config, if any (a code both rows and a filter reports "rows"). */
export function roleOf(config: ConversionConfig, node: CodeNode): Role | undefined {
  for (const role of ['rows', 'columns', 'segments'] as const) if (config[role] !== undefined && refersTo(config[role], node)) return role;
  return config.filters?.some((f) => refersTo(f, node)) ? 'filters' : undefined;
}

/**
 * Gives a code a role (or none: `''`), taking it from any other. Rows, columns and segments
 * hold one code each: the code that held the role before loses it. Filters add up.
 */
export function setRole(config: ConversionConfig, node: CodeNode, role: Role | ''): ConversionConfig {
  const out: ConversionConfig = { ...config };
  for (const r of ['rows', 'columns', 'segments'] as const) if (out[r] !== undefined && refersTo(out[r], node)) delete out[r];
  const filters = (out.filters ?? []).filter((f) => !refersTo(f, node));
  if (role === 'filters') filters.push(node.ref);
  else if (role !== '') out[role] = node.ref;
  if (filters.length > 0) out.filters = filters;
  else delete out.filters;
  return out;
}

/** The role of a CSV column: a study field, a layout role, or none. */
export function csvRoleOf(config: ConversionConfig, header: string): CsvRole {
  const csv = config.csv;
  if (!csv) return '';
  for (const f of CSV_FIELDS) if (csv[f] === header) return f;
  const dim = csv.dimensions?.find((d) => d.column === header);
  if (!dim) return '';
  const id = dim.id ?? '';
  const layout = csv.layout ?? { rows: '', columns: '' };
  if (layout.rows === id) return 'rows';
  if (layout.columns === id) return 'columns';
  if (layout.segments === id) return 'segments';
  return layout.filters?.includes(id) ? 'filters' : '';
}

/**
 * Gives a CSV column a role. A study field holds one column; so do rows, columns and segments.
 * A column in a layout role becomes a dimension (its id a slug of its header), which goes when
 * the column has no role any more.
 */
export function setCsvRole(config: ConversionConfig, header: string, role: CsvRole): ConversionConfig {
  const old = config.csv ?? { title: '', dimensions: [], layout: { rows: '', columns: '' } };
  const csv: CsvMapping = { ...old, dimensions: [...(old.dimensions ?? [])], layout: { ...(old.layout ?? { rows: '', columns: '' }) } };
  const layout = csv.layout;
  // Take the column out of whatever it held.
  for (const f of CSV_FIELDS) {
    if (csv[f] !== header) continue;
    if (f === 'title') csv.title = '';
    else delete csv[f];
  }
  const dimAt = csv.dimensions.findIndex((d) => d.column === header);
  const dim = dimAt >= 0 ? csv.dimensions[dimAt] : undefined;
  if (dim) {
    const id = dim.id ?? '';
    if (layout.rows === id) layout.rows = '';
    if (layout.columns === id) layout.columns = '';
    if (layout.segments === id) delete layout.segments;
    if (layout.filters) {
      layout.filters = layout.filters.filter((f) => f !== id);
      if (layout.filters.length === 0) delete layout.filters;
    }
    csv.dimensions.splice(dimAt, 1);
  }
  if ((CSV_FIELDS as readonly string[]).includes(role)) {
    csv[role as CsvField] = header;
  } else if (role !== '') {
    const layoutRole = role as Role;
    // The column that held a single role gives it up (and stops being a dimension).
    const holder = layoutRole === 'filters' ? undefined : layout[layoutRole];
    if (holder) {
      const other = csv.dimensions.find((d) => d.id === holder);
      if (other) return setCsvRole(setCsvRole({ ...config, csv }, other.column, ''), header, role);
    }
    const ids = new UniqueIds();
    for (const d of csv.dimensions) if (d.id) ids.reserve(d.id);
    // The separator typed (even before any column had a role), else the other dimensions'.
    const separator = csvSeparator({ ...config, csv });
    const next: CsvDimensionMapping = { ...(dim ?? { column: header }), id: dim?.id && !ids.has(dim.id) ? dim.id : ids.take(slugify(header, 'dimension')) };
    if (separator !== ';') next.separator = separator;
    csv.dimensions.push(next);
    if (layoutRole === 'filters') layout.filters = [...(layout.filters ?? []), next.id!];
    else layout[layoutRole] = next.id!;
  }
  return { ...config, csv };
}

/**
 * A CSV mapping as the workbench holds it: `separator` is the one the author typed, kept for
 * the dimensions made later (typed before any column has a role, there is no dimension to hold
 * it). `toConfig` leaves it out: the saved config has it on each dimension, as the importer reads it.
 */
type HeldCsvMapping = CsvMapping & { separator?: string };

/** What separates several values in one cell of a CSV dimension (";" by default). */
export function csvSeparator(config: ConversionConfig): string {
  const csv: HeldCsvMapping | undefined = config.csv;
  return csv?.separator ?? csv?.dimensions?.find((d) => d.separator !== undefined)?.separator ?? ';';
}

/** Sets the separator of every CSV dimension, and of those made later (`''`: back to ";"). */
export function setCsvSeparator(config: ConversionConfig, separator: string): ConversionConfig {
  if (!config.csv) return config;
  const plain = separator === '' || separator === ';';
  const dimensions = (config.csv.dimensions ?? []).map((d) => {
    const next = { ...d };
    if (plain) delete next.separator;
    else next.separator = separator;
    return next;
  });
  const csv: HeldCsvMapping = { ...config.csv, dimensions };
  if (plain) delete csv.separator;
  else csv.separator = separator;
  return { ...config, csv };
}

/**
 * The config kept when a CSV file replaces another (the choices apply to the new one): the new
 * file's delimiter, when the config's is the one found in the file replaced. (The same data
 * saved again may use other delimiters; a config that names a delimiter of its own keeps it.)
 */
export function configForNewCsv(config: ConversionConfig, replaced: Extract<DataFile, { kind: 'csv' }>, file: Extract<DataFile, { kind: 'csv' }>): ConversionConfig {
  if (!config.csv) return config;
  const current = config.csv.delimiter ?? ',';
  if (current !== replaced.delimiter || current === file.delimiter) return config;
  const csv = { ...config.csv };
  if (file.delimiter === ',') delete csv.delimiter;
  else csv.delimiter = file.delimiter;
  return { ...config, csv };
}

/** The map fields the workbench edits as text. */
export type MetaField = 'title' | 'description' | 'citation' | 'license' | 'version' | 'searchDate';
export const META_FIELDS: readonly MetaField[] = ['title', 'description', 'citation', 'license', 'version', 'searchDate'];

/** Sets a map field (`''` removes it, so the importer's or the file's own value shows). */
export function setMeta(config: ConversionConfig, field: MetaField, value: string): ConversionConfig {
  const map = { ...config.map };
  if (value.trim() === '') delete map[field];
  else map[field] = value;
  return { ...config, map };
}

/** Replaces the map's links (blank ones are kept while editing; `toConfig` drops them). */
export function setLinks(config: ConversionConfig, links: readonly EgmLink[]): ConversionConfig {
  const map = { ...config.map };
  if (links.length === 0) delete map.links;
  else map.links = links.map((l) => ({ ...l }));
  return { ...config, map };
}

const catKey = (dimId: string, catId: string) => `${dimId}/${catId}`;

/** Shows or hides a category (with its descendants). */
export function setHidden(config: ConversionConfig, dimId: string, catId: string, hidden: boolean): ConversionConfig {
  const key = catKey(dimId, catId);
  const list = (config.hidden ?? []).filter((h) => h !== key);
  if (hidden) list.push(key);
  const out: ConversionConfig = { ...config, hidden: list };
  if (list.length === 0) delete out.hidden;
  return out;
}

/** Sets a category's colour (`undefined`: back to the file's own, or the palette's). */
export function setColor(config: ConversionConfig, dimId: string, catId: string, color: string | undefined): ConversionConfig {
  const colors = { ...config.colors };
  if (color === undefined) delete colors[catKey(dimId, catId)];
  else colors[catKey(dimId, catId)] = color.toLowerCase();
  const out: ConversionConfig = { ...config, colors };
  if (Object.keys(colors).length === 0) delete out.colors;
  return out;
}

/**
 * Moves a category one place up (-1) or down (+1) among its siblings. `categories` is the
 * dimension's tree in its current order; the config's `order` becomes the whole tree's ids in
 * the new order (applyConfig sorts every level by that one list).
 */
export function moveCategory(config: ConversionConfig, dimId: string, categories: readonly EgmCategory[], catId: string, by: -1 | 1): ConversionConfig {
  const move = (list: readonly EgmCategory[]): EgmCategory[] => {
    const at = list.findIndex((c) => c.id === catId);
    const copy = list.map((c) => (c.children ? { ...c, children: move(c.children) } : c));
    const to = at + by;
    if (at >= 0 && to >= 0 && to < copy.length) [copy[at], copy[to]] = [copy[to], copy[at]];
    return copy;
  };
  const ids: string[] = [];
  const walk = (list: readonly EgmCategory[]) => list.forEach((c) => (ids.push(c.id), c.children && walk(c.children)));
  walk(move(categories));
  return { ...config, order: { ...config.order, [dimId]: ids } };
}

/** The parts of a config that change which map the importer makes (not the edits on top). */
function importPart(config: ConversionConfig): ConversionConfig {
  const { from, rows, columns, segments, filters, csv } = config;
  return { from, rows, columns, segments, filters, csv };
}

/** Drops what is empty or blank, and puts `format` first: the config to save. */
export function toConfig(config: ConversionConfig): ConversionConfig {
  const out: ConversionConfig = { ...config, format: CONVERSION_FORMAT };
  const ordered: ConversionConfig = { format: CONVERSION_FORMAT, from: out.from };
  Object.assign(ordered, out);
  if (ordered.map) {
    const map = { ...ordered.map };
    for (const f of META_FIELDS) if (typeof map[f] === 'string' && map[f].trim() === '') delete map[f];
    if (map.links) {
      map.links = map.links.filter((l) => l.label.trim() !== '' || l.url.trim() !== '');
      if (map.links.length === 0) delete map.links;
    }
    if (Object.keys(map).length === 0) delete ordered.map;
    else ordered.map = map;
  }
  if (ordered.csv && Object.prototype.hasOwnProperty.call(ordered.csv, 'separator')) {
    const csv: HeldCsvMapping = { ...ordered.csv };
    delete csv.separator;
    ordered.csv = csv;
  }
  for (const key of ['labels', 'colors', 'order'] as const) if (ordered[key] && Object.keys(ordered[key]).length === 0) delete ordered[key];
  if (ordered.hidden?.length === 0) delete ordered.hidden;
  if (ordered.filters?.length === 0) delete ordered.filters;
  return ordered;
}

// ---- the preview ----------------------------------------------------------------------------

/** What is still to choose before a file can be converted. */
export type Missing = 'rows' | 'columns' | 'title';

export function missingChoices(config: ConversionConfig): Missing[] {
  if (config.from === 'eppi-reviewer') return (['rows', 'columns'] as const).filter((r) => config[r] === undefined || config[r] === '');
  if (config.from === 'csv') {
    const csv = config.csv;
    const out: Missing[] = [];
    if (!csv?.title) out.push('title');
    if (!csv?.layout?.rows) out.push('rows');
    if (!csv?.layout?.columns) out.push('columns');
    return out;
  }
  return [];
}

export type Preview =
  | { status: 'incomplete'; missing: Missing[] }
  /** The import itself failed (`base` is undefined) or the edits made an invalid map. */
  | { status: 'invalid'; stage: 'import' | 'edit'; issues: readonly EgmIssue[]; base?: EgmImportResult }
  | { status: 'ok'; base: EgmImportResult; result: EgmImportResult };

/** The importer's result for a config, before its edits; cached by what changes it. */
export interface BaseCache {
  key?: string;
  file?: DataFile;
  base?: EgmImportResult;
  issues?: readonly EgmIssue[];
}

/** The input `convert` takes for a file: bytes for a CSV (its encoding is detected), else text. */
export function inputOf(file: DataFile): string | Uint8Array {
  return file.kind === 'csv' ? file.bytes : file.text;
}

/** What the importer's result depends on, as a cache key. */
const importKey = (config: ConversionConfig) => JSON.stringify(importPart(toConfig(config)));

/**
 * Converts a file as the config says: the importer (cached while only edits change), then the
 * config's metadata, labels, colours, order and hidden categories. `result` is what
 * `convert(inputOf(file), toConfig(config))` returns: what the CLI makes from the saved config.
 */
export function runPreview(file: DataFile, config: ConversionConfig, cache: BaseCache = {}): Preview {
  const missing = missingChoices(config);
  if (missing.length > 0) return { status: 'incomplete', missing };
  const clean = toConfig(config);
  const key = importKey(clean);
  if (cache.key !== key || cache.file !== file) {
    cache.key = key;
    cache.file = file;
    cache.base = undefined;
    cache.issues = undefined;
    try {
      cache.base = convert(inputOf(file), { ...importPart(clean) });
    } catch (error) {
      if (!isEgmValidationError(error)) throw error;
      cache.issues = error.issues;
    }
  }
  if (!cache.base) return { status: 'invalid', stage: 'import', issues: cache.issues ?? [] };
  try {
    return { status: 'ok', base: cache.base, result: applyConfig(cache.base, clean) };
  } catch (error) {
    if (!isEgmValidationError(error)) throw error;
    return { status: 'invalid', stage: 'edit', issues: error.issues, base: cache.base };
  }
}

/**
 * The size of input (characters of text, or bytes of a CSV) above which converting it takes long
 * enough to be felt: 1 MiB. Importing an EPPI-Reviewer export takes about 20 ms a megabyte in
 * Chromium on the test machine (a 50 MB export of 15,400 references: 0.9–1.0 s), and the preview
 * then checks and draws the map. The workbench says it is making the map, painted, first.
 */
export const LARGE_INPUT = 1 << 20;

/**
 * Whether `runPreview` would run the importer on a large input (`LARGE_INPUT`): the file is new
 * to `cache`, or a choice the importer takes (rows, columns, segments, filters, CSV columns)
 * changed; not when only edits changed, nor while choices are missing.
 */
export function slowPreview(file: DataFile, config: ConversionConfig, cache: BaseCache): boolean {
  if (inputOf(file).length <= LARGE_INPUT || missingChoices(config).length > 0) return false;
  return cache.file !== file || cache.key !== importKey(config);
}

/** The dimensions a map's layout uses, each with its role, in the order rows, columns, segments, filters. */
export function layoutDimensions(map: EgmMap): { role: Role; id: string; label: string; categories: EgmCategory[] }[] {
  const out: { role: Role; id: string; label: string; categories: EgmCategory[] }[] = [];
  const seen = new Set<string>();
  const add = (role: Role, id: string | undefined) => {
    const dim = id === undefined || seen.has(id) ? undefined : map.dimensions.find((d) => d.id === id);
    if (!dim) return;
    seen.add(id!);
    out.push({ role, id: dim.id, label: dim.label, categories: dim.categories });
  };
  add('rows', map.layout.rows);
  add('columns', map.layout.columns);
  add('segments', map.layout.segments);
  for (const f of map.layout.filters ?? []) add('filters', f);
  return out;
}

/**
 * The imported map's categories in the config's order, hidden ones included (the editor lists
 * them, so they can be shown again), with the colours the map will use.
 */
export function orderedBase(base: EgmMap, config: ConversionConfig): EgmMap {
  const { map } = applyConfig({ map: { ...base, studies: [] }, warnings: [] }, { from: config.from, order: config.order, colors: config.colors });
  return map;
}

/** Studies with a code in both the rows' and the columns' dimension: those the grid shows. */
export function studiesInGrid(map: EgmMap): number {
  const has = (codes: Record<string, string[]>, dim: string) => Object.prototype.hasOwnProperty.call(codes, dim) && codes[dim].length > 0;
  return map.studies.filter((s) => has(s.codes, map.layout.rows) && has(s.codes, map.layout.columns)).length;
}

/** The colour a segment category shows: its own, else the palette's for its position. */
export function segmentColorAt(category: EgmCategory, index: number): string {
  return category.color ?? SEGMENT_PALETTE[index % SEGMENT_PALETTE.length];
}

/**
 * The colours of a segment dimension's categories (the top level, in the config's order) as
 * the map will show them, by category id: a category's own colour, else the palette's for its
 * position among the categories the map keeps. Hidden ones are not in the map: they have no
 * colour, and take no place in the palette.
 */
export function segmentSwatches(config: ConversionConfig, dimId: string, categories: readonly EgmCategory[]): Map<string, string> {
  const hidden = new Set(config.hidden ?? []);
  const out = new Map<string, string>();
  for (const c of categories) if (!hidden.has(catKey(dimId, c.id))) out.set(c.id, segmentColorAt(c, out.size));
  return out;
}

// ---- colours --------------------------------------------------------------------------------

/** Below this contrast against the background, a colour is hard to see (WCAG 2 SC 1.4.11). */
export const MIN_GRAPHIC_CONTRAST = 3;

/**
 * The WCAG contrast ratio of two `#rgb`/`#rrggbb` colours (1 to 21), as core's `contrastRatio`;
 * undefined if either is not one (a colour typed into the workbench may be anything).
 */
export function contrastAgainst(color: string, background: string): number | undefined {
  const ratio = contrastRatio(color, background);
  return Number.isNaN(ratio) ? undefined : ratio;
}

// ---- files to save --------------------------------------------------------------------------

/** The map as the CLI writes it (`egm convert -o`). */
export function mapFileText(map: EgmMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}

/** The config as the CLI writes it (`egm convert --save-config`). */
export function configFileText(config: ConversionConfig): string {
  return `${JSON.stringify({ format: CONVERSION_FORMAT, ...toConfig(config) }, null, 2)}\n`;
}

/** A file name stem from the map's title: `retractions-a-map-of-the-literature`. */
export function fileStem(map: EgmMap): string {
  return slugify(map.id ?? map.title, 'map');
}
