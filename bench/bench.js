// The page half of the benchmark (`npm run bench`, scripts/bench.mjs drives it). It uses the
// built embed bundle only, as an embedding page would, and exposes `window.egmBench`: each
// measurement returns the milliseconds of its timed runs (warm-up runs are left out).
//
// "Updated" means: every Lit element involved has finished its update (microtasks included)
// and a forced style + layout pass has run, i.e. the main-thread work a frame needs before it
// can be painted. Waiting for the next vsync is left out, except for the first render, which
// also waits for two animation frames (the grid has been painted once).
import { createIndex, parseMap } from '../dist/egm-components.bundle.js';

const stage = document.getElementById('stage');
const now = () => performance.now();
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
/**
 * Resolves in a task of its own. A run that follows `await frame()` would otherwise start inside
 * the animation-frame callbacks of a frame, and a frame it asks for then comes one frame late.
 */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));
/**
 * Resolves in the task after the next frame: once its main-thread work (animation-frame
 * callbacks, style, layout, paint, layerisation, commit) is done. Includes the wait for that
 * frame to begin (at 60 Hz, up to 16.7 ms).
 */
const afterNextFrame = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/** Full collections (the page is launched with --js-flags=--expose-gc). */
function gc() {
  if (typeof window.gc !== 'function') throw new Error('gc() is not exposed: launch Chromium with --js-flags=--expose-gc');
  window.gc();
  window.gc();
}

/** The map file's text, as fetched once. */
let text;
/** The parsed map that `current` shows. */
let json;
/** The `<egm-map>` under test. */
let current;

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** The elements whose updates make up one change: the map and the elements in its shadow root. */
function elementsOf(map) {
  return [map, ...map.shadowRoot.querySelectorAll('egm-grid, egm-legend, egm-filter-bar, egm-study-card')];
}

/** Resolves once no element of `map` has an update pending (a few rounds: updates cascade). */
async function settle(map) {
  for (let round = 0; round < 50; round++) {
    await null; // lets queued microtasks (egm-map applies events a microtask later) run first
    const els = elementsOf(map);
    await Promise.all(els.map((el) => el.updateComplete));
    if (!elementsOf(map).some((el) => el.isUpdatePending)) return;
  }
  throw new Error('the map never settled');
}

/** Forces style recalculation and layout of the whole document (shadow trees included). */
function layout() {
  return document.documentElement.offsetHeight;
}

const gridOf = (map) => {
  const grid = map.shadowRoot.querySelector('egm-grid');
  if (!grid?.shadowRoot?.querySelector('td[data-count]')) throw new Error('the map shows no grid (is the map valid?)');
  return grid;
};

async function mount(map) {
  const el = document.createElement('egm-map');
  el.schema = map;
  stage.append(el);
  await settle(el);
  return el;
}

function unmount() {
  current?.remove();
  current = undefined;
}

/**
 * Runs `once(i)` warmup + runs times and returns the timed runs' milliseconds; when `once`
 * returns several figures (`{ name: ms }`), one list per name.
 */
async function repeat(runs, warmup, once) {
  const out = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await once(i);
    if (i >= warmup) out.push(ms);
  }
  if (typeof out[0] !== 'object') return out;
  return Object.fromEntries(Object.keys(out[0]).map((k) => [k, out.map((o) => o[k])]));
}

/**
 * Whether every body row of `grid` that is on screen has its cells (forces style and layout).
 * A grid draws the cells on screen over a few renders when many are new (about FRESH_MS of
 * new-cell script a render, egm-grid.ts): the figures wait for the render that completes the screen.
 */
function screenDrawn(grid) {
  const root = grid.shadowRoot;
  const box = root.querySelector('.scroller').getBoundingClientRect();
  const bottom = Math.min(box.bottom, innerHeight);
  const rows = root.querySelectorAll('tbody tr');
  for (const tr of rows) {
    const r = tr.getBoundingClientRect();
    if (r.top >= bottom) return true;
    if (r.bottom > box.top && !tr.classList.contains('group-row') && !tr.querySelector('td')) return false;
  }
  // Every row drawn ends above the screen's bottom: the screen is drawn if no row is left to draw.
  return rows.length === grid.model.rows.entries.length;
}

/**
 * Resolves with the ms since `t0` at the end of the first grid update after which the screen is
 * drawn (`now` if it is already). A mutation observer sees every update, background shares
 * included (they send no `egm-render`), in the task that made it.
 */
function screenDrawnAfter(grid, t0, now_ = false) {
  return new Promise((resolve) => {
    if (now_ && screenDrawn(grid)) return resolve(now() - t0);
    const observer = new MutationObserver(() => {
      if (!screenDrawn(grid)) return;
      observer.disconnect();
      resolve(now() - t0);
    });
    observer.observe(grid.shadowRoot, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-count'] });
  });
}

/**
 * Starts timing a change: resolves `visible` with the milliseconds until the end of the grid's
 * first update after it that leaves every row on screen with its cells (the rows and columns on
 * screen are drawn, the rest follows in background tasks), style and layout included; with
 * `painted`, also `painted`: until the frame that shows that update has been painted (see
 * `afterNextFrame`).
 */
function firstGridUpdate(map, t0, { painted = false } = {}) {
  const visible = screenDrawnAfter(gridOf(map), t0);
  // (Chained in the same task as the update: the frame waited for is the one that shows it.)
  return { visible, painted: painted ? visible.then(afterNextFrame).then(() => now() - t0) : undefined };
}

/**
 * When a new `<egm-map>` (just appended) has the rows on screen painted, in ms since `t0`: the
 * grid update that completes them (see `screenDrawn`), then two frames.
 */
function firstRowsPainted(map, t0) {
  return new Promise((resolve) => {
    const onRender = async (e) => {
      if (e.target.localName !== 'egm-grid') return;
      map.shadowRoot.removeEventListener('egm-render', onRender, { capture: true });
      await screenDrawnAfter(e.target, t0, true);
      await frame();
      await frame();
      resolve(now() - t0);
    };
    map.shadowRoot.addEventListener('egm-render', onRender, { capture: true });
  });
}

/** Every (dimension, category) a filter bar offers, in order: each run filters by another. */
function filterChoices(map) {
  const ids = map.layout.filters ?? [];
  const out = [];
  for (const dim of map.dimensions) {
    if (!ids.includes(dim.id)) continue;
    const walk = (cats) => cats.forEach((c) => (out.push({ dimension: dim.id, category: c.id }), c.children && walk(c.children)));
    walk(dim.categories);
  }
  if (out.length === 0) throw new Error('the map has no filter dimensions');
  return out;
}
const filterFor = (choices, i) => {
  const { dimension, category } = choices[i % choices.length];
  return { categories: { [dimension]: [category] } };
};

// ---- the straightforward baseline ---------------------------------------------------------

/** Category id → the ids of it and all its descendants, per dimension. */
function descendantSets(map) {
  const out = new Map();
  for (const dim of map.dimensions) {
    const sets = new Map();
    const walk = (cat) => {
      const set = new Set([cat.id]);
      for (const child of cat.children ?? []) for (const id of walk(child)) set.add(id);
      sets.set(cat.id, set);
      return set;
    };
    dim.categories.forEach(walk);
    out.set(dim.id, sets);
  }
  return out;
}

/**
 * Recounts every visible cell the straightforward way: for each cell, scan every study and
 * test the filter and the row and column (with descendants) by set membership.
 */
function naiveCounts(map, grid, filters) {
  const sets = descendantSets(map);
  const rowsDim = grid.model.rows.dimension.dimension.id;
  const colsDim = grid.model.columns.dimension.dimension.id;
  const rows = grid.model.rows.lines.map((e) => sets.get(rowsDim).get(e.id));
  const cols = grid.model.columns.lines.map((e) => sets.get(colsDim).get(e.id));
  const selections = Object.entries(filters.categories).map(([dim, ids]) => {
    const union = new Set();
    for (const id of ids) for (const d of sets.get(dim)?.get(id) ?? []) union.add(d);
    return [dim, union];
  });
  // Plain loops: the baseline is naive in what it does, not slow in how it is written.
  const carries = (codes, set) => {
    if (codes === undefined) return false;
    for (let k = 0; k < codes.length; k++) if (set.has(codes[k])) return true;
    return false;
  };
  const studies = map.studies;
  const counts = new Int32Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < cols.length; c++) {
      let n = 0;
      for (let i = 0; i < studies.length; i++) {
        const codes = studies[i].codes;
        let pass = true;
        for (let f = 0; pass && f < selections.length; f++) pass = carries(codes[selections[f][0]], selections[f][1]);
        if (pass && carries(codes[rowsDim], rows[r]) && carries(codes[colsDim], cols[c])) n++;
      }
      counts[r * cols.length + c] = n;
    }
  }
  return counts;
}

/** The benchmark would be worthless if the baseline counted something else: compare once. */
function checkAgainstGrid(counts, grid) {
  // The grid keeps the cells near the screen (a large map): every cell it shows is checked.
  const rows = grid.model.rows.lines.map((r) => r.id);
  const cols = grid.model.columns.lines.map((c) => c.id);
  const cells = grid.shadowRoot.querySelectorAll('td[data-count]');
  if (cells.length === 0 || cells.length > counts.length) throw new Error(`baseline: ${counts.length} cells, the grid shows ${cells.length}`);
  cells.forEach((td) => {
    const i = rows.indexOf(td.dataset.row) * cols.length + cols.indexOf(td.dataset.column);
    if (Number(td.dataset.count) !== counts[i]) throw new Error(`baseline: cell ${td.dataset.row} × ${td.dataset.column} counts ${counts[i]}, the grid ${td.dataset.count}`);
  });
}

/** Fresh copies: the elements see a new map, so they revalidate, re-index and re-render it all. */
const freshCopy = (map) => ({ ...map, dimensions: structuredClone(map.dimensions), studies: map.studies.slice() });

// ---- interactions -------------------------------------------------------------------------

async function closePanel(map) {
  const close = map.shadowRoot.querySelector('section.panel button.close');
  if (close) {
    close.click();
    await settle(map);
    await frame(); // the closing is not part of the next measurement
  }
}

/**
 * Cells to select: those in view (a reader clicks what they see), fullest first (the panel
 * then shows its full page of cards).
 */
function selectableCells(grid) {
  const view = grid.shadowRoot.querySelector('.scroller').getBoundingClientRect();
  const inView = (r) => r.top >= view.top && r.bottom <= view.bottom && r.left >= view.left && r.right <= view.right;
  const all = [...grid.shadowRoot.querySelectorAll('td[data-count]')].filter((td) => Number(td.dataset.count) > 0);
  const seen = all.filter((td) => inView(td.getBoundingClientRect()));
  return (seen.length >= 4 ? seen : all)
    .map((td) => ({ row: td.dataset.row, column: td.dataset.column, count: Number(td.dataset.count) }))
    .sort((a, b) => b.count - a.count);
}

const cellElement = (grid, cell) => grid.shadowRoot.querySelector(`td[data-row="${CSS.escape(cell.row)}"][data-column="${CSS.escape(cell.column)}"]`);

function checkPanel(map, cell) {
  const cards = map.shadowRoot.querySelectorAll('section.panel egm-study-card').length;
  if (cards !== Math.min(50, cell.count)) throw new Error(`the panel shows ${cards} cards for a cell of ${cell.count}`);
}

/**
 * Resolves, with the time since `t0`, once the panel's first study cards are drawn and laid
 * out (the map draws a panel's first cards at once and the rest of its page a task later).
 */
function panelShown(map, t0) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(async () => {
      const cards = [...map.shadowRoot.querySelectorAll('section.panel egm-study-card')];
      if (cards.length === 0) return;
      observer.disconnect();
      await Promise.all(cards.map((c) => c.updateComplete));
      layout();
      resolve(now() - t0);
    });
    observer.observe(map.shadowRoot, { childList: true, subtree: true });
  });
}

/**
 * A click as a mouse makes it: the cell takes focus (without scrolling), then the click.
 * Returns the milliseconds until the panel shows its first cards, and until it has them all.
 */
async function selectCell(map, cell) {
  const td = cellElement(gridOf(map), cell);
  const t0 = now();
  const shown = panelShown(map, t0);
  td.focus({ preventScroll: true });
  td.click();
  await settle(map);
  layout();
  return { shown: await shown, all: now() - t0 };
}

/** Long tasks (over 50 ms) from now on, as the browser reports them. */
function watchLongTasks() {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  return {
    tasks,
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 200)); // entries arrive a little late
      for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
      observer.disconnect();
    },
  };
}

window.egmBench = {
  /** Loads the map, shows it, and reports the JS heap (method: performance.memory after gc()). */
  async load(url) {
    unmount();
    gc();
    const before = performance.memory.usedJSHeapSize;
    text = await fetchText(url);
    json = JSON.parse(text);
    text = undefined; // the page does not keep the file's text: neither should the figure
    current = await mount(json);
    gridOf(current);
    await frame();
    await frame();
    gc();
    const after = performance.memory.usedJSHeapSize;
    text = await fetchText(url);
    return { before, after, studies: json.studies.length, bytes: text.length, method: 'performance.memory.usedJSHeapSize after gc() (--enable-precise-memory-info --js-flags=--expose-gc)' };
  },

  async jsonParse(runs, warmup) {
    return repeat(runs, warmup, () => {
      const t0 = now();
      JSON.parse(text);
      return now() - t0;
    });
  },

  async validateIndex(runs, warmup) {
    return repeat(runs, warmup, () => {
      const input = JSON.parse(text);
      const t0 = now();
      createIndex(parseMap(input));
      return now() - t0;
    });
  },

  /** A new `<egm-map>` given a freshly parsed map: validate, index, count, render, two frames. */
  async firstRender(runs, warmup) {
    const out = await repeat(runs, warmup, async () => {
      unmount();
      gc();
      const input = JSON.parse(text);
      // Timed from a task of its own, as a page's script runs: the previous run ended in a frame's
      // callbacks, and starting there made "two frames later" one frame later still (before the
      // fourth session, rows on screen were timed one frame and a background task late).
      await nextTask();
      const t0 = now();
      const el = document.createElement('egm-map');
      el.schema = input;
      stage.append(el);
      const firstPaint = firstRowsPainted(el, t0);
      await settle(el);
      await frame();
      await frame();
      const ms = now() - t0;
      current = el;
      json = input;
      gridOf(el);
      return { firstRender: ms, firstRenderVisible: await firstPaint };
    });
    return out;
  },

  async filterChange(runs, warmup) {
    const choices = filterChoices(json);
    const out = await repeat(runs, warmup, async (i) => {
      const t0 = now();
      const update = firstGridUpdate(current, t0, { painted: true });
      current.filters = filterFor(choices, i);
      await settle(current);
      layout();
      return { filterChange: now() - t0, filterChangeVisible: await update.visible, filterChangePainted: await update.painted };
    });
    current.filters = { categories: {} };
    await settle(current);
    return out;
  },

  /**
   * Selecting a cell with the panel closed (it opens beside the grid, which narrows) and with
   * the panel already open on another cell (a reader going from cell to cell).
   */
  async cellSelect(runs, warmup) {
    const cells = selectableCells(gridOf(current));
    const out = await repeat(runs, warmup, async (i) => {
      await closePanel(current);
      const cell = cells[(2 * i) % cells.length];
      const opening = await selectCell(current, cell);
      checkPanel(current, cell);
      const next = cells[(2 * i + 1) % cells.length];
      const switching = await selectCell(current, next);
      checkPanel(current, next);
      return { cellSelect: opening.shown, cellSelectAll: opening.all, cellSelectSwitch: switching.shown, cellSelectSwitchAll: switching.all };
    });
    await closePanel(current);
    return out;
  },

  async groupCollapse(runs, warmup) {
    const grid = gridOf(current);
    const groups = [...grid.shadowRoot.querySelectorAll('th[data-axis="row"][aria-expanded="true"]')].map((th) => th.dataset.id);
    if (groups.length === 0) throw new Error('the map has no row groups');
    const header = (id) => grid.shadowRoot.querySelector(`th[data-axis="row"][data-id="${CSS.escape(id)}"]`);
    return repeat(runs, warmup, async (i) => {
      const id = groups[i % groups.length];
      const t0 = now();
      const update = firstGridUpdate(current, t0);
      header(id).click();
      await settle(current);
      layout();
      const ms = { groupCollapse: now() - t0, groupCollapseVisible: await update.visible };
      if (header(id).getAttribute('aria-expanded') !== 'false') throw new Error(`group ${id} did not collapse`);
      header(id).click(); // expand again, untimed
      await settle(current);
      return ms;
    });
  },

  /**
   * The limits, 1: `<egm-map src>` with a very large map. The element parses the file as it
   * reads it, a batch of studies per `JSON.parse` (core/read-json.ts; the page wraps JSON.parse
   * to see when the parse starts and ends). Long tasks while the file is read and parsed, long
   * tasks after the parse (the "after the JSON parse itself"), the longest task of the
   * whole load, and whether a progress bar was seen while the map was checked and indexed.
   */
  async loadWithoutFreezing(url) {
    unmount();
    json = undefined;
    text = undefined;
    gc();
    const parse = JSON.parse;
    /** The calls on more than a key: when the first started and the last ended, and their time. */
    let parsed;
    JSON.parse = function (...args) {
      const t0 = now();
      try {
        return parse.apply(this, args);
      } finally {
        if (String(args[0]).length > 1000) {
          const t1 = now();
          parsed ??= { start: t0, calls: 0, ms: 0, longest: 0 };
          parsed.end = t1;
          parsed.calls++;
          parsed.ms += t1 - t0;
          parsed.longest = Math.max(parsed.longest, t1 - t0);
        }
      }
    };
    const progress = new Set();
    let sampling = true;
    const sample = () => {
      const bar = current?.shadowRoot?.querySelector('progress');
      if (bar) progress.add(bar.value);
      if (sampling) requestAnimationFrame(sample);
    };
    const watch = watchLongTasks();
    const t0 = now();
    /** When `egm-load` fired: at the end of the map's first render, in that render's task. */
    let loadedAt = Infinity;
    try {
      current = document.createElement('egm-map');
      const loaded = new Promise((resolve, reject) => {
        current.addEventListener(
          'egm-load',
          (e) => {
            loadedAt = now();
            resolve(e);
          },
          { once: true },
        );
        current.addEventListener('egm-error', (e) => reject(new Error(e.detail.message)), { once: true });
      });
      current.src = url;
      stage.append(current);
      sample();
      await loaded;
      await settle(current);
      await frame();
      await frame();
    } finally {
      JSON.parse = parse;
      sampling = false;
    }
    const total = now() - t0;
    await watch.stop();
    if (!parsed) throw new Error('the element never parsed the map');
    const tasks = watch.tasks.filter((t) => t.start >= t0);
    const after = tasks.filter((t) => t.start >= parsed.end);
    // While the file is read and parsed: the browser hands the body over in chunks (each a task
    // of its own), the parse's slices and the collections of what it makes, the warm-up.
    const reading = tasks.filter((t) => t.start < parsed.end);
    gridOf(current);
    return {
      studies: current.shadowRoot.querySelector('egm-grid').model.index.size,
      totalMs: total,
      parseMs: parsed.ms,
      parseCalls: parsed.calls,
      longestParseCallMs: parsed.longest,
      parseEndMs: parsed.end - t0,
      longTasksWhileReading: reading.map((t) => Math.round(t.duration)),
      longTasksAfterParse: after.map((t) => Math.round(t.duration)),
      // What each was: before the task that fired egm-load, checking and indexing (and the grid
      // model made before the first render); that task, the first render; after it, frames.
      longTaskPhases: after.map((t) => (t.start + t.duration < loadedAt ? 'checking and indexing' : t.start <= loadedAt ? 'first render' : 'frames after')),
      longestAfterParseMs: Math.max(0, ...after.map((t) => t.duration)),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      progressValuesSeen: progress.size,
    };
  },

  /**
   * The limits, 2: a very wide map (given by properties). First render, a filter change, and
   * whether the headers stay in view when the grid is scrolled right and down.
   */
  async wideMap(url, runs) {
    unmount();
    text = await fetchText(url);
    const input = JSON.parse(text);
    await nextTask();
    const t0 = now();
    current = document.createElement('egm-map');
    current.schema = input;
    stage.append(current);
    const firstPaint = firstRowsPainted(current, t0);
    await settle(current);
    await frame();
    await frame();
    const firstRender = now() - t0;
    const firstRenderVisible = await firstPaint;
    json = input;
    const grid = gridOf(current);
    const choices = filterChoices(input);
    const filter = [];
    for (let i = 0; i < runs; i++) {
      const t1 = now();
      const update = firstGridUpdate(current, t1);
      current.filters = filterFor(choices, i);
      await settle(current);
      layout();
      filter.push({ all: now() - t1, visible: await update.visible });
    }
    current.filters = { categories: {} };
    await settle(current);
    // Where the last column's header and the last row's header sit in the scroll box, before
    // and after scrolling to the far right and bottom: sticky headers do not move.
    const scroller = grid.shadowRoot.querySelector('.scroller');
    const lastColumn = () => [...grid.shadowRoot.querySelectorAll('thead th[data-axis="column"]')].at(-1).getBoundingClientRect();
    const lastRow = () => [...grid.shadowRoot.querySelectorAll('tbody th[data-axis="row"]')].at(-1).getBoundingClientRect();
    const box = () => scroller.getBoundingClientRect();
    const before = { top: lastColumn().top - box().top, left: lastRow().left - box().left };
    scroller.scrollTop = scroller.scrollHeight;
    scroller.scrollLeft = scroller.scrollWidth;
    await frame();
    await frame();
    await settle(current);
    const after = { top: lastColumn().top - box().top, left: lastRow().left - box().left };
    return {
      columns: grid.model.columns.lines.length,
      rows: grid.model.rows.lines.length,
      firstRender,
      firstRenderVisible,
      filterChangeVisible: filter.map((f) => f.visible),
      filterChange: filter.map((f) => f.all),
      scrolled: { top: scroller.scrollTop, left: scroller.scrollLeft },
      columnHeaderAtTop: scroller.scrollTop > 0 && Math.abs(after.top - before.top) < 2,
      rowHeaderAtLeft: scroller.scrollLeft > 0 && Math.abs(after.left - before.left) < 2,
    };
  },

  /** Baseline filter change: naive recount of every cell, then fresh copies re-rendered whole. */
  async baselineFilterChange(runs, warmup) {
    const choices = filterChoices(json);
    const grid = gridOf(current);
    // Every cell, as a straightforward grid would draw it.
    current.cells = 'all';
    await settle(current);
    const out = await repeat(runs, warmup, async (i) => {
      const filters = filterFor(choices, i + 1000);
      const t0 = now();
      const counts = naiveCounts(json, grid, filters);
      current.schema = freshCopy(json);
      current.filters = filters;
      await settle(current);
      layout();
      const ms = now() - t0;
      if (i === 0) checkAgainstGrid(counts, gridOf(current));
      return ms;
    });
    current.schema = json;
    current.filters = { categories: {} };
    current.cells = undefined;
    await settle(current);
    return out;
  },

  /** Baseline selection: naive recount of every cell, fresh copies re-rendered whole, then the panel. */
  async baselineCellSelect(runs, warmup) {
    const cells = selectableCells(gridOf(current));
    current.cells = 'all';
    await settle(current);
    const out = await repeat(runs, warmup, async (i) => {
      await closePanel(current);
      const cell = cells[i % cells.length];
      const t0 = now();
      const counts = naiveCounts(json, gridOf(current), { categories: {} });
      current.schema = freshCopy(json);
      await settle(current);
      await selectCell(current, cell);
      const ms = now() - t0;
      if (i === 0) checkAgainstGrid(counts, gridOf(current));
      checkPanel(current, cell);
      return ms;
    });
    await closePanel(current);
    current.schema = json;
    current.cells = undefined;
    await settle(current);
    return out;
  },
};
