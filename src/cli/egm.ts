/**
 * `egm`: the command line for map authors. Node only (never in the embed bundle).
 *
 *   egm validate map.egm.json
 *   egm convert --from eppi-reviewer export.json --rows "Intervention" --columns "Outcome" -o map.egm.json
 *   egm convert --from egm map.egm.json --html map.html     (a standalone page: bundle and map inlined)
 *   egm stats map.egm.json
 *   egm diff old.egm.json new.egm.json
 *
 * Exit codes: 0 ok; 1 the input is invalid (problems listed); 2 usage or unreadable input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diffMaps } from '../core/diff.js';
import { decodeBytes } from '../core/encoding.js';
import { formatIssue, isEgmValidationError } from '../core/errors.js';
import { jsonErrorMessage } from '../core/json-error.js';
import { validateMap } from '../core/parse.js';
import { mapStats } from '../core/stats.js';
import { SYNTHESIS_GAP_MIN } from '../core/synthesis.js';
import type { EgmMap } from '../core/types.js';
import { standalonePage } from './page.js';
import { CONVERSION_FORMAT, convert, decodeText, parseConversionConfig, type ConversionConfig, type SourceFormat } from '../core/import/config.js';

/** Where the CLI writes; replaced in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}
class InputError extends Error {}

const HELP: Record<string, string> = {
  main: `egm: evidence and gap maps from the command line

Usage: egm <command> [options]

Commands:
  validate <map.json>     check an egm/1 map and list every problem
  convert <input> -o <out.json> [--html <page.html>]
                          make an egm/1 map (and a standalone page) from an EPPI-Reviewer export,
                          an EPPI-Mapper page, a CSV or an egm/1 map
  stats <map.json>        studies, cells, gaps, the largest cells, segment totals and synthesis gaps
  diff <old.json> <new.json>
                          studies added, removed and recoded between two editions

Run "egm <command> --help" for a command's options.`,
  validate: `Usage: egm validate <map.json>

Checks an egm/1 map file and lists every problem with its JSON path.
Exit code 0 when the map is valid, 1 when it is not, 2 when the file cannot be read.`,
  convert: `Usage: egm convert [--from eppi-reviewer|eppi-mapper|csv|egm] <input> -o <out.egm.json> [options]

Options:
  --from <format>        eppi-reviewer (JSON export), eppi-mapper (HTML page), csv or egm (an egm/1 map);
                         or from the config
  --rows <code>          EPPI-Reviewer: the code (id or name) whose children are the rows
  --columns <code>       … the columns
  --segments <code>      … what colours the bubbles (e.g. a quality appraisal)
  --filters <a,b,…>      … codes offered as filters
  --title <text>         the map's title
  --config <file>        a conversion config (egm-convert/1): codes, labels, colours, order, hidden categories
  --save-config <file>   write the options used as a config, to redo the conversion next time
  -o, --output <file>    where to write the map (default: standard output, unless --html is given)
  --html <file>          also write a standalone page: one HTML file holding the map and the
                         elements, which opens from disk or any static host (no other files)

Warnings (what could not be carried over) go to standard error.`,
  stats: `Usage: egm stats <map.json> [--top N] [--synthesis-gap-min N] [--json]

Prints the number of studies, cells and gaps, the largest cells and per-segment totals. For a map
with layout.reviews, also the synthesis gaps: cells with at least N primary studies (5 by
default) and no review.`,
  diff: `Usage: egm diff <old.json> <new.json> [--json]

Lists the studies added, removed, recoded (codes changed) and edited between two editions.`,
};

function read(file: string, io: Io): Buffer {
  try {
    const data = readFileSync(file);
    if (data.length > 20 * 1024 * 1024) io.err(`reading ${(data.length / 1024 / 1024).toFixed(1)} MB from ${file}…`);
    return data;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `cannot read ${file}: no such file` : code === 'EISDIR' ? `cannot read ${file}: it is a folder` : `cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * A JSON file (UTF-8 or UTF-16), or an error that says where it breaks. `decode` reads the
 * bytes: as a browser fetches a map by default; a conversion config as the workbench reads it.
 */
function readJson(file: string, io: Io, decode: (bytes: Uint8Array) => string = decodeBytes): unknown {
  const text = decode(read(file, io));
  if (text.trim() === '') throw new InputError(`${file} is empty`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // (An EPPI-Mapper page or a standalone map page given where a map goes: say what it is.)
    const markup = text.trimStart().startsWith('<') ? ' (it starts with "<": a web page or XML, not JSON; "egm convert" reads EPPI-Mapper pages)' : '';
    throw new InputError(`${file} is not JSON: ${jsonErrorMessage(text, error)}${markup}`);
  }
}

function readMap(file: string, io: Io): EgmMap {
  const result = validateMap(readJson(file, io));
  if (!result.ok) {
    io.err(`${file}: not a valid egm/1 map (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}):`);
    for (const issue of result.issues) io.err(`  ${formatIssue(issue)}`);
    throw new InvalidInput();
  }
  return result.map;
}

class InvalidInput extends Error {}

function args(argv: string[], options: ParseArgsConfig['options']): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    return { values: values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function validate(argv: string[], io: Io): number {
  const { values, positionals } = args(argv, {});
  if (values.help) return (io.out(HELP.validate), 0);
  if (positionals.length !== 1) throw new UsageError('validate takes one map file');
  const map = readMap(positionals[0], io);
  const s = mapStats(map);
  io.out(`${positionals[0]}: a valid egm/1 map, "${map.title}": ${s.studies} studies, ${s.rows.count} rows × ${s.columns.count} columns`);
  return 0;
}

function convertCommand(argv: string[], io: Io): number {
  const { values, positionals } = args(argv, {
    from: { type: 'string' },
    rows: { type: 'string' },
    columns: { type: 'string' },
    segments: { type: 'string' },
    filters: { type: 'string' },
    title: { type: 'string' },
    config: { type: 'string' },
    'save-config': { type: 'string' },
    output: { type: 'string', short: 'o' },
    html: { type: 'string' },
  });
  if (values.help) return (io.out(HELP.convert), 0);
  if (positionals.length !== 1) throw new UsageError('convert takes one input file');
  const str = (k: string) => values[k] as string | undefined;
  const base: Partial<ConversionConfig> = str('config') ? parseConversionConfig(readJson(str('config')!, io, decodeText)) : {};
  const config: ConversionConfig = { ...base, from: (str('from') ?? base.from) as SourceFormat };
  if (!config.from) throw new UsageError('say what the input is with --from eppi-reviewer|eppi-mapper|csv (or a --config that does)');
  if (str('rows')) config.rows = str('rows');
  if (str('columns')) config.columns = str('columns');
  if (str('segments')) config.segments = str('segments');
  if (str('filters')) config.filters = str('filters')!.split(',').map((s) => s.trim()).filter(Boolean);
  if (str('title')) config.map = { ...config.map, title: str('title') };
  const checked = parseConversionConfig(config);
  // These choose codes of an EPPI-Reviewer export; any other input would ignore them without a word.
  const codes = (['rows', 'columns', 'segments', 'filters'] as const).filter((k) => values[k] !== undefined).map((k) => `--${k}`);
  if (codes.length && checked.from !== 'eppi-reviewer') {
    const own = checked.from === 'csv' ? "a CSV's rows, columns, segments and filters are set by the config's csv.layout (--config)" : `${checked.from === 'egm' ? 'an egm/1 map' : 'an EPPI-Mapper page'} keeps its own`;
    throw new UsageError(`${codes.join(', ')} ${codes.length === 1 ? 'chooses a code' : 'choose codes'} of an EPPI-Reviewer export (--from eppi-reviewer): ${own}`);
  }
  // Read the bundle before converting, so a missing build fails fast and writes nothing.
  const bundle = str('html') ? readBundle() : undefined;
  const input = read(positionals[0], io);
  // Bytes, decoded as the workbench decodes them (UTF-16, UTF-8, else Windows-1252), so its preview and this agree.
  const { map, warnings } = convert(new Uint8Array(input.buffer, input.byteOffset, input.length), checked);
  for (const w of warnings) io.err(`warning: ${w.path ? `${w.path}: ` : ''}${w.message}`);
  const json = `${JSON.stringify(map, null, 2)}\n`;
  if (str('output')) {
    writeFileSync(str('output')!, json);
    io.err(`wrote ${str('output')}: ${map.studies.length} studies${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`);
  } else if (!str('html')) io.out(json.trimEnd());
  if (bundle !== undefined) {
    writeFileSync(str('html')!, standalonePage(map, bundle));
    io.err(`wrote ${str('html')}: a standalone page (open it in a browser, or publish it as it is)`);
  }
  if (str('save-config')) {
    writeFileSync(str('save-config')!, `${JSON.stringify({ format: CONVERSION_FORMAT, ...checked }, null, 2)}\n`);
    io.err(`saved the conversion as ${str('save-config')}: next time run "egm convert --config ${str('save-config')} <new export> -o …"`);
  }
  return 0;
}

/**
 * The one-file embed bundle, found next to the running CLI (dist/cli.js →
 * dist/egm-components.standalone.js), so the page always holds the bundle of the installed
 * version. Not `egm-components.bundle.js`: an inlined script cannot import the chunks beside it.
 */
function readBundle(): string {
  const file = fileURLToPath(new URL('./egm-components.standalone.js', import.meta.url));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`--html needs the embed bundle, which is not at ${file} (in a checkout of egm-components, run "npm run build")`);
  }
}

function stats(argv: string[], io: Io): number {
  const { values, positionals } = args(argv, { top: { type: 'string' }, 'synthesis-gap-min': { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return (io.out(HELP.stats), 0);
  if (positionals.length !== 1) throw new UsageError('stats takes one map file');
  // Digits only: Number() reads "" and " " as 0, and "0x10" or "1e1" as numbers nobody typed.
  const whole = (v: string | boolean | undefined, otherwise: number) => (v === undefined ? otherwise : /^\d+$/.test(String(v)) ? Number(v) : NaN);
  const top = whole(values.top, 5);
  if (!Number.isInteger(top) || top < 0) throw new UsageError('--top takes a whole number');
  const min = whole(values['synthesis-gap-min'], SYNTHESIS_GAP_MIN);
  if (!Number.isInteger(min) || min < 1) throw new UsageError('--synthesis-gap-min takes a whole number of at least 1');
  const s = mapStats(readMap(positionals[0], io), { top, synthesisGapMin: min });
  if (values.json) return (io.out(JSON.stringify(s, null, 2)), 0);
  const lines = [
    `${s.title}`,
    `  studies        ${s.studies}`,
    `  rows           ${s.rows.count} (${s.rows.dimension})`,
    `  columns        ${s.columns.count} (${s.columns.dimension})`,
    `  cells          ${s.cells}, of which ${s.gaps} gaps (${s.cells ? Math.round((100 * s.gaps) / s.cells) : 0}%)`,
    `  outside grid   ${s.outsideGrid} studies with no row or no column code`,
    `  largest cells`,
    ...s.largest.map((c) => `    ${String(c.count).padStart(5)}  ${c.rowLabel} × ${c.columnLabel}`),
  ];
  if (s.segments.length) lines.push('  segments', ...s.segments.map((g) => `    ${String(g.total).padStart(5)}  ${g.label}`));
  const sg = s.synthesisGaps;
  if (sg) {
    lines.push(
      `  synthesis gaps ${sg.cells.length} cell${sg.cells.length === 1 ? '' : 's'} with at least ${sg.min} primary studies and no review`,
      ...sg.cells.map((c) => `    ${String(c.primary).padStart(5)}  ${c.rowLabel} × ${c.columnLabel}`),
    );
  }
  io.out(lines.join('\n'));
  return 0;
}

function diff(argv: string[], io: Io): number {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } });
  if (values.help) return (io.out(HELP.diff), 0);
  if (positionals.length !== 2) throw new UsageError('diff takes two map files: the older and the newer');
  // Both files' problems at once, not the older file's alone.
  const maps = positionals.map((file) => {
    try {
      return readMap(file, io);
    } catch (error) {
      if (error instanceof InvalidInput) return undefined;
      throw error;
    }
  });
  if (!maps[0] || !maps[1]) throw new InvalidInput();
  const d = diffMaps(maps[0], maps[1]);
  if (values.json) return (io.out(JSON.stringify(d, null, 2)), 0);
  const lines = [
    `added    ${d.added.length}${d.added.length ? `: ${d.added.join(', ')}` : ''}`,
    `removed  ${d.removed.length}${d.removed.length ? `: ${d.removed.join(', ')}` : ''}`,
    `recoded  ${d.recoded.length}`,
    ...d.recoded.map((r) => `  ${r.id}: ${r.changes.map((c) => `${c.dimension} ${[...c.added.map((a) => `+${a}`), ...c.removed.map((x) => `-${x}`)].join(' ')}`).join('; ')}`),
    `edited   ${d.edited.length}`,
    ...d.edited.map((e) => `  ${e.id}: ${e.fields.join(', ')}`),
  ];
  io.out(lines.join('\n'));
  return 0;
}

const COMMANDS: Record<string, (argv: string[], io: Io) => number> = { validate, convert: convertCommand, stats, diff };

/**
 * Text for a terminal: the control characters a map's titles, labels and ids may hold (ESC
 * starting an escape sequence, BEL, a carriage return, the C1 controls) written as `\u001b`,
 * so that a map file cannot clear the screen, retitle the window or rewrite a line of the output.
 * Line feeds and tabs stay. (Inside JSON strings, as `egm convert` prints, the escape is JSON's own.)
 */
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Runs the CLI and returns its exit code. */
export function main(argv: string[], terminal: Io = { out: (t) => console.log(t), err: (t) => console.error(t) }): number {
  const io: Io = { out: (t) => terminal.out(printable(t)), err: (t) => terminal.err(printable(t)) };
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main);
    return command ? 0 : 2;
  }
  // Own commands only: "egm constructor" or "egm toString" is an unknown command, not Object's.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`egm: unknown command "${command}"\n\n${HELP.main}`);
    return 2;
  }
  try {
    return run(rest, io);
  } catch (error) {
    if (error instanceof InvalidInput) return 1;
    if (error instanceof UsageError) {
      io.err(`egm ${command}: ${error.message}\n\n${HELP[command]}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`egm ${command}: ${error.message}`);
      return 2;
    }
    if (isEgmValidationError(error)) {
      io.err(`egm ${command}: ${error.message}`);
      return 1;
    }
    io.err(`egm ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
