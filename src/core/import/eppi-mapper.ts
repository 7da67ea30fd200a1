/**
 * `fromEppiMapperHtml`: a published EPPI-Mapper page (one standalone HTML file) as an `egm/1`
 * map, read without a DOM: the map's data sits in inline scripts as JSON literals
 * (eppi-formats.md). Rows and columns keep EPPI-Mapper's header hierarchy and order, segments
 * their legend order and colours, each filter group becomes a filter dimension, and every
 * reference a study.
 */
import { EgmValidationError } from '../errors.js';
import { parseMap } from '../parse.js';
import type { EgmCategory, EgmDimension, EgmLayout, EgmMap, EgmStudy } from '../types.js';
import { EGM_FORMAT } from '../types.js';
import {
  MAX_IMPORT_DEPTH,
  UniqueIds,
  assignCodes,
  cleanMultiline,
  cleanName,
  codesIn,
  coverageWarnings,
  idOf,
  isObject,
  normalizeColor,
  own,
  q,
  referenceCodes,
  referenceToStudy,
  slugify,
  studies,
  text,
  treeIds,
  type EgmImportResult,
  type EgmWarning,
  type Json,
} from './common.js';
import { inlineScripts, readJsonDeclarations } from './json-literal.js';

const CONSTANTS = ['title', 'aboutContent', 'csvData', 'referenceData', 'segmentAttributes', 'filters', 'dataColor'] as const;

const DEFAULT_TITLE = 'Imported EPPI-Mapper map';

/** Which JSON values are the data we look for (a same-named variable in library code is not). */
function acceptConstant(name: string, value: unknown): boolean {
  switch (name) {
    case 'title':
    case 'aboutContent':
    case 'dataColor':
      return typeof value === 'string';
    case 'csvData':
      return isObject(value) && Array.isArray(own(value, 'rows'));
    case 'referenceData':
      return Array.isArray(value);
    case 'segmentAttributes':
    case 'filters':
      return value === null || Array.isArray(value);
    default:
      return false;
  }
}

// ---- header cells ----------------------------------------------------------------------------

/** A header cell of `csvData.rows`, in either template's shape. */
interface Cell {
  id: string;
  title: string;
  description: string;
  span: number;
  path: string;
}

/**
 * Older pages: `{ span, isColumn, id, title, description, setDescription }`. Newer pages:
 * `{ span, isColumn, id, title, parentId }`, with the same cell under `csvData.itemMap[id]`
 * (read as a fallback for anything the row's cell lacks).
 */
function readCell(raw: unknown, path: string, itemMap: Json | undefined, warnings: EgmWarning[]): Cell | undefined {
  if (!isObject(raw)) {
    warnings.push({ path, message: 'a header cell that is not an object was left out' });
    return undefined;
  }
  const id = idOf(own(raw, 'id'));
  if (id === '') {
    warnings.push({ path, message: 'a header cell without an id was left out' });
    return undefined;
  }
  const mapped = itemMap && isObject(own(itemMap, id)) ? (own(itemMap, id) as Json) : undefined;
  const field = (k: string) => (own(raw, k) !== undefined ? own(raw, k) : mapped ? own(mapped, k) : undefined);
  let title = cleanName(field('title'));
  if (title === '') {
    title = `Code ${id}`;
    warnings.push({ path, message: `header ${id} has no title: it is labelled "${title}"` });
  }
  const description = cleanMultiline(field('setDescription')) || cleanMultiline(field('description'));
  return { id, title, description, span: spanOf(raw, mapped), path };
}

/** A cell's `span` when it is a positive whole number, else 1. */
function spanOf(raw: unknown, mapped?: Json): number {
  const span = isObject(raw) && own(raw, 'span') !== undefined ? own(raw, 'span') : mapped ? own(mapped, 'span') : undefined;
  return typeof span === 'number' && Number.isInteger(span) && span >= 1 ? span : 1;
}

/** A header's category, and the bookkeeping to hang children under it. */
interface Node {
  cell: Cell;
  cat: EgmCategory;
  /** False for a duplicate id: it (and what hangs under it) is left out. */
  kept: boolean;
}

function makeNode(cell: Cell, seen: Set<string>, warnings: EgmWarning[]): Node {
  const cat: EgmCategory = { id: cell.id, label: cell.title };
  if (cell.description !== '') cat.description = cell.description;
  const kept = !seen.has(cell.id);
  if (kept) seen.add(cell.id);
  else warnings.push({ path: cell.path, message: `header ${cell.id} (${q(cell.title)}) appears twice on one axis: the second one was left out` });
  return { cell, cat, kept };
}

function hang(parent: Node | undefined, child: Node, top: Node[]): void {
  if (!child.kept) return;
  if (!parent) {
    top.push(child);
    return;
  }
  if (!parent.kept) return;
  (parent.cat.children ??= []).push(child.cat);
}

/** An axis: the chosen code itself (when the page names one) and its category tree. */
interface AxisTree {
  root?: Cell;
  categories: EgmCategory[];
}

/** The first level holds the chosen code itself when it is a single cell above other levels. */
function splitRoot(level0: Node[], levels: number): AxisTree {
  if (level0.length === 1 && levels >= 2) {
    return { root: level0[0].cell, categories: level0[0].cat.children ?? [] };
  }
  return { categories: level0.map((n) => n.cat) };
}

/**
 * Columns: `rows[0 … totalColDepth-1]`, one array per level; level 0 is the column code
 * itself and each level's spans say how many leaf columns a cell covers, which nests it.
 */
function buildColumns(levels: unknown[][], itemMap: Json | undefined, warnings: EgmWarning[]): AxisTree {
  type Placed = { node: Node; start: number; end: number };
  const seen = new Set<string>();
  const top: Node[] = [];
  let parents: Placed[] = [];
  const used = levels.slice(0, MAX_IMPORT_DEPTH + 1);
  if (levels.length > used.length) warnings.push({ path: `csvData.rows[${used.length}]`, message: 'column headers are nested too deeply: the deeper levels were left out' });
  used.forEach((level, li) => {
    const current: Placed[] = [];
    let start = 0;
    let p = 0;
    let overflow = false;
    // One cell above everything (the column code itself) holds every column, whatever its span says.
    const underRoot = li === 1 && parents.length === 1;
    level.forEach((raw, ci) => {
      const cell = readCell(raw, `csvData.rows[${li}][${ci}]`, itemMap, warnings);
      const span = cell?.span ?? spanOf(raw);
      const placed = cell ? { node: makeNode(cell, seen, warnings), start, end: start + span } : undefined;
      start += span;
      if (!placed) return;
      current.push(placed);
      if (li === 0) return hang(undefined, placed.node, top);
      if (!underRoot) {
        // A cell belongs to the group whose leaf columns include its first one.
        while (p < parents.length - 1 && placed.start >= parents[p].end) p++;
        if (parents.length > 0 && placed.start >= parents[p].end) overflow = true;
      }
      hang(parents[underRoot ? 0 : p]?.node, placed.node, top);
    });
    if (overflow) warnings.push({ path: `csvData.rows[${li}]`, message: 'the column header spans of this level run past the level above: the last headers were put under the last group' });
    parents = current;
  });
  return splitRoot(top, used.length);
}

/**
 * Rows: the body rows, by position (eppi-formats.md). Each body row lists the header cells
 * that start on it, outermost first, and its last cell is the leaf row; so a row of k cells
 * covers the innermost k levels. Row spans and `totalRowDepth` are not trusted.
 */
function buildRows(body: unknown[][], firstRow: number, itemMap: Json | undefined, warnings: EgmWarning[]): AxisTree {
  const levels = Math.min(Math.max(0, ...body.map((r) => r.length)), MAX_IMPORT_DEPTH + 1);
  const seen = new Set<string>();
  const top: Node[] = [];
  const open: (Node | undefined)[] = [];
  body.forEach((row, ri) => {
    const path = `csvData.rows[${firstRow + ri}]`;
    if (row.length === 0) {
      warnings.push({ path, message: 'an empty body row was skipped' });
      return;
    }
    const cells = row.length > levels ? row.slice(row.length - levels) : row;
    const startLevel = levels - cells.length;
    if (startLevel > 0 && !open[startLevel - 1]) {
      warnings.push({ path, message: 'this body row starts below a group that no earlier row opened: its headers were put at the top level' });
    }
    cells.forEach((raw, k) => {
      const level = startLevel + k;
      const cell = readCell(raw, `${path}[${row.length - cells.length + k}]`, itemMap, warnings);
      if (!cell) {
        open.length = level;
        return;
      }
      const node = makeNode(cell, seen, warnings);
      hang(level === 0 ? undefined : open[level - 1], node, top);
      open.length = level;
      open[level] = node;
    });
  });
  return splitRoot(top, levels);
}

/** The ids of a tree's leaves (categories without children). */
function leafIds(categories: readonly EgmCategory[], into = new Set<string>()): Set<string> {
  for (const c of categories) {
    if (c.children?.length) leafIds(c.children, into);
    else into.add(c.id);
  }
  return into;
}

// ---- segments and filters --------------------------------------------------------------------

function buildSegments(raw: unknown[], warnings: EgmWarning[]): EgmCategory[] {
  const out: EgmCategory[] = [];
  const seen = new Set<string>();
  raw.forEach((s, i) => {
    const path = `segmentAttributes[${i}]`;
    const attr = isObject(s) ? own(s, 'attribute') : undefined;
    const id = isObject(attr) ? idOf(own(attr, 'AttributeId')) : '';
    if (!isObject(s) || !isObject(attr) || id === '') {
      warnings.push({ path, message: 'a segment without an attribute id was left out' });
      return;
    }
    if (seen.has(id)) {
      warnings.push({ path, message: `segment ${id} is listed twice: the second one was left out` });
      return;
    }
    seen.add(id);
    const label = cleanName(own(attr, 'AttributeName')) || `Code ${id}`;
    const cat: EgmCategory = { id, label };
    const description = cleanMultiline(own(attr, 'AttributeSetDescription')) || cleanMultiline(own(attr, 'AttributeDescription'));
    if (description !== '') cat.description = description;
    const color = normalizeColor(own(s, 'color'));
    if (color) cat.color = color;
    else warnings.push({ path: `${path}.color`, message: `segment ${q(label)} has no usable colour (${JSON.stringify(text(own(s, 'color')))}): it gets one from the default palette` });
    out.push(cat);
  });
  return out;
}

function buildFilterCategories(raw: unknown[], path: string, depth: number, seen: Set<string>, warnings: EgmWarning[]): EgmCategory[] {
  const out: EgmCategory[] = [];
  raw.forEach((f, i) => {
    const p = `${path}[${i}]`;
    const id = isObject(f) ? idOf(own(f, 'id')) : '';
    if (!isObject(f) || id === '') {
      warnings.push({ path: p, message: 'a filter option without an id was left out' });
      return;
    }
    if (seen.has(id)) {
      warnings.push({ path: p, message: `filter option ${id} appears twice in one group: the second one was left out` });
      return;
    }
    seen.add(id);
    const cat: EgmCategory = { id, label: cleanName(own(f, 'label')) || `Code ${id}` };
    const children = own(f, 'children');
    if (Array.isArray(children) && children.length > 0) {
      if (depth + 1 > MAX_IMPORT_DEPTH) warnings.push({ path: p, message: 'filter options are nested too deeply: the deeper ones were left out' });
      else {
        const kids = buildFilterCategories(children, `${p}.children`, depth + 1, seen, warnings);
        if (kids.length > 0) cat.children = kids;
      }
    }
    out.push(cat);
  });
  return out;
}

// ---- the page --------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a `<title>` commonly holds. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The text of the page's first `<title>` element (outside scripts and comments), or "". */
function pageTitle(html: string): string {
  const outside = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(outside);
  return m ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Turns a published EPPI-Mapper page into a map (spec §5). Runs in Node and browsers (no DOM).
 *
 * Warnings say what could not be carried over, and where EPPI-Mapper's own counts differ
 * from this map's (it sums segment counts: a study with no segment code is not drawn, one
 * with several is drawn once per code).
 *
 * @throws {EgmValidationError} when the page holds no `csvData` or `referenceData`.
 */
export function fromEppiMapperHtml(html: string): EgmImportResult {
  if (typeof html !== 'string') throw new EgmValidationError([{ path: '', message: 'an EPPI-Mapper page must be given as HTML text' }], 'EPPI-Mapper page');
  const data = readJsonDeclarations(inlineScripts(html), CONSTANTS, acceptConstant);
  const missing = (['csvData', 'referenceData'] as const).filter((n) => !data.has(n));
  if (missing.length > 0) {
    throw new EgmValidationError(
      missing.map((n) => ({ path: n, message: `the page has no "${n}" constant with a JSON value: is this a map page made by EPPI-Mapper?` })),
      'EPPI-Mapper page',
    );
  }
  const warnings: EgmWarning[] = [];

  // Rows and columns from the header layout.
  const csvData = data.get('csvData') as Json;
  const rows = (own(csvData, 'rows') as unknown[]).map((r): unknown[] => (Array.isArray(r) ? (r as unknown[]) : []));
  const itemMap = isObject(own(csvData, 'itemMap')) ? (own(csvData, 'itemMap') as Json) : undefined;
  let colDepth = own(csvData, 'totalColDepth');
  if (!(typeof colDepth === 'number' && Number.isInteger(colDepth) && colDepth >= 1 && colDepth < rows.length)) {
    // Without a usable depth, the column levels are the leading rows made of column cells only.
    let n = 0;
    while (n < rows.length - 1 && rows[n].length > 0 && rows[n].every((c) => isObject(c) && own(c, 'isColumn') === true)) n++;
    if (n === 0) throw new EgmValidationError([{ path: 'csvData.totalColDepth', message: 'the page does not say how many rows of csvData are column headers' }], 'EPPI-Mapper page');
    warnings.push({ path: 'csvData.totalColDepth', message: `is missing or wrong: the first ${n} rows, made of column headers only, were read as the column levels` });
    colDepth = n;
  }
  const columns = buildColumns(rows.slice(0, colDepth as number), itemMap, warnings);
  const rowTree = buildRows(rows.slice(colDepth as number), colDepth as number, itemMap, warnings);

  const dimIds = new UniqueIds();
  const dimensions: EgmDimension[] = [];
  const addDimension = (label: string, categories: EgmCategory[], description = ''): EgmDimension => {
    const dim: EgmDimension = { id: dimIds.take(slugify(label, 'dimension')), label, categories };
    if (description !== '') dim.description = description;
    dimensions.push(dim);
    return dim;
  };
  const rowDim = addDimension(rowTree.root?.title ?? 'Rows', rowTree.categories, rowTree.root?.description);
  const colDim = addDimension(columns.root?.title ?? 'Columns', columns.categories, columns.root?.description);
  const layout: EgmLayout = { rows: rowDim.id, columns: colDim.id };

  // Filters: one dimension per group, its children as categories.
  const rawFilters = data.get('filters');
  const groups: { label: string; categories: EgmCategory[] }[] = [];
  if (Array.isArray(rawFilters)) {
    rawFilters.forEach((g, i) => {
      const path = `filters[${i}]`;
      if (!isObject(g)) {
        warnings.push({ path, message: 'a filter group that is not an object was left out' });
        return;
      }
      const label = cleanName(own(g, 'label')) || `Filter ${i + 1}`;
      const children = own(g, 'children');
      const categories = Array.isArray(children) ? buildFilterCategories(children, `${path}.children`, 0, new Set(), warnings) : [];
      if (categories.length === 0) warnings.push({ path, message: `the filter group ${q(label)} has no options and was left out` });
      else groups.push({ label, categories });
    });
  }

  // Segments, in legend order with their colours. When a filter group offers exactly the
  // segment codes (a common set-up), it is the same dimension and takes its name.
  const rawSegments = data.get('segmentAttributes');
  const segmentCats = Array.isArray(rawSegments) ? buildSegments(rawSegments, warnings) : [];
  let sharedFilter = -1;
  if (segmentCats.length > 0) {
    const segIds = treeIds(segmentCats);
    const covering = groups.findIndex((g) => [...segIds].every((id) => treeIds(g.categories).has(id)));
    const group = covering >= 0 ? groups[covering] : undefined;
    const flatSame = group && group.categories.every((c) => !c.children) && group.categories.length === segIds.size;
    if (flatSame) sharedFilter = covering;
    layout.segments = addDimension(group?.label ?? 'Segments', segmentCats).id;
  }
  const filterIds = groups.map((g, i) => (i === sharedFilter ? layout.segments! : addDimension(g.label, g.categories).id));
  if (filterIds.length > 0) layout.filters = filterIds;

  // Studies.
  const trees = dimensions.map((d) => ({ id: d.id, ids: treeIds(d.categories) }));
  const studyIds = new UniqueIds();
  const junk = { count: 0 };
  const studyList: EgmStudy[] = [];
  (data.get('referenceData') as unknown[]).forEach((ref, i) => {
    const path = `referenceData[${i}]`;
    if (!isObject(ref)) {
      warnings.push({ path, message: 'this reference is not an object and was left out' });
      return;
    }
    const study = referenceToStudy(ref, i, path, studyIds, warnings);
    assignCodes(study, referenceCodes(ref, junk), trees);
    studyList.push(study);
  });
  if (junk.count > 0) {
    warnings.push({ message: `${junk.count} code ${junk.count === 1 ? 'entry' : 'entries'} without a usable AttributeId (such as "AttributeId": []) ${junk.count === 1 ? 'was' : 'were'} skipped` });
  }
  warnings.push(...coverageWarnings(studyList, { rows: layout.rows, columns: layout.columns }, (id) => dimensions.find((d) => d.id === id)?.label ?? id));

  // Where EPPI-Mapper's counts differ from ours (spec §3 vs its sums of segment counts). It
  // draws a study in the cell of a leaf row and a leaf column it carries, once per segment code.
  const inGrid = studyList.filter((s) => codesIn(s, layout.rows).length > 0 && codesIn(s, layout.columns).length > 0);
  const rowLeaves = leafIds(rowDim.categories);
  const colLeaves = leafIds(colDim.categories);
  const drawn = inGrid.filter((s) => codesIn(s, layout.rows).some((id) => rowLeaves.has(id)) && codesIn(s, layout.columns).some((id) => colLeaves.has(id)));
  const groupOnly = inGrid.length - drawn.length;
  if (groupOnly > 0) {
    warnings.push({ message: `${studies(groupOnly, 'study is', 'studies are')} coded to a row or column group but to none of its leaves: EPPI-Mapper did not draw ${groupOnly === 1 ? 'it' : 'them'}; this map counts ${groupOnly === 1 ? 'it' : 'them'} in the group's cells when the group is collapsed` });
  }
  // The segment warnings count only the studies it drew (not those coded to a group alone).
  if (layout.segments) {
    const seg = layout.segments;
    const none = drawn.filter((s) => codesIn(s, seg).length === 0).length;
    const several = drawn.filter((s) => codesIn(s, seg).length > 1).length;
    if (none > 0) {
      warnings.push({ path: 'segmentAttributes', message: `${studies(none, 'study in the grid has', 'studies in the grid have')} no segment code: EPPI-Mapper did not draw ${none === 1 ? 'it' : 'them'}; this map shows ${none === 1 ? 'it' : 'them'} as Not coded` });
    }
    if (several > 0) {
      warnings.push({ path: 'segmentAttributes', message: `${studies(several, 'study in the grid has', 'studies in the grid have')} several segment codes: EPPI-Mapper drew ${several === 1 ? 'it' : 'them'} once per code (its cell totals add segments up); this map counts each study once per cell` });
    }
  }

  // Constants that older templates lack, and what we did instead.
  const rawTitle = data.get('title');
  let title = typeof rawTitle === 'string' ? rawTitle.trim() : '';
  if (!data.has('title')) {
    title = pageTitle(html);
    warnings.push({ path: 'title', message: `the page has no "title" constant (an older template): ${title ? `the title comes from its <title> element` : `the map is titled "${DEFAULT_TITLE}"`}` });
  }
  if (title === '') title = pageTitle(html) || DEFAULT_TITLE;
  const about = data.get('aboutContent');
  if (!data.has('aboutContent')) warnings.push({ path: 'aboutContent', message: 'the page has no "aboutContent" constant: the map has no about text' });
  if (!data.has('segmentAttributes')) warnings.push({ path: 'segmentAttributes', message: 'the page has no "segmentAttributes" constant: the bubbles are not split into segments' });
  if (!data.has('filters')) warnings.push({ path: 'filters', message: 'the page has no "filters" constant: the map offers no filters' });
  const dataColor = normalizeColor(data.get('dataColor'));
  if (!layout.segments && dataColor) {
    warnings.push({ path: 'dataColor', message: `EPPI-Mapper drew every bubble in ${dataColor}: a map file has no bubble colour, so set the CSS custom property --egm-color-bubble: ${dataColor} on the page to keep it` });
  }

  const map: EgmMap = { format: EGM_FORMAT, title, dimensions, layout, studies: studyList };
  if (typeof about === 'string' && about.trim() !== '') map.aboutHtml = about.trim();
  return { map: parseMap(map), warnings };
}
