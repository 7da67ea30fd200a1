import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GridModel } from '../core/grid.js';
import { convert, parseConversionConfig } from '../core/import/config.js';
import { LARGE_INPUT, mapFileText, studiesInGrid } from '../core/import/workbench-state.js';
import { createIndex } from '../core/map-index.js';
import { parseMap } from '../core/parse.js';
import { smallMap } from '../core/testing/fixture.js';
import { utf16 } from '../core/testing/utf16.js';
import type { EgmMap } from '../core/types.js';
import type { EgmGrid } from '../components/egm-grid/egm-grid.js';
import type { EgmMapElement } from '../components/egm-map/egm-map.js';
import '../components/egm-map/egm-map.js';
import './egm-workbench.js';
import { STRINGS, workbenchStrings, type EgmWorkbench } from './egm-workbench.js';
import { STRINGS_FR } from './strings-fr.js';

const FIXTURE = new URL('../core/import/fixtures/retraction-lit-trimmed.json', import.meta.url).href;
const MAPPER_PAGE = new URL('../core/import/fixtures/eppi-mapper-newer.html', import.meta.url).href;
/** Stands in for dist/egm-components.standalone.js (a data: URL, fetched like any other). */
const FAKE_BUNDLE = 'console.log("the embed bundle")';
const BUNDLE_URL = `data:text/javascript,${encodeURIComponent(FAKE_BUNDLE)}`;

const root = (el: EgmWorkbench) => el.shadowRoot!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: EgmWorkbench, selector: string) => root(el).querySelector<T>(selector);
const notices = (el: EgmWorkbench) => [...root(el).querySelectorAll('.notices > *')].map(text);

async function fileFrom(url: string, name: string): Promise<File> {
  return new File([await (await fetch(url)).arrayBuffer()], name);
}

function workbench(): Promise<EgmWorkbench> {
  return fixture<EgmWorkbench>(html`<egm-workbench bundle-url=${BUNDLE_URL}></egm-workbench>`);
}

/** Drops files on the drop zone as a browser does, and waits until they are read. */
async function drop(el: EgmWorkbench, files: File[]): Promise<void> {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  const zone = $(el, '[part="drop"]')!;
  const before = notices(el).join('|');
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  await el.updateComplete;
  expect(zone.classList.contains('dragging')).to.equal(true);
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  await waitUntil(() => notices(el).length === files.length && notices(el).join('|') !== before, 'the files are read');
  await el.updateComplete;
}

/** The select that gives a code (or a CSV column) its role, by the code's name. */
function roleSelect(el: EgmWorkbench, name: string): HTMLSelectElement {
  const node = [...root(el).querySelectorAll('.node')].find((n) => text(n.querySelector('.name')) === name);
  expect(node, name).to.exist;
  return node!.querySelector('select')!;
}

async function choose(el: EgmWorkbench, name: string, role: string): Promise<void> {
  const select = roleSelect(el, name);
  select.value = role;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A workbench with the fixture export, its rows, columns and segments chosen. */
async function withSegments(): Promise<EgmWorkbench> {
  const el = await workbench();
  await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
  await choose(el, 'Citation of retracted papers', 'rows');
  await choose(el, 'Processes and policies', 'columns');
  await choose(el, 'Citation context', 'segments');
  return el;
}

const preview = (el: EgmWorkbench) => $<EgmMapElement>(el, 'egm-map');
const previewGrid = async (el: EgmWorkbench): Promise<EgmGrid> => {
  await waitUntil(() => preview(el)?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'), 'the preview shows the grid');
  const grid = preview(el)!.shadowRoot!.querySelector<EgmGrid>('egm-grid')!;
  await grid.updateComplete;
  return grid;
};

/** Every cell of the preview's grid against core's count for the same map. Returns how many. */
async function expectPreviewCountsMatchCore(el: EgmWorkbench, map: EgmMap): Promise<number> {
  const grid = await previewGrid(el);
  const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
  const C = model.columns.lines.length;
  let checked = 0;
  model.rows.lines.forEach((r, i) =>
    model.columns.lines.forEach((c, j) => {
      const td = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('[data-count]')].find((d) => d.dataset.row === r.id && d.dataset.column === c.id);
      expect(td, `${r.id} × ${c.id}`).to.exist;
      expect(td!.dataset.count, `${r.id} × ${c.id}`).to.equal(String(model.totals.counts[i * C + j]));
      checked++;
    }),
  );
  expect(grid.shadowRoot!.querySelectorAll('[data-count]').length).to.equal(checked);
  return checked;
}

/** Catches downloads: the blobs made, by file name, and keeps them from leaving the page. */
function catchDownloads(): { files: Map<string, Blob>; restore: () => void } {
  const files = new Map<string, Blob>();
  const blobs = new Map<string, Blob>();
  const createObjectURL = Object.getOwnPropertyDescriptor(URL, 'createObjectURL')!;
  const revokeObjectURL = Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL')!;
  // click() is HTMLElement's: the anchor's own override is removed again afterwards.
  const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')!.value as (this: HTMLElement) => void;
  let n = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download && blobs.has(this.href)) files.set(this.download, blobs.get(this.href)!);
    else click.call(this);
  };
  return {
    files,
    restore: () => {
      Object.defineProperty(URL, 'createObjectURL', createObjectURL);
      Object.defineProperty(URL, 'revokeObjectURL', revokeObjectURL);
      delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    },
  };
}

const button = (el: EgmWorkbench, label: string) => [...root(el).querySelectorAll('button')].find((b) => text(b) === label)!;

describe('egm-workbench', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => (downloads = catchDownloads()));
  afterEach(() => downloads.restore());

  it('passes axe before a file is loaded, and says what it reads', async () => {
    const el = await workbench();
    await expect(el).to.be.accessible();
    expect(text($(el, '#drop-hint'))).to.equal(STRINGS.dropHint);
    expect(text($(el, '.preview'))).to.contain(STRINGS.previewEmpty);
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    expect(input.multiple).to.equal(true);
    expect(text(input.closest('label'))).to.equal(STRINGS.pick);
  });

  it('takes an author from the EPPI-Reviewer export to a map, a config and a page, and the config redoes the same map', async () => {
    const el = await workbench();
    const exportFile = await fileFrom(FIXTURE, 'retraction-lit.json');
    await drop(el, [exportFile]);
    expect(notices(el)).to.deep.equal(['retraction-lit.json: an EPPI-Reviewer export with 150 references and 166 codes.']);
    expect(text($(el, '.preview .notice'))).to.equal('Choose the rows and the columns to see the map.');
    expect(preview(el)).to.equal(null);

    // Rows, columns, segments and a filter, from the code tree.
    await choose(el, 'Citation of retracted papers', 'rows');
    expect(text($(el, '.preview .notice'))).to.equal('Choose the columns to see the map.');
    await choose(el, 'Processes and policies', 'columns');
    await choose(el, 'Citation context', 'segments');
    await choose(el, 'Studies related to discipline or geography', 'filters');
    expect([...root(el).querySelectorAll('.summary dd')].map(text)).to.deep.equal([
      'Citation of retracted papers',
      'Processes and policies',
      'Citation context',
      'Studies related to discipline or geography',
    ]);

    // The preview counts what core counts.
    const map = el.map!;
    expect(map.layout).to.deep.equal({ rows: 'citation-of-retracted-papers', columns: 'processes-and-policies', segments: 'citation-context', filters: ['studies-related-to-discipline-or-geography'] });
    expect(await expectPreviewCountsMatchCore(el, map)).to.equal(11 * 6);
    expect(text($(el, '.stats'))).to.equal('150 studies, of which 27 have a row and a column code (in the grid).');
    const filterBar = preview(el)!.shadowRoot!.querySelector('egm-filter-bar')!;
    expect(text(filterBar.shadowRoot)).to.contain('Studies related to discipline or geography');
    expect([...root(el).querySelectorAll('.warnings li')].map(text)).to.deep.equal([
      "102 studies carry no code under 'Citation of retracted papers': they appear in no row",
      "57 studies carry no code under 'Processes and policies': they appear in no column",
      "103 studies carry no code under 'Citation context': they appear as Not coded",
    ]);

    // Title and licence; a hidden row; a segment colour.
    const title = $<HTMLInputElement>(el, '#meta-title')!;
    expect(title.placeholder).to.equal('Imported from EPPI-Reviewer');
    title.value = 'Retractions: a map of the literature';
    title.dispatchEvent(new Event('input'));
    const licence = $<HTMLInputElement>(el, '#meta-license')!;
    licence.value = 'CC-BY-4.0';
    licence.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await waitUntil(() => text(preview(el)!.shadowRoot!.querySelector('.title')) === 'Retractions: a map of the literature', 'the preview follows the title');
    const hide = [...root(el).querySelectorAll<HTMLInputElement>('.show input')].find((i) => text(i.closest('label')) === 'Show Citation as focus--geographic')!;
    hide.click();
    await el.updateComplete;
    const colour = [...root(el).querySelectorAll<HTMLInputElement>('input[type="color"]')];
    expect(colour.map((c) => [c.getAttribute('aria-label'), c.value])).to.deep.equal([
      ['Colour of Citation--context explored', '#0072b2'],
      ['Colour of Citation--context not explored', '#e69f00'],
    ]);
    // The palette's orange is hard to see on white: said next to it, and tied to the control.
    const warning = $(el, `#${colour[1].getAttribute('aria-describedby')}`);
    expect(text(warning)).to.equal('Low contrast against the background (2.3:1, under 3:1): some readers will not see it.');
    colour[1].value = '#b35900';
    colour[1].dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelectorAll('.warning').length).to.equal(0);
    expect(el.map!.dimensions[2].categories[1].color).to.equal('#b35900');
    expect(el.map!.dimensions[0].categories.map((c) => c.id)).not.to.include('9094963');
    await expectPreviewCountsMatchCore(el, el.map!);

    await expect(el).to.be.accessible();

    // Download the map, the config and the page (once the embed bundle is in).
    await waitUntil(() => !button(el, STRINGS.downloadPage).disabled, 'the embed bundle loads');
    button(el, STRINGS.downloadMap).click();
    button(el, STRINGS.downloadConfig).click();
    button(el, STRINGS.downloadPage).click();
    expect([...downloads.files.keys()]).to.deep.equal([
      'retractions-a-map-of-the-literature.egm.json',
      'retractions-a-map-of-the-literature.convert.json',
      'retractions-a-map-of-the-literature.html',
    ]);
    const mapText = await downloads.files.get('retractions-a-map-of-the-literature.egm.json')!.text();
    const configText = await downloads.files.get('retractions-a-map-of-the-literature.convert.json')!.text();
    const page = await downloads.files.get('retractions-a-map-of-the-literature.html')!.text();
    expect(mapText).to.equal(mapFileText(el.map!));
    expect(JSON.parse(configText)).to.deep.equal({
      format: 'egm-convert/1',
      from: 'eppi-reviewer',
      rows: '9095071',
      columns: '9095077',
      segments: '9122374',
      filters: ['9095074'],
      map: { title: 'Retractions: a map of the literature', license: 'CC-BY-4.0' },
      hidden: ['citation-of-retracted-papers/9094963'],
      colors: { 'citation-context/9094966': '#b35900' },
    });
    expect(page.startsWith('<!doctype html>')).to.equal(true);
    expect(page).to.contain(`<script type="module">${FAKE_BUNDLE}`);
    expect(page).to.contain('<title>Retractions: a map of the literature</title>');
    await waitUntil(() => text($(el, '[role="status"][aria-live="polite"]')) === 'Downloaded retractions-a-map-of-the-literature.html.');

    // What the CLI makes from the same export and config is the same map.
    const exportText = await exportFile.text();
    expect(mapFileText(convert(exportText, parseConversionConfig(JSON.parse(configText))).map)).to.equal(mapText);

    // Next time: a fresh workbench, the export and the saved config dropped together.
    el.remove();
    const again = await workbench();
    await drop(again, [new File([configText], 'retractions.convert.json'), await fileFrom(FIXTURE, 'retraction-lit.json')]);
    expect(notices(again)).to.deep.equal([
      'retraction-lit.json: an EPPI-Reviewer export with 150 references and 166 codes.',
      'retractions.convert.json: a conversion config. Its choices are applied.',
    ]);
    expect(mapFileText(again.map!)).to.equal(mapText);
    expect(roleSelect(again, 'Citation context').value).to.equal('segments');
    await expectPreviewCountsMatchCore(again, again.map!);
    downloads.files.clear();
    button(again, STRINGS.downloadMap).click();
    expect(await downloads.files.get('retractions-a-map-of-the-literature.egm.json')!.text()).to.equal(mapText);
  });

  it('applies a config loaded after its export; one for another kind of file keeps the choices, and applies to its own file later', async () => {
    const el = await workbench();
    await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
    const config = JSON.stringify({ format: 'egm-convert/1', from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    await drop(el, [new File([config], 'saved.convert.json')]);
    expect(notices(el)).to.deep.equal(['saved.convert.json: a conversion config. Its choices are applied.']);
    expect(roleSelect(el, 'Citation of retracted papers').value).to.equal('rows');
    await expectPreviewCountsMatchCore(el, el.map!);
    await choose(el, 'Citation context', 'segments');
    const csvConfig = { format: 'egm-convert/1', from: 'csv', csv: { title: 'Title', dimensions: [{ column: 'Topic', id: 'topic' }, { column: 'Outcome', id: 'outcome' }], layout: { rows: 'topic', columns: 'outcome' } } };
    await drop(el, [new File([JSON.stringify(csvConfig)], 'csv.convert.json')]);
    expect(notices(el)).to.deep.equal([
      "The config converts CSV files, but the file loaded is an EPPI-Reviewer export with 150 references and 166 codes: your choices for it are kept. Drop a matching file, and the config's choices apply to it.",
    ]);
    // The export's choices, map and preview are as they were.
    expect(roleSelect(el, 'Citation of retracted papers').value).to.equal('rows');
    expect(roleSelect(el, 'Citation context').value).to.equal('segments');
    expect(el.conversionConfig).to.deep.equal({ format: 'egm-convert/1', from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies', segments: '9122374' });
    expect(el.map?.layout.segments).to.equal('citation-context');
    expect(preview(el) !== null).to.equal(true);
    // The export again keeps them too.
    await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
    expect(roleSelect(el, 'Citation context').value).to.equal('segments');
    // A CSV file: the config waiting for one applies to it.
    await drop(el, [new File(['Title,Topic,Outcome\nA,x,o\nB,y,o\n'], 'studies.csv')]);
    expect(notices(el)).to.deep.equal(['studies.csv: a CSV file with 2 rows and 3 columns. The choices of csv.convert.json are applied.']);
    expect(el.conversionConfig).to.deep.equal(csvConfig);
    expect(el.map?.layout).to.deep.equal({ rows: 'topic', columns: 'outcome' });
  });

  it('keeps a config dropped before any file for a file of its kind, when one of another kind comes first', async () => {
    const el = await workbench();
    const config = { format: 'egm-convert/1', from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies' };
    await drop(el, [new File([JSON.stringify(config)], 'saved.convert.json')]);
    expect(notices(el)).to.deep.equal(['saved.convert.json: a conversion config. Its choices are applied.']);
    await drop(el, [new File(['Title,Topic\nA,x\n'], 'studies.csv')]);
    expect(notices(el)).to.deep.equal(['studies.csv: a CSV file with 1 row and 2 columns.']);
    expect(el.conversionConfig?.from).to.equal('csv');
    await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
    expect(notices(el)).to.deep.equal(['export.json: an EPPI-Reviewer export with 150 references and 166 codes. The choices of saved.convert.json are applied.']);
    expect(el.conversionConfig).to.deep.equal(config);
    expect(roleSelect(el, 'Citation of retracted papers').value).to.equal('rows');
  });

  it('shows a config of the wrong shape as broken, and keeps working', async () => {
    const el = await workbench();
    await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
    await choose(el, 'Citation of retracted papers', 'rows');
    await choose(el, 'Processes and policies', 'columns');
    const configs: [string, object, string][] = [
      ['filters.convert.json', { from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies', filters: 'Impacts of retraction' }, 'filters: '],
      ['links.convert.json', { from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies', map: { links: 'https://example.org' } }, 'map.links: '],
      ['csv.convert.json', { from: 'csv', csv: { title: 'Title', dimensions: { column: 'Topic' }, layout: { rows: 'topic', columns: 'outcome' } } }, 'csv.dimensions: '],
    ];
    for (const [name, config, path] of configs) {
      await drop(el, [new File([JSON.stringify(config)], name)]);
      const alert = $(el, '.notices [role="alert"]');
      expect(text(alert?.querySelector('h2')), name).to.equal(`${name} is a conversion config with problems (1 problem)`);
      expect(text(alert?.querySelector('li')).startsWith(path), name).to.equal(true);
    }
    // The choices made stay, and still work.
    await choose(el, 'Impacts of retraction', 'filters');
    expect(el.map?.layout.filters).to.deep.equal(['impacts-of-retraction']);
    expect([...root(el).querySelectorAll('.summary dd')].map(text)).to.deep.equal(['Citation of retracted papers', 'Processes and policies', 'none', 'Impacts of retraction']);
  });

  it('takes the files dropped last, when a drop before them is still being read', async () => {
    const el = await workbench();
    const exportBytes = await (await fetch(FIXTURE)).arrayBuffer();
    /** A file that takes a while to read, as a large export does. */
    class SlowFile extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return new Promise((resolve) => setTimeout(() => resolve(super.arrayBuffer()), 300));
      }
    }
    const first = el.loadFiles([new SlowFile([exportBytes], 'export.json')]);
    await el.updateComplete;
    const second = el.loadFiles([new File(['Title,Topic\nA,x\n'], 'studies.csv')]);
    await Promise.all([first, second]);
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['studies.csv: a CSV file with 1 row and 2 columns.']);
    expect(el.conversionConfig?.from).to.equal('csv');
    expect(roleSelect(el, 'Title').value).to.equal('title');
    expect(text($(el, '[part="drop"] [role="status"]'))).to.equal('');
  });

  it('says which files it is reading until they are read', async () => {
    const el = await workbench();
    const status = () => text($(el, '[part="drop"] [role="status"]'));
    expect(status()).to.equal('');
    const reading = el.loadFiles([await fileFrom(FIXTURE, 'export.json'), new File(['{}'], 'other.json')]);
    await el.updateComplete;
    expect(status()).to.equal('Reading export.json, other.json…');
    await reading;
    await el.updateComplete;
    expect(status()).to.equal('');
    expect(notices(el)).to.have.length(2);
  });

  it('says it is making the map while it converts a large file, painted before the work', async () => {
    const el = await workbench();
    const exportText = await (await fetch(FIXTURE)).text();
    // The fixture padded with white space past the size that counts as large.
    const big = new File([exportText + ' '.repeat(LARGE_INPUT + 1 - exportText.length)], 'big.json');
    const config = JSON.stringify({ format: 'egm-convert/1', from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    const status = () => text($(el, '[part="preview"] [role="status"]'));
    const downloads = () => [...root(el).querySelectorAll<HTMLButtonElement>('.downloads button')].map((b) => b.disabled);
    expect(status()).to.equal('');
    // (Not `drop`, whose wait for the notices would let the status's frame pass.)
    await el.loadFiles([big, new File([config], 'saved.convert.json')]);
    await el.updateComplete;
    expect(notices(el)[0]).to.match(/^big\.json: an EPPI-Reviewer export with 150 references/);
    expect(status()).to.equal('Making the map…');
    expect(el.map).to.equal(undefined);
    expect(preview(el)).to.equal(null);
    expect(downloads()).to.deep.equal([true, true, true]);
    await waitUntil(() => el.map !== undefined, 'the map is made');
    await el.updateComplete;
    expect(status()).to.equal('');
    expect(el.map!.studies.length).to.equal(150);
    expect(studiesInGrid(el.map!)).to.equal(27);
    expect(preview(el)).to.not.equal(null);
    // An edit the importer does not take: at once, no status.
    const title = $<HTMLInputElement>(el, '#meta-title')!;
    title.value = 'Retractions';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(status()).to.equal('');
    expect(el.map!.title).to.equal('Retractions');
    // A choice the importer takes: the status again, then the new map, with the edit kept.
    await choose(el, 'Citation context', 'segments');
    expect(status()).to.equal('Making the map…');
    await waitUntil(() => el.map !== undefined, 'the map is made again');
    await el.updateComplete;
    expect(status()).to.equal('');
    expect(el.map!.layout.segments).to.equal('citation-context');
    expect(el.map!.title).to.equal('Retractions');
  });

  it('makes the same map from an export saved as UTF-16 as from the UTF-8 one', async () => {
    const exportText = await (await fetch(FIXTURE)).text();
    const config = JSON.stringify({ format: 'egm-convert/1', from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    const maps: (EgmMap | undefined)[] = [];
    for (const file of [new File([exportText], 'export.json'), new File([utf16(exportText)], 'export-utf16.json')]) {
      const el = await workbench();
      await drop(el, [file, new File([config], 'saved.convert.json')]);
      expect(notices(el)[0], file.name).to.match(/an EPPI-Reviewer export with 150 references and 166 codes/);
      maps.push(el.map);
    }
    expect(maps[0]?.studies.length).to.equal(150);
    expect(maps[1]).to.deep.equal(maps[0]);
  });

  it('gives broken and unsupported files each their message', async () => {
    const el = await workbench();
    const exportText = await (await fetch(FIXTURE)).text();
    let jsonError = '';
    try {
      JSON.parse(exportText.slice(0, 1000));
    } catch (e) {
      jsonError = (e as Error).message;
    }
    const cases: [File, string][] = [
      [new File([exportText.slice(0, 1000)], 'cut.json'), `cut.json looks like JSON but cannot be read (${jsonError}): it may be cut short or damaged. Export it again.`],
      [new File([''], 'nothing.json'), 'nothing.json is empty.'],
      [new File(['Title,Outcome\n'], 'header.csv'), 'header.csv looks like a CSV file, but it has a header row and no rows of studies under it.'],
      [new File(['%PDF-1.7 …'], 'report.pdf'), 'report.pdf is a PDF document. The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.'],
      [
        new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'xl/workbook.xml'], 'coding.xlsx'),
        'coding.xlsx is a spreadsheet workbook: save it as CSV (UTF-8) and drop that. The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.',
      ],
      [new File(['{"format":"egm/2"}'], 'future.json'), 'future.json is JSON, but not an EPPI-Reviewer export (it has no "CodeSets"), an egm/1 map or a conversion config (its format is "egm/2"). The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.'],
      [new File(['<!doctype html><title>Report</title><p>Hello</p>'], 'report.html'), 'report.html is a web page, but not an EPPI-Mapper map page or one made by egm-components. The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.'],
      [new File(['TY  - JOUR\nER  - \n'], 'refs.ris'), 'refs.ris is a RIS reference list, which holds no coding: export the review from EPPI-Reviewer as JSON instead. The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.'],
    ];
    for (const [file, message] of cases) {
      await drop(el, [file]);
      expect(notices(el), file.name).to.deep.equal([message]);
      expect($(el, '.notices .error-text'), file.name).to.exist;
    }
    expect(el.map).to.equal(undefined);

    await drop(el, [new File(['{"format":"egm-convert/1","from":"word"}'], 'bad.convert.json')]);
    const alert = $(el, '.notices [role="alert"]');
    expect(text(alert?.querySelector('h2'))).to.equal('bad.convert.json is a conversion config with problems (1 problem)');
    expect(text(alert?.querySelector('li'))).to.equal('from: must be one of "eppi-reviewer", "eppi-mapper", "csv", "egm"');
    await expect(el).to.be.accessible();
  });

  it('lists the problems of an invalid egm/1 map beside the preview', async () => {
    const el = await workbench();
    const map = smallMap();
    map.studies[0].codes.outcome = ['mental'];
    await drop(el, [new File([JSON.stringify(map)], 'small.egm.json')]);
    expect(notices(el)).to.deep.equal(['small.egm.json: an egm/1 map.']);
    const alert = $(el, '.preview [role="alert"]');
    expect(text(alert?.querySelector('h2'))).to.equal('The file could not be converted (1 problem)');
    expect(text(alert?.querySelector('li'))).to.equal('studies[0].codes.outcome[0]: unknown category "mental" in dimension "outcome" (did you mean "mental-health"?)');
    expect(button(el, STRINGS.downloadMap).disabled).to.equal(true);
  });

  it('reads an EPPI-Mapper page chosen with the file input, and keeps its own layout', async () => {
    const el = await workbench();
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const data = new DataTransfer();
    data.items.add(await fileFrom(MAPPER_PAGE, 'map.html'));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => notices(el).length === 1);
    expect(notices(el)).to.deep.equal(['map.html: an EPPI-Mapper map page.']);
    expect(text($(el, '#choices-heading')?.parentElement?.querySelector('p'))).to.equal(STRINGS.choicesFixed);
    const page = await (await fetch(MAPPER_PAGE)).text();
    const expected = convert(page, { from: 'eppi-mapper' }).map;
    expect(el.map).to.deep.equal(expected);
    await expectPreviewCountsMatchCore(el, expected);
  });

  it('maps a CSV file\'s columns, found with the search', async () => {
    const el = await workbench();
    const csv = 'Title,Authors,Year,Intervention,Outcome\nPeer coaching,Smith J,2019,Coaching;Groups,Mental health\nForums,Núñez A,2021,Online,Wellbeing\n';
    await drop(el, [new File([csv], 'studies.csv')]);
    expect(notices(el)).to.deep.equal(['studies.csv: a CSV file with 2 rows and 5 columns.']);
    expect(roleSelect(el, 'Title').value).to.equal('title');
    expect(roleSelect(el, 'Year').value).to.equal('year');
    const search = $<HTMLInputElement>(el, '#search')!;
    search.value = 'outc';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.tree .name')].map(text)).to.deep.equal(['Outcome']);
    await choose(el, 'Outcome', 'columns');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await choose(el, 'Intervention', 'rows');
    const map = el.map!;
    expect(map.dimensions.map((d) => [d.id, d.categories.map((c) => c.label)])).to.deep.equal([
      ['outcome', ['Mental health', 'Wellbeing']],
      ['intervention', ['Coaching', 'Groups', 'Online']],
    ]);
    expect(map.layout).to.deep.equal({ rows: 'intervention', columns: 'outcome' });
    expect(await expectPreviewCountsMatchCore(el, map)).to.equal(6);
  });

  it('keeps a CSV\'s choices for the same data saved with another delimiter', async () => {
    const el = await workbench();
    await drop(el, [new File(['Title;Topic;Outcome\nA;x;o\nB;y;p\n'], 'studies-semicolons.csv')]);
    await choose(el, 'Topic', 'rows');
    await choose(el, 'Outcome', 'columns');
    const before = el.map!;
    await drop(el, [new File(['Title,Topic,Outcome\nA,x,o\nB,y,p\n'], 'studies-commas.csv')]);
    expect(roleSelect(el, 'Topic').value).to.equal('rows');
    expect(el.conversionConfig?.csv?.delimiter).to.equal(undefined);
    expect(text($(el, '.preview [role="alert"]'))).to.equal('');
    expect(el.map?.dimensions).to.deep.equal(before.dimensions);
    expect(el.map?.studies).to.deep.equal(before.studies);
  });

  it('keeps a separator typed before any column has a role, and shows the one it uses', async () => {
    const el = await workbench();
    await drop(el, [new File(['ID,Title,Intervention,Outcome\n1,A,Coaching|Groups,Mental\n2,B,Online,Physical\n'], 'studies.csv')]);
    const separator = $<HTMLInputElement>(el, '#separator')!;
    expect(separator.value).to.equal(';');
    separator.value = '|';
    separator.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await choose(el, 'Intervention', 'rows');
    await choose(el, 'Outcome', 'columns');
    expect(separator.value).to.equal('|');
    expect(el.map?.dimensions[0].categories.map((c) => c.label)).to.deep.equal(['Coaching', 'Groups', 'Online']);
    expect(el.conversionConfig?.csv?.dimensions.map((d) => d.separator)).to.deep.equal(['|', '|']);
    // Cleared: the default, ";", and the box says so.
    separator.value = '';
    separator.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(separator.value).to.equal(';');
    expect(el.map?.dimensions[0].categories.map((c) => c.label)).to.deep.equal(['Coaching|Groups', 'Online']);
    // Cleared again, the choices do not change: the box still shows the one used, not a blank.
    separator.value = '';
    separator.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(separator.value).to.equal(';');
  });

  it('colours the segments as the map does when one is hidden', async () => {
    const el = await withSegments();
    const swatches = () => [...root(el).querySelectorAll<HTMLInputElement>('input[type="color"]')].map((c) => `${c.getAttribute('aria-label')}: ${c.value}`);
    expect(swatches()).to.deep.equal(['Colour of Citation--context explored: #0072b2', 'Colour of Citation--context not explored: #e69f00']);
    const show = [...root(el).querySelectorAll<HTMLInputElement>('.show input')].find((i) => text(i.closest('label')) === 'Show Citation--context explored')!;
    show.click();
    await el.updateComplete;
    // The map keeps one segment, which takes the palette's first colour: so does its swatch (and the orange's warning goes).
    const map = el.map!;
    const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
    expect(model.segments.filter((g) => !g.notCoded).map((g) => `${g.label}: ${g.color}`)).to.deep.equal(['Citation--context not explored: #0072b2']);
    expect(swatches()).to.deep.equal(['Colour of Citation--context not explored: #0072b2']);
    expect(root(el).querySelectorAll('.warning').length).to.equal(0);
  });

  it('keeps focus on a control when its own goes: a colour reset, a link removed', async () => {
    const el = await withSegments();
    const focused = () => root(el).activeElement?.getAttribute('aria-label') ?? text(root(el).activeElement);
    const colour = root(el).querySelector<HTMLInputElement>('input[aria-label="Colour of Citation--context not explored"]')!;
    colour.value = '#b35900';
    colour.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const reset = root(el).querySelector<HTMLButtonElement>('button[aria-label="Reset the colour of Citation--context not explored"]')!;
    reset.focus();
    reset.click();
    await el.updateComplete;
    expect(root(el).querySelector('button[aria-label="Reset the colour of Citation--context not explored"]')).to.equal(null);
    expect(focused()).to.equal('Colour of Citation--context not explored');
    expect(colour.value).to.equal('#e69f00');

    button(el, STRINGS.addLink).click();
    await el.updateComplete;
    button(el, STRINGS.addLink).click();
    await el.updateComplete;
    // The last link removed: the one before it; then the only one: "Add a link".
    button(el, 'Remove link 2').focus();
    button(el, 'Remove link 2').click();
    await el.updateComplete;
    expect(focused()).to.equal('Remove link 1');
    button(el, 'Remove link 1').click();
    await el.updateComplete;
    expect(focused()).to.equal(STRINGS.addLink);
  });

  it('is used with the keyboard: codes shown and hidden, categories moved with focus kept', async () => {
    const el = await workbench();
    await drop(el, [await fileFrom(FIXTURE, 'export.json')]);
    const toggle = [...root(el).querySelectorAll<HTMLButtonElement>('.toggle')].find((b) => b.getAttribute('aria-controls') === 'code-0-1-list')!;
    expect(text(toggle)).to.equal('Show its 11 codes');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#code-0-1-list')!.querySelectorAll('li').length).to.equal(11);

    await choose(el, 'Citation context', 'rows');
    await choose(el, 'Processes and policies', 'columns');
    const down = root(el).querySelector<HTMLButtonElement>('button[aria-label="Move Citation--context explored down"]')!;
    down.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.map!.dimensions.find((d) => d.id === 'citation-context')!.categories.map((c) => c.label)).to.deep.equal(['Citation--context not explored', 'Citation--context explored']);
    // Now last: its "down" button is disabled, so focus moves to its "up" button.
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Move Citation--context explored up');
    await waitUntil(() => text($(el, '[role="status"][aria-live="polite"]')) === 'Citation--context explored moved to position 2 of 2.');
    expect(JSON.parse(JSON.stringify(el.conversionConfig!.order))).to.deep.equal({ 'citation-context': ['9094966', '9094967'] });
  });
});

describe('egm-workbench in French', () => {
  it('speaks the language of its closest lang: French for fr and fr-CA, English for any other', async () => {
    expect([workbenchStrings('fr'), workbenchStrings('FR-ca'), workbenchStrings('de'), workbenchStrings(undefined)]).to.deep.equal([STRINGS_FR, STRINGS_FR, STRINGS, STRINGS]);
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><egm-workbench bundle-url=${BUNDLE_URL}></egm-workbench></div>`);
    const el = wrap.querySelector('egm-workbench')!;
    await el.updateComplete;
    expect(text($(el, '#drop-hint'))).to.equal('Déposez ici un export JSON d’EPPI-Reviewer, une page EPPI-Mapper, un fichier CSV ou une carte egm/1, ou');
    await drop(el, [await fileFrom(FIXTURE, 'retraction-lit.json')]);
    expect(notices(el)).to.deep.equal(['retraction-lit.json : un export EPPI-Reviewer de 150 références et 166 codes.']);
    expect(text($(el, '.preview .notice'))).to.equal('Choisissez les lignes et les colonnes pour voir la carte.');
    await choose(el, 'Citation of retracted papers', 'rows');
    await choose(el, 'Processes and policies', 'columns');
    expect([...root(el).querySelectorAll('.summary dt')].map(text)).to.deep.equal(['Lignes', 'Colonnes', 'Segments', 'Filtres']);
    await waitUntil(() => $(el, '.stats'), 'the preview shows its figures');
    expect(text($(el, '.stats'))).to.equal('150 études, dont 27 ont un code de ligne et un code de colonne (dans la grille).');
    expect(text($(el, '#choices-heading'))).to.equal('2. Lignes, colonnes, segments et filtres');
  });

  it('counts problems in French, and says in French why a CSV file cannot be read', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-workbench bundle-url=${BUNDLE_URL}></egm-workbench></div>`);
    const el = wrap.querySelector('egm-workbench')!;
    await el.updateComplete;
    await drop(el, [new File(['Titre,Thème\n'], 'etudes.csv')]);
    expect(notices(el)).to.deep.equal(['etudes.csv semble être un fichier CSV, mais il n’a qu’une ligne d’en-tête, sans aucune ligne d’étude en dessous.']);
    await drop(el, [new File(['{"format":"egm-convert/1","from":"word","hidden":"x"}'], 'mauvaise.convert.json')]);
    expect(text($(el, '.notices [role="alert"] h2'))).to.equal('mauvaise.convert.json est une configuration de conversion qui a des problèmes (2 problèmes)');
    // A map with more problems than are listed.
    const map = smallMap();
    map.studies = Array.from({ length: 52 }, (_, i) => ({ id: `s${i}`, title: `Étude ${i}`, codes: { outcome: ['inconnue'] } }));
    await drop(el, [new File([JSON.stringify(map)], 'carte.egm.json')]);
    const alert = $(el, '.preview [role="alert"]');
    expect(text(alert?.querySelector('h2'))).to.equal('Le fichier n’a pas pu être converti (52 problèmes)');
    expect(text(alert?.querySelector('li:last-child'))).to.equal('… et 2 de plus');
  });

  it('stays English in a page in another language', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><egm-workbench bundle-url=${BUNDLE_URL}></egm-workbench></div>`);
    const el = wrap.querySelector('egm-workbench')!;
    await el.updateComplete;
    expect(text($(el, '#drop-hint'))).to.equal(STRINGS.dropHint);
  });
});
