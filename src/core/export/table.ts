/**
 * Study lists as files people take away: CSV (for spreadsheets) and RIS (for reference
 * managers). Text only; CSV cells that a spreadsheet would run as a formula are neutralised.
 */
import { codesIn } from '../codes.js';
import type { EgmSchema, EgmStudy } from '../types.js';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text gets a leading apostrophe; quotes when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Category labels per dimension id, for readable exports. */
function labeller(schema: EgmSchema): (dimId: string, ids: readonly string[]) => string {
  const labels = new Map<string, Map<string, string>>();
  for (const d of schema.dimensions) {
    const m = new Map<string, string>();
    const walk = (cats: typeof d.categories) => cats.forEach((c) => (m.set(c.id, c.label), c.children && walk(c.children)));
    walk(d.categories);
    labels.set(d.id, m);
  }
  return (dimId, ids) => ids.map((id) => labels.get(dimId)?.get(id) ?? id).join('; ');
}

/**
 * The studies as CSV (RFC 4180, CRLF, with a UTF-8 byte-order mark so spreadsheet programs
 * read accents right): bibliographic fields, then one column per dimension with its labels.
 */
export function studiesToCsv(schema: EgmSchema, studies: readonly EgmStudy[]): string {
  const label = labeller(schema);
  const header = ['id', 'title', 'authors', 'year', 'source', 'doi', 'url', 'abstract', ...schema.dimensions.map((d) => d.label)];
  const rows = studies.map((s) => [
    s.id,
    s.title,
    (s.authors ?? []).join('; '),
    s.year === undefined ? '' : String(s.year),
    s.source ?? '',
    s.doi ?? '',
    s.url ?? '',
    s.abstract ?? '',
    ...schema.dimensions.map((d) => label(d.id, codesIn(s, d.id))),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** RIS tag lines never span lines: fold breaks into spaces. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * The studies as RIS, which EndNote, Zotero and Mendeley import. Map categories go in as
 * keywords ("Outcome: Mental health"), so the map's coding travels with the references.
 */
export function studiesToRis(schema: EgmSchema, studies: readonly EgmStudy[]): string {
  const label = labeller(schema);
  const out: string[] = [];
  const tag = (t: string, v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') out.push(`${t}  - ${oneLine(v)}`);
  };
  for (const s of studies) {
    tag('TY', s.source ? 'JOUR' : 'GEN');
    tag('ID', s.id);
    tag('TI', s.title);
    for (const a of s.authors ?? []) tag('AU', a);
    tag('PY', s.year === undefined ? undefined : String(s.year));
    tag('T2', s.source);
    tag('AB', s.abstract);
    tag('DO', s.doi);
    tag('UR', s.url);
    for (const d of schema.dimensions) {
      for (const id of codesIn(s, d.id)) tag('KW', `${d.label}: ${label(d.id, [id])}`);
    }
    out.push('ER  - ', '');
  }
  return out.join('\r\n');
}
