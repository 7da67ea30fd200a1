// The benchmark (`npm run bench`; the smoke test in `npm test` is `npm run bench:smoke`).
//
// Generates seeded synthetic maps (scripts/demo-data.ts, so run this with `node --import tsx`),
// writes them to bench-results/ (git-ignored), serves the repository and opens bench/index.html
// in headless Chromium, which drives the built embed bundle (dist/egm-components.bundle.js:
// run `npm run build` first). Prints a table of medians and p90s and writes
// bench-results/bench.json. See docs/performance.md for the method and the latest figures.
//
//   node --import tsx scripts/bench.mjs [--sizes 1000,10000,50000] [--runs 7] [--warmup 2]
//                                       [--seed 1] [--limits | --no-limits] [--loads 10]
//                                       [--out bench-results] [--json bench.json]  (a bare name goes
//                                       into --out; a path with a folder is taken as given)
//
// --loads: how many times the limits load the 100,000-study map, each in a browser of its own
// (a fresh renderer: no warm caches, no garbage of the runs before), to count the loads with no
// long task after the parse.
/* global window -- the functions handed to page.evaluate run in the page */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { syntheticMap } from './demo-data.ts';
import { CHROME, CHROMIUM_ARGS, requireChromium } from './chromium.mjs';
import { ROOT, serve } from './serve.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string' },
    seed: { type: 'string', default: '1' },
    limits: { type: 'boolean' },
    loads: { type: 'string', default: '10' },
    'no-limits': { type: 'boolean' },
    out: { type: 'string', default: 'bench-results' },
    json: { type: 'string', default: 'bench.json' },
  },
});
const sizes = opts.sizes.split(',').map((s) => Number(s.trim()));
const runs = Number(opts.runs);
const warmup = opts.warmup === undefined ? (runs > 1 ? 2 : 1) : Number(opts.warmup);
const seed = Number(opts.seed);
const loads = Number(opts.loads);
// The limits (a 100,000-study load, a 200-column map) run with the full benchmark only.
const limits = opts['no-limits'] ? false : (opts.limits ?? runs > 1);
for (const [name, n, min] of [['--runs', runs, 1], ['--warmup', warmup, 0], ['--seed', seed, 0], ['--loads', loads, 1], ...sizes.map((s) => ['--sizes', s, 1])]) {
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench: ${name} must be a whole number ≥ ${min}`);
    process.exit(2);
  }
}

// The shared flags, plus precise heap figures and gc().
const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];
const BUNDLE = join(ROOT, 'dist/egm-components.bundle.js');
const OUT = join(ROOT, opts.out);
const MAPS = join(OUT, 'maps');
/**
 * Where the JSON goes: a bare file name into `--out`, a path with a folder as given (from the
 * current folder). Its folder is made now, so a bad path fails before the runs, not after.
 */
const JSON_FILE = basename(opts.json) === opts.json ? join(OUT, opts.json) : resolve(opts.json);
try {
  mkdirSync(dirname(JSON_FILE), { recursive: true });
} catch (error) {
  console.error(`bench: cannot write the results to ${opts.json}: ${error.message}`);
  process.exit(1);
}
/** The size of the "very large map" of the limits. */
const LIMIT_SIZE = 100_000;

/** The measurements, in table order. `ms: false` for non-timings. */
const METRICS = [
  ['jsonParse', 'JSON.parse of the map file'],
  ['validateIndex', 'parseMap + createIndex'],
  ['firstRenderVisible', '<egm-map> first render, until the rows on screen are painted'],
  ['firstRender', '<egm-map> first render, until every cell (near the screen) is painted'],
  ['filterChangeVisible', 'filter change, until the cells on screen are updated'],
  ['filterChangePainted', 'filter change, until the frame showing it is painted'],
  ['filterChange', 'filter change, until every cell (near the screen) is updated'],
  ['cellSelect', 'cell selection, until the panel opens with its first cards'],
  ['cellSelectAll', 'cell selection, until the panel has its whole page (≤ 50 cards)'],
  ['cellSelectSwitch', 'cell selection with the panel open, until it shows the new first cards'],
  ['cellSelectSwitchAll', 'cell selection with the panel open, until its whole new page'],
  ['groupCollapseVisible', 'row group collapse, until the rows on screen are updated'],
  ['groupCollapse', 'row group collapse, until every cell (near the screen) is updated'],
  ['baselineFilterChange', 'baseline: filter change (naive recount + full re-render of every cell)'],
  ['baselineCellSelect', 'baseline: cell selection (naive recount + full re-render of every cell)'],
];
const RATIOS = [
  ['filterChangeVisible', 'baselineFilterChange'],
  ['filterChange', 'baselineFilterChange'],
  ['cellSelect', 'baselineCellSelect'],
  ['cellSelectAll', 'baselineCellSelect'],
];
/** The baseline scans every study for every cell: at 50,000 studies a run takes seconds. */
const baselineRuns = (size) => (size > 10_000 ? Math.min(runs, 3) : runs);
const baselineWarmup = (size) => (size > 10_000 ? Math.min(warmup, 1) : warmup);

// ---- statistics and formatting ------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile (with 7 runs the p90 is the slowest run). */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const summary = (xs) => ({ median: round(median(xs), 2), p90: round(percentile(xs, 90), 2), min: round(Math.min(...xs), 2), runs: xs.map((x) => round(x, 2)) });
const mb = (bytes) => round(bytes / 2 ** 20, 1);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

// ---- the machine --------------------------------------------------------------------------

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() has it
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // no coreutils
  }
  return { nproc, cpu, node: process.version, platform: `${process.platform} ${process.arch}` };
}
const load = () => loadavg().map((n) => round(n, 2));

// ---- main ---------------------------------------------------------------------------------

if (!existsSync(BUNDLE)) {
  console.error('bench: dist/egm-components.bundle.js is missing: run `npm run build` first.');
  process.exit(1);
}
try {
  requireChromium('the benchmark');
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(1);
}

mkdirSync(MAPS, { recursive: true });
const files = new Map();
for (const size of [...new Set([...sizes, ...(limits ? [LIMIT_SIZE] : [])])]) {
  const file = join(MAPS, `synthetic-${size}-seed-${seed}.egm.json`);
  const t0 = performance.now();
  writeFileSync(file, JSON.stringify(syntheticMap({ studies: size, seed })));
  files.set(size, file);
  console.log(`bench: generated ${relative(ROOT, file)} in ${Math.round(performance.now() - t0)} ms`);
}
const wide = limits ? join(MAPS, `synthetic-wide-200-seed-${seed}.egm.json`) : undefined;
if (wide) writeFileSync(wide, JSON.stringify(syntheticMap({ studies: 2000, seed, columnLeaves: 200, columnGroups: 10 })));


const info = { ...machine(), loadBefore: load() };
const bundle = readFileSync(BUNDLE);
info.bundle = { file: relative(ROOT, BUNDLE), rawKB: round(bundle.length / 1024), gzipKB: round(gzipSync(bundle, { level: 9 }).length / 1024) };
const { origin, close } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
info.chromium = browser.version();
console.log(`bench: ${info.nproc} × ${info.cpu}, Chromium ${info.chromium}, Node ${info.node}, load average ${info.loadBefore.join(' ')}`);
console.log(`bench: ${info.bundle.file} is ${info.bundle.rawKB} KB, ${info.bundle.gzipKB} KB gzipped`);
console.log(`bench: sizes ${sizes.join(', ')}; ${runs} timed runs after ${warmup} warm-up run(s) per metric`);
if (sizes.some((s) => baselineRuns(s) !== runs)) console.log(`bench: the baseline takes ${Math.min(runs, 3)} runs above 10,000 studies`);

const results = {
  date: new Date().toISOString(),
  machine: info,
  options: { sizes, runs, warmup, seed, baselineRuns: Object.fromEntries(sizes.map((s) => [s, baselineRuns(s)])) },
  sizes: {},
};
let failed = false;

async function openBench(from = browser) {
  const page = await from.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()));
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => window.egmBench !== undefined);
  return { page, errors };
}

/**
 * One 100,000-study load in a browser of its own, after the page has been idle for a moment (as
 * a reader's page would be): what `loadWithoutFreezing` reports, in short.
 */
async function freshLoad(url) {
  const own = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
  try {
    const { page, errors } = await openBench(own);
    await page.waitForTimeout(300);
    const out = await page.evaluate((u) => window.egmBench.loadWithoutFreezing(u), url);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      totalMs: Math.round(out.totalMs),
      parseEndMs: Math.round(out.parseEndMs),
      longestTaskMs: Math.round(out.longestTaskMs),
      longTasksWhileReading: out.longTasksWhileReading,
      longTasksAfterParse: out.longTasksAfterParse,
      longTaskPhases: out.longTaskPhases,
    };
  } finally {
    await own.close();
  }
}

try {
  for (const size of sizes) {
    const url = `/${relative(ROOT, files.get(size))}`;
    const { page, errors } = await openBench();
    const call = (fn, ...args) => page.evaluate(([f, a]) => window.egmBench[f](...a), [fn, args]);
    const entry = { studies: size, metrics: {} };
    try {
      const heap = await call('load', url);
      entry.file = { bytes: heap.bytes };
      entry.heap = { method: heap.method, beforeMB: mb(heap.before), afterLoadMB: mb(heap.after), mapMB: mb(heap.after - heap.before) };
      // Interactions first, on the map the heap figure was taken with; then the loads. A page
      // function returns one list of timings, or several by metric name.
      for (const fn of ['filterChange', 'cellSelect', 'groupCollapse', 'baselineFilterChange', 'baselineCellSelect', 'jsonParse', 'validateIndex', 'firstRender']) {
        const baseline = fn.startsWith('baseline');
        const out = await call(fn, baseline ? baselineRuns(size) : runs, baseline ? baselineWarmup(size) : warmup);
        for (const [name, list] of Object.entries(Array.isArray(out) ? { [fn]: out } : out)) entry.metrics[name] = summary(list);
        process.stdout.write('.');
      }
      process.stdout.write('\n');
      entry.ratios = Object.fromEntries(RATIOS.map(([ours, base]) => [ours, round(entry.metrics[base].median / entry.metrics[ours].median, 1)]));
    } catch (error) {
      failed = true;
      entry.error = error.message;
      console.error(`\nbench: ${size} studies failed: ${error.message}`);
    }
    if (errors.length) {
      failed = true;
      entry.pageErrors = errors;
      console.error(`bench: page errors at ${size} studies:\n  ${errors.join('\n  ')}`);
    }
    results.sizes[size] = entry;
    await page.close();
  }

  if (limits) {
    // 1. A 100,000-study map through <egm-map src>: long tasks after the JSON parse, progress;
    //    then `loads` times more, each in a browser of its own.
    // 2. A 200-column map: render, filter, and sticky headers when scrolled right and down.
    const { page, errors } = await openBench();
    const call = (fn, ...args) => page.evaluate(([f, a]) => window.egmBench[f](...a), [fn, args]);
    results.limits = {};
    try {
      const bigUrl = `/${relative(ROOT, files.get(LIMIT_SIZE))}`;
      results.limits.load = await call('loadWithoutFreezing', bigUrl);
      process.stdout.write('.');
      results.limits.freshLoads = [];
      for (let i = 0; i < loads; i++) {
        results.limits.freshLoads.push(await freshLoad(bigUrl));
        process.stdout.write('.');
      }
      const wideResult = await call('wideMap', `/${relative(ROOT, wide)}`, runs);
      results.limits.wide = {
        ...wideResult,
        filterChangeVisible: summary(wideResult.filterChangeVisible),
        filterChange: summary(wideResult.filterChange),
      };
      process.stdout.write('.\n');
    } catch (error) {
      failed = true;
      results.limits.error = error.message;
      console.error(`\nbench: the limits failed: ${error.message}`);
    }
    if (errors.length) {
      failed = true;
      results.limits.pageErrors = errors;
      console.error(`bench: page errors in the limits:\n  ${errors.join('\n  ')}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await close();
}
results.machine.loadAfter = load();

// ---- report -------------------------------------------------------------------------------

const header = ['metric (ms)', ...sizes.flatMap((s) => [`${s.toLocaleString('en')} median`, 'p90'])];
const rows = [header];
for (const [name, label] of METRICS) {
  rows.push([label, ...sizes.flatMap((s) => {
    const m = results.sizes[s].metrics?.[name];
    return m ? [m.median.toFixed(1), m.p90.toFixed(1)] : ['–', '–'];
  })]);
}
rows.push(['JS heap after load (MB)', ...sizes.flatMap((s) => [results.sizes[s].heap ? results.sizes[s].heap.afterLoadMB.toFixed(1) : '–', ''])]);
for (const [ours] of RATIOS) {
  rows.push([`baseline ÷ ours: ${ours}`, ...sizes.flatMap((s) => [results.sizes[s].ratios ? `${results.sizes[s].ratios[ours]}×` : '–', ''])]);
}
console.log('');
console.log(table(rows));
console.log('');
const { load: big, wide: wideOut } = results.limits ?? {};
if (big) {
  console.log(
    `limits: ${big.studies.toLocaleString('en')} studies by <egm-map src>: loaded and drawn in ${Math.round(big.totalMs)} ms; ` +
      `read and parsed in ${Math.round(big.parseEndMs)} ms (${big.parseCalls} JSON.parse calls, ${Math.round(big.parseMs)} ms, the longest ${Math.round(big.longestParseCallMs)}); ` +
      `long tasks meanwhile: ${big.longTasksWhileReading.length ? big.longTasksWhileReading.join(', ') + ' ms' : 'none'}; ` +
      `after the parse: ${big.longTasksAfterParse.length ? big.longTasksAfterParse.map((ms, i) => `${ms} ms (${big.longTaskPhases[i]})`).join(', ') : 'none'}; ` +
      `progress bar values seen: ${big.progressValuesSeen}`,
  );
}
const fresh = results.limits?.freshLoads;
if (fresh?.length) {
  const clean = fresh.filter((l) => l.longTasksAfterParse.length === 0).length;
  const phases = {};
  for (const l of fresh) l.longTaskPhases.forEach((p, i) => (phases[p] ??= []).push(l.longTasksAfterParse[i]));
  const sortedMs = (xs) => sorted(xs).join(', ');
  console.log(
    `limits: the same load in ${fresh.length} fresh browsers: ${clean} with no task > 50 ms after the parse; ` +
      (Object.keys(phases).length ? `long tasks after it: ${Object.entries(phases).map(([p, ms]) => `${p} ${sortedMs(ms)} ms`).join('; ')}; ` : '') +
      `the longest task of each whole load ${sortedMs(fresh.map((l) => l.longestTaskMs))} ms; ` +
      `read and parsed in ${sortedMs(fresh.map((l) => l.parseEndMs))} ms, loaded and drawn in ${sortedMs(fresh.map((l) => l.totalMs))} ms`,
  );
}
if (wideOut) {
  console.log(
    `limits: ${wideOut.rows} × ${wideOut.columns} grid: first render ${Math.round(wideOut.firstRenderVisible)} ms to the rows on screen, ` +
      `${Math.round(wideOut.firstRender)} ms to every cell; filter change ` +
      `${wideOut.filterChangeVisible.median.toFixed(1)} ms on screen, ${wideOut.filterChange.median.toFixed(1)} ms in all (medians); ` +
      `sticky headers after scrolling right and down: columns ${wideOut.columnHeaderAtTop ? 'yes' : 'NO'}, rows ${wideOut.rowHeaderAtLeft ? 'yes' : 'NO'}`,
  );
}
const firstHeap = Object.values(results.sizes).find((e) => e.heap)?.heap;
if (firstHeap) console.log(`heap: ${firstHeap.method}`);
console.log(`load average: ${info.loadBefore.join(' ')} before, ${results.machine.loadAfter.join(' ')} after`);

writeFileSync(JSON_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`bench: wrote ${relative(process.cwd(), JSON_FILE)}`);

// The smoke test asserts that everything was measured, never the figures themselves.
for (const [size, entry] of Object.entries(results.sizes)) {
  for (const [name] of METRICS) {
    const m = entry.metrics?.[name];
    if (!m || !m.runs.length || !m.runs.every(Number.isFinite)) {
      failed = true;
      console.error(`bench: ${name} was not measured at ${size} studies`);
    }
  }
  if (!(entry.heap?.afterLoadMB > 0)) {
    failed = true;
    console.error(`bench: the heap was not measured at ${size} studies`);
  }
}
if (limits && !(results.limits?.load && results.limits?.wide)) {
  failed = true;
  console.error('bench: the limits were not measured');
}
if (failed) process.exitCode = 1;
