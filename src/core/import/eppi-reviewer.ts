/**
 * `fromEppiReviewer`: an EPPI-Reviewer JSON export (`{ CodeSets, References }`, see
 * eppi-formats.md) as an `egm/1` map. The caller names which codes become the rows, the
 * columns, the segments and the filters; each chosen code's children become the dimension's
 * categories, and each reference becomes a study coded with what it carries under them.
 */
import { EgmValidationError } from '../errors.js';
import { jsonErrorMessage } from '../json-error.js';
import { parseMap } from '../parse.js';
import { suggest } from '../suggest.js';
import type { EgmCategory, EgmDimension, EgmIssue, EgmLayout, EgmMap, EgmStudy } from '../types.js';
import { EGM_FORMAT } from '../types.js';
import {
  MAX_IMPORT_DEPTH,
  UniqueIds,
  assignCodes,
  cleanMultiline,
  cleanName,
  coverageWarnings,
  idOf,
  isObject,
  own,
  q,
  referenceCodes,
  referenceToStudy,
  slugify,
  treeIds,
  type EgmImportResult,
  type EgmWarning,
  type Json,
} from './common.js';

/** A code or code set, named by its id (AttributeId / SetId) or by its name. */
export type EppiCodeRef = string | number;

export interface EppiReviewerOptions {
  /** The code (or code set) whose children become the rows. */
  rows: EppiCodeRef;
  /** The code (or code set) whose children become the columns. */
  columns: EppiCodeRef;
  /** The code whose children colour the bubbles' parts (e.g. a quality appraisal). */
  segments?: EppiCodeRef;
  /** Codes offered in the filter bar, one dimension each. */
  filters?: EppiCodeRef[];
  /** The map's title; "Imported from EPPI-Reviewer" by default. */
  title?: string;
}

/** A code or code set of the export, found while indexing `CodeSets`. */
interface CodeEntry {
  kind: 'set' | 'code';
  id: string;
  name: string;
  /** Where it sits, for messages: `Comparison Sets > Field`. */
  where: string;
  /** The JSON path of its node. */
  path: string;
  children: unknown[];
  description: string;
}

/** Walks nested code lists deeper than any real tree, but not unboundedly. */
const MAX_INDEX_DEPTH = 64;

const childList = (node: Json): unknown[] => {
  const attrs = own(node, 'Attributes');
  const list = isObject(attrs) ? own(attrs, 'AttributesList') : undefined;
  return Array.isArray(list) ? list : [];
};

function indexCodes(codeSets: unknown[]): CodeEntry[] {
  const out: CodeEntry[] = [];
  const walk = (list: unknown[], where: string, path: string, depth: number) => {
    if (depth > MAX_INDEX_DEPTH) return;
    list.forEach((node, i) => {
      if (!isObject(node)) return;
      const id = idOf(own(node, 'AttributeId'));
      const name = cleanName(own(node, 'AttributeName'));
      const p = `${path}.Attributes.AttributesList[${i}]`;
      const children = childList(node);
      if (id !== '') {
        out.push({ kind: 'code', id, name, where: where ? `${where} > ${name}` : name, path: p, children, description: cleanMultiline(own(node, 'AttributeSetDescription')) });
      }
      walk(children, where ? `${where} > ${name}` : name, p, depth + 1);
    });
  };
  codeSets.forEach((set, i) => {
    if (!isObject(set)) return;
    const id = idOf(own(set, 'SetId'));
    const name = cleanName(own(set, 'SetName'));
    const path = `CodeSets[${i}]`;
    const children = childList(set);
    if (id !== '') out.push({ kind: 'set', id, name, where: name, path, children, description: cleanMultiline(own(set, 'SetDescription')) });
    walk(children, name, path, 1);
  });
  return out;
}

const describeEntry = (e: CodeEntry) => `${e.id} (${e.kind === 'set' ? 'code set ' : ''}${q(e.where)})`;

/** Finds the code an option names; adds an issue and returns undefined when it cannot. */
function resolve(ref: unknown, path: string, codes: readonly CodeEntry[], issues: EgmIssue[]): CodeEntry | undefined {
  if (typeof ref !== 'string' && typeof ref !== 'number') {
    issues.push({ path, message: 'must name a code by its id or its name' });
    return undefined;
  }
  const key = typeof ref === 'number' ? idOf(ref) : ref.trim();
  if (key === '') {
    issues.push({ path, message: 'must name a code by its id or its name, but is empty' });
    return undefined;
  }
  const byId = codes.filter((c) => c.id === key);
  const matches = byId.length > 0 ? byId : codes.filter((c) => c.name === key);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    const how = byId.length > 0 ? `the id ${key} belongs to` : `the name ${q(key)} matches`;
    const fix = byId.length > 0 ? 'name it by its name instead' : 'name the one you mean by its id';
    issues.push({ path, message: `${how} ${matches.length} codes: ${matches.map(describeEntry).join(', ')}; ${fix}` });
    return undefined;
  }
  const hint = typeof ref === 'string' ? suggest(key, new Set(codes.map((c) => c.name))) : undefined;
  issues.push({ path, message: `no code or code set has the ${typeof ref === 'number' || /^\d+$/.test(key) ? 'id' : 'name'} ${q(key)}${hint !== undefined ? ` (did you mean ${q(hint)}?)` : ''}` });
  return undefined;
}

/** The categories under a chosen code: ids as strings, names trimmed, guidance as description. */
function buildCategories(list: unknown[], path: string, depth: number, seen: Set<string>, warnings: EgmWarning[]): EgmCategory[] {
  const out: EgmCategory[] = [];
  list.forEach((node, i) => {
    const p = `${path}.Attributes.AttributesList[${i}]`;
    if (!isObject(node)) return;
    const id = idOf(own(node, 'AttributeId'));
    if (id === '') {
      warnings.push({ path: p, message: 'a code without an AttributeId was left out (with its children)' });
      return;
    }
    if (seen.has(id)) {
      warnings.push({ path: p, message: `code ${id} appears twice in this tree: the second one was left out` });
      return;
    }
    seen.add(id);
    let label = cleanName(own(node, 'AttributeName'));
    if (label === '') {
      label = `Code ${id}`;
      warnings.push({ path: p, message: `code ${id} has no name: it is labelled "${label}"` });
    }
    const cat: EgmCategory = { id, label };
    const description = cleanMultiline(own(node, 'AttributeSetDescription'));
    if (description !== '') cat.description = description;
    const children = childList(node);
    if (children.length > 0) {
      if (depth + 1 > MAX_IMPORT_DEPTH) {
        warnings.push({ path: p, message: `codes below ${q(label)} are nested too deeply and were left out` });
      } else {
        const kids = buildCategories(children, p, depth + 1, seen, warnings);
        if (kids.length > 0) cat.children = kids;
      }
    }
    out.push(cat);
  });
  return out;
}

/**
 * Turns an EPPI-Reviewer JSON export into a map (spec §5).
 *
 * `json` is the parsed export (or its text). Each option names a code or code set by its id
 * (`9587057` or `"9587057"`) or by its trimmed, case-sensitive name.
 *
 * @throws {EgmValidationError} when the export is not one, or an option names no code, names
 *   several (listing their ids), or names a code without children.
 */
export function fromEppiReviewer(json: unknown, options: EppiReviewerOptions): EgmImportResult {
  let input = json;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    try {
      input = JSON.parse(text) as unknown;
    } catch (error) {
      throw new EgmValidationError([{ path: '', message: `the export is not valid JSON: ${jsonErrorMessage(text, error)}` }], 'EPPI-Reviewer export');
    }
  }
  if (!isObject(input) || !Array.isArray(own(input, 'CodeSets'))) {
    throw new EgmValidationError([{ path: 'CodeSets', message: 'an EPPI-Reviewer export is a JSON object with a "CodeSets" list (and "References")' }], 'EPPI-Reviewer export');
  }
  const warnings: EgmWarning[] = [];
  const codes = indexCodes(own(input, 'CodeSets') as unknown[]);

  // Resolve every option first, so that one error lists every problem.
  const issues: EgmIssue[] = [];
  const opts: unknown = options;
  if (!isObject(opts)) throw new EgmValidationError([{ path: 'options', message: 'name the rows and the columns: { rows, columns }' }], 'EPPI-Reviewer import');
  const rawFilters = own(opts, 'filters');
  if (rawFilters !== undefined && !Array.isArray(rawFilters)) issues.push({ path: 'options.filters', message: 'must be a list of codes' });
  const roles: { role: 'rows' | 'columns' | 'segments' | 'filters'; path: string; ref: unknown }[] = [
    { role: 'rows', path: 'options.rows', ref: own(opts, 'rows') },
    { role: 'columns', path: 'options.columns', ref: own(opts, 'columns') },
  ];
  if (own(opts, 'segments') !== undefined) roles.push({ role: 'segments', path: 'options.segments', ref: own(opts, 'segments') });
  if (Array.isArray(rawFilters)) rawFilters.forEach((ref, i) => roles.push({ role: 'filters', path: `options.filters[${i}]`, ref }));
  const resolved = roles.map((r) => ({ ...r, entry: resolve(r.ref, r.path, codes, issues) }));

  const byRole = (role: string) => resolved.find((r) => r.role === role)?.entry;
  const rows = byRole('rows');
  const columns = byRole('columns');
  const segments = byRole('segments');
  if (rows && columns && rows === columns) issues.push({ path: 'options.columns', message: `rows and columns name the same code (${describeEntry(rows)})` });
  if (segments && (segments === rows || segments === columns)) issues.push({ path: 'options.segments', message: `segments must differ from the rows and the columns (${describeEntry(segments)})` });

  // One dimension per chosen code (a code chosen twice, e.g. as rows and a filter, is one dimension).
  const dimensions: EgmDimension[] = [];
  const dimIds = new UniqueIds();
  const dimOf = new Map<CodeEntry, EgmDimension>();
  for (const r of resolved) {
    if (!r.entry || dimOf.has(r.entry)) continue;
    const e = r.entry;
    const categories = buildCategories(e.children, e.path, 0, new Set(), warnings);
    if (categories.length === 0) {
      issues.push({ path: r.path, message: `${describeEntry(e)} has no child codes to become the categories of ${r.role === 'filters' ? 'a filter' : `the ${r.role}`}` });
      continue;
    }
    const label = e.name || `Code ${e.id}`;
    const dim: EgmDimension = { id: dimIds.take(slugify(label, 'dimension')), label, categories };
    if (e.description !== '') dim.description = e.description;
    dimOf.set(e, dim);
    dimensions.push(dim);
  }
  if (issues.length > 0) throw new EgmValidationError(issues, 'EPPI-Reviewer import');

  const layout: EgmLayout = { rows: dimOf.get(rows!)!.id, columns: dimOf.get(columns!)!.id };
  if (segments) layout.segments = dimOf.get(segments)!.id;
  const filterIds = [...new Set(resolved.filter((r) => r.role === 'filters').map((r) => dimOf.get(r.entry!)!.id))];
  if (filterIds.length > 0) layout.filters = filterIds;

  // Studies: every reference, coded onto every chosen tree it carries a code of.
  const trees = dimensions.map((d) => ({ id: d.id, ids: treeIds(d.categories) }));
  const rawRefs = own(input, 'References');
  if (rawRefs !== undefined && !Array.isArray(rawRefs)) warnings.push({ path: 'References', message: 'is not a list: the map has no studies' });
  else if (rawRefs === undefined) warnings.push({ path: 'References', message: 'the export has no References: the map has no studies' });
  const refs = Array.isArray(rawRefs) ? rawRefs : [];
  const studyIds = new UniqueIds();
  const junk = { count: 0 };
  const studyList: EgmStudy[] = [];
  refs.forEach((ref, i) => {
    const path = `References[${i}]`;
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
  const labels = new Map(dimensions.map((d) => [d.id, d.label]));
  warnings.push(...coverageWarnings(studyList, layout, (id) => labels.get(id) ?? id));

  const title = typeof options.title === 'string' && options.title.trim() !== '' ? options.title.trim() : 'Imported from EPPI-Reviewer';
  const map: EgmMap = { format: EGM_FORMAT, title, dimensions, layout, studies: studyList };
  // Our own output goes through the same door as every map: a bug here fails loudly.
  return { map: parseMap(map), warnings };
}
