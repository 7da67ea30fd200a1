import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmFilters } from '../../core/types.js';
import { printPageSize } from '../../internal/print.js';
import './egm-grid.js';
import type { EgmGrid } from './egm-grid.js';

// smallMap(), support × outcome, every study (hand-counted from the fixture's seven studies):
//               physical  mental-health  wellbeing  cost
//   education       1          2             0        0     (s1 | s1 s2)
//   emotional       0          1             0        0     (s2)
//   delivery (group row)
//     in-person     0          2             1        0     (s3 s7 | s7)
//     remote        1          1             0        0     (s5 | s3)

async function grid(attrs: { printColumns?: number; printPage?: string; filters?: EgmFilters } = {}): Promise<EgmGrid> {
  const { schema, studies } = splitMap(smallMap());
  const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies} .filters=${attrs.filters}></egm-grid>`);
  if (attrs.printColumns !== undefined) el.printColumns = attrs.printColumns;
  if (attrs.printPage !== undefined) el.printPage = attrs.printPage;
  await el.updateComplete;
  return el;
}

async function print(...els: EgmGrid[]) {
  window.dispatchEvent(new Event('beforeprint'));
  await Promise.all(els.map((el) => el.updateComplete));
}
async function printed(...els: EgmGrid[]) {
  window.dispatchEvent(new Event('afterprint'));
  await Promise.all(els.map((el) => el.updateComplete));
}

const chunks = (el: EgmGrid) => [...el.shadowRoot!.querySelectorAll<HTMLTableElement>('.print .print-chunk')];
const text = (node: Element) => node.textContent.replace(/\s+/g, ' ').trim();
/** A chunk as text: caption, each header row, each body row. */
const dump = (table: HTMLTableElement) => [
  text(table.caption!),
  ...[...table.rows].map((tr) => [...tr.cells].map(text).join(' | ')),
];
const pageRules = () =>
  document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].filter((r) => r instanceof CSSPageRule).map((r) => r.cssText));

afterEach(async () => {
  window.dispatchEvent(new Event('afterprint'));
  await emulateMedia({ media: 'screen' });
});

describe('<egm-grid> printing', () => {
  it('draws no printed copy and sets no page size until the page prints', async () => {
    const el = await grid();
    expect(el.shadowRoot!.querySelector('.print')).to.equal(null);
    expect(pageRules()).to.deep.equal([]);
  });

  it('prints the whole map as one table when its columns fit, with counts as numbers and gaps as dashes', async () => {
    const el = await grid();
    await print(el);
    const tables = chunks(el);
    expect(tables.length).to.equal(1);
    expect(dump(tables[0])).to.deep.equal([
      'Outcome',
      'Type of support | Physical health | Mental health | Wellbeing | Cost-effectiveness',
      'Education | 1 | 2 | – | –',
      'Emotional support | – | 1 | – | –',
      'Delivery',
      'In person | – | 2 | 1 | –',
      'Remote | 1 | 1 | – | –',
    ]);
    // One bubble per non-empty cell.
    expect(tables[0].querySelectorAll('svg.print-bubble').length).to.equal(7);
    expect(el.shadowRoot!.querySelector('.print')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('splits wide maps into chunks of print-columns, each with the row headers and its own column headers', async () => {
    const el = await grid({ printColumns: 2 });
    await print(el);
    const tables = chunks(el);
    expect(tables.map(dump)).to.deep.equal([
      [
        'Outcome: columns 1–2 of 4',
        'Type of support | Physical health | Mental health',
        'Education | 1 | 2',
        'Emotional support | – | 1',
        'Delivery',
        'In person | – | 2',
        'Remote | 1 | 1',
      ],
      [
        'Outcome: columns 3–4 of 4',
        'Type of support | Wellbeing | Cost-effectiveness',
        'Education | – | –',
        'Emotional support | – | –',
        'Delivery',
        'In person | 1 | –',
        'Remote | – | –',
      ],
    ]);
    // Each chunk after the first starts a new page; the header rows repeat on every page.
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(tables[0]).breakBefore).to.equal('auto');
    expect(getComputedStyle(tables[1]).breakBefore).to.equal('page');
    expect(getComputedStyle(tables[1].tHead!).display).to.equal('table-header-group');
  });

  it('prints filtered counts out of their totals', async () => {
    const el = await grid({ printColumns: 2, filters: { categories: { population: ['children'] } } });
    await print(el);
    expect(dump(chunks(el)[0]).slice(2, 4)).to.deep.equal(['Education | 0 of 1 | 1 of 2', 'Emotional support | – | 1']);
  });

  it('prints in the grid’s language: French captions and filtered counts', async () => {
    await import('../../i18n/fr.js');
    const { schema, studies } = splitMap(smallMap());
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fr"><egm-grid .schema=${schema} .studies=${studies} .filters=${{ categories: { population: ['children'] } }} print-columns="2"></egm-grid></div>`,
    );
    const el = wrap.querySelector('egm-grid')!;
    await el.updateComplete;
    await print(el);
    const tables = chunks(el);
    expect(tables.map((t) => text(t.caption!))).to.deep.equal(['Outcome : colonnes 1 à 2 sur 4', 'Outcome : colonnes 3 à 4 sur 4']);
    expect(dump(tables[0]).slice(2, 4)).to.deep.equal(['Education | 0 sur 1 | 1 sur 2', 'Emotional support | – | 1']);
  });

  it('shows the printed copy instead of the grid in print, and neither copy twice on screen', async () => {
    const el = await grid();
    await print(el);
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    const copy = el.shadowRoot!.querySelector('.print')!;
    expect(getComputedStyle(copy).display).to.equal('none');
    expect(getComputedStyle(scroller).display).not.to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(copy).display).to.equal('block');
    expect(getComputedStyle(scroller).display).to.equal('none');
  });

  it('asks for A4 landscape while printing, once for several maps, and removes the rule afterwards', async () => {
    const a = await grid();
    const b = await grid();
    await print(a, b);
    expect(pageRules()).to.deep.equal(['@page { size: a4 landscape; margin: 10mm; }']);
    expect(printPageSize()).to.equal('A4 landscape');
    await printed(a, b);
    expect(pageRules()).to.deep.equal([]);
    expect(a.shadowRoot!.querySelector('.print')).to.equal(null);
  });

  it('leaves the page size to the host with print-page="", takes other sizes, and ignores anything but a size', async () => {
    const host = await grid({ printPage: '' });
    await print(host);
    expect(pageRules()).to.deep.equal([]);
    expect(chunks(host).length).to.equal(1);
    await printed(host);

    const odd = await grid({ printPage: 'A5 portrait; } body { color: red' });
    await print(odd);
    expect(pageRules()).to.deep.equal(['@page { size: a4 landscape; margin: 10mm; }']);
    await printed(odd);
    // With several maps on the page, the first to print decides: print this one alone.
    host.remove();
    odd.remove();
    const a3 = await grid({ printPage: 'A3 landscape' });
    await print(a3);
    expect(pageRules()).to.deep.equal(['@page { size: a3 landscape; margin: 10mm; }']);
  });

  it('drops its page rule when removed while printing', async () => {
    const el = await grid();
    await print(el);
    expect(pageRules().length).to.equal(1);
    el.remove();
    expect(pageRules()).to.deep.equal([]);
  });
});
