import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmMap } from '../../core/types.js';
import type { EgmStudySelectEvent } from '../../events/egm-study-select.js';
import './egm-study-card.js';
import type { EgmStudyCard } from './egm-study-card.js';

let demo: EgmMap;
before(async () => {
  demo = (await (await fetch('/demo/peer-support.egm.json')).json()) as EgmMap;
});

const small = smallMap();
const smallStudy = (id: string) => small.studies.find((s) => s.id === id)!;
// The demo is generated: its studies are found by what they have, not by id.
const manyAuthors = () => demo.studies.find((s) => (s.authors?.length ?? 0) > 4 && s.abstract && s.source)!;
const withCarers = () => demo.studies.find((s) => s.codes.population?.includes('carers') && s.codes.quality?.length === 1 && s.doi)!;
const longAbstract = Array.from({ length: 12 }, () => 'Peer supporters met participants weekly for six months and recorded every contact.').join(' ');

/** `schema` null: no schema. */
async function card(study: unknown, schema: unknown = demo): Promise<EgmStudyCard> {
  return fixture<EgmStudyCard>(html`<egm-study-card .schema=${schema} .study=${study}></egm-study-card>`);
}
const $ = (el: EgmStudyCard, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: EgmStudyCard, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Booleans, not elements, in assertions: chai's failure message for a DOM node can stall the browser. */
const has = (el: EgmStudyCard, selector: string) => $(el, selector) !== null;
const textOf = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The categories as "Dimension: badge, badge" lines, as a reader sees them. */
const codeLines = (el: EgmStudyCard) =>
  $$(el, '.code-row').map((row) => `${textOf(row.querySelector('dt'))} ${[...row.querySelectorAll('.badge-label')].map(textOf).join(', ')}`);
/** The studies `el` has reported as selected. */
function selections(el: EgmStudyCard): string[] {
  const ids: string[] = [];
  el.addEventListener('egm-study-select', (e) => ids.push(e.detail.studyId));
  return ids;
}

describe('egm-study-card', () => {
  describe('accessibility', () => {
    it('passes axe with a full demo study', async () => {
      const el = await card(manyAuthors());
      await expect(el).to.be.accessible();
    });

    it('passes axe with the authors and the abstract expanded', async () => {
      const el = await card({ ...manyAuthors(), abstract: longAbstract });
      $(el, '.authors button')!.click();
      await waitUntil(() => has(el, '.abstract-toggle'), 'no "Show more" for a long abstract');
      $(el, '.abstract-toggle')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe for a minimal study without a schema, and for an invalid one', async () => {
      await expect(await card({ id: 'x', title: 'Only a title', codes: {} }, null)).to.be.accessible();
      await expect(await card(null)).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('has a level-3 heading by default and reflects heading-level', async () => {
      const study = manyAuthors();
      const el = await card(study);
      expect(el.headingLevel).to.equal(3);
      expect(has(el, 'h3.title')).to.be.true;
      el.headingLevel = 5;
      await el.updateComplete;
      expect(el.getAttribute('heading-level')).to.equal('5');
      expect(textOf($(el, 'h5.title'))).to.equal(study.title);
      expect(has(el, 'h3')).to.be.false;
    });

    it('reads heading-level from its attribute and falls back to 3 outside 2-6', async () => {
      const el = await fixture<EgmStudyCard>(html`<egm-study-card heading-level="2" .study=${smallStudy('s1')}></egm-study-card>`);
      expect(el.headingLevel).to.equal(2);
      expect(has(el, 'h2.title')).to.be.true;
      el.headingLevel = 9;
      await el.updateComplete;
      expect(has(el, 'h3.title')).to.be.true;
    });

    it('takes schema and study as properties only (no attributes)', async () => {
      const el = await card(smallStudy('s1'), small);
      expect(el.hasAttribute('schema')).to.be.false;
      expect(el.hasAttribute('study')).to.be.false;
      expect(el.study!.id).to.equal('s1');
      expect(el.schema).to.equal(small);
    });

    it('reads the same labels from a schema without studies and from a whole map', async () => {
      const { studies: _studies, ...schema } = small;
      const a = await card(smallStudy('s7'), schema);
      const b = await card(smallStudy('s7'), small);
      expect(codeLines(a)).to.deep.equal(codeLines(b));
      expect(codeLines(a)).to.have.length(5);
    });

    it('updates when given another study, collapsing what was expanded', async () => {
      const el = await card(manyAuthors());
      $(el, '.authors button')!.click();
      await el.updateComplete;
      el.study = smallStudy('s1');
      el.schema = small;
      await el.updateComplete;
      expect(textOf($(el, '.select'))).to.equal('Peer education for adults with diabetes');
      expect(textOf($(el, '#authors'))).to.equal('Núñez A, Smith J');
    });
  });

  describe('rendering', () => {
    it('wraps a long unbroken title, author, source and abstract inside a narrow card', async () => {
      const long = (word: string) => word.repeat(40);
      const study = { ...manyAuthors(), title: long('Evaluation'), authors: [long('Smith')], source: long('Journal'), abstract: long('Abstract') };
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 240px"><egm-study-card .schema=${demo} .study=${study}></egm-study-card></div>`);
      const el = wrap.querySelector('egm-study-card')!;
      await el.updateComplete;
      const box = $(el, '.card')!;
      const wide = $$(el, '.card *').filter((n) => n.scrollWidth > box.clientWidth + 1).map((n) => `${n.localName}.${n.className}`);
      expect(box.scrollWidth, 'the card does not scroll sideways').to.be.at.most(box.clientWidth + 1);
      expect(wide, 'nothing in it is wider than the card').to.deep.equal([]);
    });

    it('shows the title, the first three authors then "et al.", year and source', async () => {
      const study = manyAuthors();
      const el = await card(study);
      expect(textOf($(el, '.select'))).to.equal(study.title);
      expect(textOf($(el, '#authors'))).to.equal(`${study.authors!.slice(0, 3).join(', ')} et al.`);
      const more = $(el, '.authors button')!;
      expect(textOf(more)).to.equal(`+${study.authors!.length - 3} more authors`);
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(textOf($(el, '.year'))).to.equal(String(study.year));
      expect(textOf($(el, '.source'))).to.equal(study.source);
    });

    it('isolates each author, the source and the abstract: a bidi override stays inside its field', async () => {
      const RLO = '\u202E';
      const el = await card({ id: 'x', title: 'T', codes: {}, authors: [`Ab${RLO}cd`, 'Ef'], year: 2020, source: `So${RLO}urce`, abstract: `Ab${RLO}stract` }, null);
      const names = $$(el, '#authors bdi');
      expect(names.map((b) => b.textContent)).to.deep.equal([`Ab${RLO}cd`, 'Ef']);
      expect(textOf($(el, '#authors'))).to.equal(`Ab${RLO}cd, Ef`);
      for (const field of [...names, $(el, '.source')!, $(el, '.abstract')!]) {
        expect(getComputedStyle(field).unicodeBidi, field.className || field.localName).to.equal('isolate');
      }
      expect([$(el, '.source')!.dir, $(el, '.abstract')!.dir]).to.deep.equal(['auto', 'auto']);
    });

    it('shows every author after "+N more", and four authors without a button', async () => {
      const study = manyAuthors();
      const el = await card(study);
      $(el, '.authors button')!.click();
      await el.updateComplete;
      expect(textOf($(el, '#authors'))).to.equal(study.authors!.join(', '));
      expect($(el, '.authors button')!.getAttribute('aria-expanded')).to.equal('true');
      const four = await card({ id: 'x', title: 'T', codes: {}, authors: ['A A', 'B B', 'C C', 'D D'] }, null);
      expect(textOf($(four, '#authors'))).to.equal('A A, B B, C C, D D');
      expect(has(four, '.authors button')).to.be.false;
      const seven = await card({ id: 'x', title: 'T', codes: {}, authors: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }, null);
      expect(textOf($(seven, '#authors'))).to.equal('A, B, C et al.');
      expect(textOf($(seven, '.authors button'))).to.equal('+4 more authors');
    });

    it('shows its categories as labelled badges in the map order', async () => {
      const el = await card(smallStudy('s1'), small);
      expect(codeLines(el)).to.deep.equal([
        'Type of support: Education',
        'Outcome: Physical health, Mental health',
        'Study quality: High',
        'Population: Adults › Older adults',
        'Study type: RCT',
      ]);
    });

    it('shows the segment category with a swatch of its colour and its word', async () => {
      const study = withCarers();
      const el = await card(study);
      expect(codeLines(el).find((l) => l.startsWith('Population:'))).to.contain('Carers');
      const quality = $(el, '.code-row[data-dimension="quality"]')!;
      const category = demo.dimensions.find((d) => d.id === 'quality')!.categories.find((c) => c.id === study.codes.quality[0])!;
      expect(quality.querySelector('.swatch rect')!.getAttribute('fill')).to.equal(category.color);
      expect(textOf(quality.querySelector('.badge-label'))).to.equal(category.label);
      // Only the segment dimension has swatches.
      expect($$(el, '.swatch')).to.have.length(1);
    });

    it('shows a group only when none of its children is coded, "Not coded" for no segment, each of two segments', async () => {
      const s5 = await card(smallStudy('s5'), small);
      expect(codeLines(s5)).to.deep.equal(['Type of support: Delivery › Remote', 'Outcome: Physical health', 'Study quality: Low']);
      const s7 = await card(smallStudy('s7'), small);
      expect(codeLines(s7)).to.deep.equal([
        'Type of support: Delivery › In person',
        'Outcome: Mental health, Wellbeing',
        'Study quality: Not coded',
        'Population: Adults › Older adults, Children',
        'Study type: Systematic review',
      ]);
      expect($(s7, '.code-row[data-dimension="quality"] rect')!.getAttribute('fill')).to.equal('#8c8c8c');
      const s4 = await card(smallStudy('s4'), small);
      expect(codeLines(s4)[0]).to.equal('Type of support: Delivery');
      const s3 = await card(smallStudy('s3'), small);
      expect($$(s3, '.code-row[data-dimension="quality"] rect').map((r) => r.getAttribute('fill'))).to.deep.equal(['#1b7837', '#b2182b']);
    });

    it('shows category ids when it has no schema', async () => {
      const el = await card(smallStudy('s2'), null);
      expect(codeLines(el)).to.deep.equal([
        'support: education, emotional',
        'outcome: mental-health',
        'quality: medium',
        'population: children',
        'design: sr',
      ]);
    });

    it('links to doi.org in a new tab with rel noopener', async () => {
      const study = withCarers();
      const el = await card(study);
      const a = $(el, 'a.link') as HTMLAnchorElement;
      expect(a.href).to.equal(`https://doi.org/${study.doi}`);
      expect(a.protocol).to.equal('https:');
      expect(a.target).to.equal('_blank');
      expect(a.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
      expect(textOf(a)).to.equal('Read the study (doi.org), opens in a new tab');
    });

    it('links a DOI holding a lone surrogate (which encodeURIComponent refuses) with U+FFFD in its place', async () => {
      const el = await card({ id: 'x', title: 'T', codes: {}, doi: '10.1000/a\uD800b' }, null);
      expect(($(el, 'a.link') as HTMLAnchorElement).href).to.equal('https://doi.org/10.1000/a%EF%BF%BDb');
    });

    it('links a DOI written as a link, with or without its scheme, www. or dx., to the DOI itself', async () => {
      for (const doi of ['10.1000/xyz', 'doi:10.1000/xyz', 'DOI: 10.1000/xyz', 'https://doi.org/10.1000/xyz', 'http://dx.doi.org/10.1000/xyz', 'https://www.doi.org/10.1000/xyz', 'doi.org/10.1000/xyz', 'www.doi.org/10.1000/xyz', 'dx.doi.org/10.1000/xyz']) {
        const el = await card({ id: 'x', title: 'T', codes: {}, doi }, null);
        expect(($(el, 'a.link') as HTMLAnchorElement).href, doi).to.equal('https://doi.org/10.1000/xyz');
      }
    });

    it('prefers the DOI to the url, and uses the url when there is no DOI', async () => {
      const both = await card({ id: 'x', title: 'T', codes: {}, doi: 'doi:10.1000/a b', url: 'https://example.org/x' }, null);
      expect(($(both, 'a.link') as HTMLAnchorElement).href).to.equal('https://doi.org/10.1000/a%20b');
      const url = await card({ id: 'x', title: 'T', codes: {}, url: 'http://www.example.org/paper?id=1' }, null);
      expect(($(url, 'a.link') as HTMLAnchorElement).href).to.equal('http://www.example.org/paper?id=1');
      expect(textOf($(url, 'a.link'))).to.equal('Read the study (example.org), opens in a new tab');
    });

    it('never renders a javascript: or other non-http url as a link', async () => {
      for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '//example.org/x', 'ftp://example.org/x']) {
        const el = await card({ id: 'x', title: 'T', codes: {}, url: bad }, null);
        expect(has(el, 'a'), bad).to.be.false;
        expect(el.shadowRoot!.innerHTML.toLowerCase()).not.to.contain('javascript:');
      }
    });

    it('leaves missing fields out, never printing "undefined"', async () => {
      const el = await card({ id: 'x', title: 'Only a title', codes: {} }, null);
      for (const part of ['.meta', '.codes', '.abstract', '.abstract-toggle', 'a']) expect(has(el, part), part).to.be.false;
      expect(textOf(el.shadowRoot!.querySelector('article'))).to.equal('Only a title');
      const partial = await card({ id: 'y', title: 'T', year: 2001, authors: [], codes: { quality: [] } }, null);
      expect(textOf($(partial, '.meta'))).to.equal('2001');
      expect(partial.shadowRoot!.textContent).not.to.match(/undefined|null|NaN/);
    });

    it('renders text as text, never as HTML', async () => {
      const el = await card({ id: 'x', title: '<img src=x onerror=alert(1)>', abstract: '<b>bold</b>', codes: {} }, null);
      expect(has(el, 'img')).to.be.false;
      expect(has(el, 'b')).to.be.false;
      expect(textOf($(el, '.select'))).to.equal('<img src=x onerror=alert(1)>');
      expect(textOf($(el, '.abstract'))).to.equal('<b>bold</b>');
    });

    it('renders nothing without a study and a short error for what is not a study, without throwing', async () => {
      const none = await card(undefined);
      expect(none.shadowRoot!.children).to.have.length(0);
      for (const [bad, message] of [
        [null, 'This study cannot be shown: it is null, not a study.'],
        [{ title: 'No id' }, 'This study cannot be shown: it has no id.'],
        [{ id: 'x', title: '  ' }, 'This study cannot be shown: it has no title.'],
        ['s001', 'This study cannot be shown: it is a string, not a study.'],
      ] as const) {
        const el = await card(bad);
        expect(textOf($(el, '.error'))).to.equal(message);
      }
    });

    it('clamps a long abstract with a "Show more" button that expands and collapses it', async () => {
      const el = await card({ ...manyAuthors(), abstract: longAbstract });
      const p = $(el, '.abstract')!;
      expect(p.classList.contains('clamped')).to.be.true;
      await waitUntil(() => has(el, '.abstract-toggle'), 'no "Show more" for a long abstract');
      const toggle = $(el, '.abstract-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal('abstract');
      expect(textOf(toggle)).to.equal('Show more of the abstract');
      const clampedHeight = p.clientHeight;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(textOf(toggle)).to.equal('Show less of the abstract');
      expect(p.classList.contains('clamped')).to.be.false;
      expect(p.clientHeight).to.be.greaterThan(clampedHeight);
      toggle.click();
      await el.updateComplete;
      expect(p.classList.contains('clamped')).to.be.true;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('measures its abstract again when moved in the page (as a sorted panel moves its cards)', async () => {
      const box = await fixture<HTMLDivElement>(html`<div><section></section></div>`);
      const el = document.createElement('egm-study-card');
      el.schema = demo;
      el.study = { ...manyAuthors(), abstract: 'Peer supporters met participants weekly for six months.' };
      box.append(el);
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(has(el, '.abstract-toggle'), 'one line fits').to.be.false;
      // Moved: out of the page and into another place in it.
      box.querySelector('section')!.append(el);
      // Narrower, the abstract overflows its lines: "Show more" follows.
      box.style.width = '60px';
      await waitUntil(() => has(el, '.abstract-toggle'), 'no "Show more" once the abstract overflows');
    });

    it('offers no "Show more" for a short abstract', async () => {
      const el = await card({ id: 'x', title: 'T', abstract: 'Short.', codes: {} }, null);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.updateComplete;
      expect(textOf($(el, '.abstract'))).to.equal('Short.');
      expect(has(el, '.abstract-toggle')).to.be.false;
    });
  });

  describe('keyboard', () => {
    it('focuses its title on card.focus(); Enter emits egm-study-select with the id', async () => {
      const study = manyAuthors();
      const el = await card(study);
      el.focus();
      expect(el.shadowRoot!.activeElement === $(el, '.select')).to.be.true;
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const e = await oneEvent(el, 'egm-study-select');
      expect(e.detail).to.deep.equal({ studyId: study.id });
    });

    it('Space on the focused card emits it too; Enter on "Show more" does not', async () => {
      const el = await card({ ...smallStudy('s1'), abstract: longAbstract }, small);
      const ids = selections(el);
      el.focus();
      await sendKeys({ press: 'Space' });
      expect(ids).to.deep.equal(['s1']);
      await waitUntil(() => has(el, '.abstract-toggle'));
      $(el, '.abstract-toggle')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '.abstract-toggle')!.getAttribute('aria-expanded')).to.equal('true');
      expect(ids).to.deep.equal(['s1']);
    });

    it('reaches title, disclosures and link with Tab, in reading order', async () => {
      const el = await card({ ...manyAuthors(), abstract: longAbstract });
      await waitUntil(() => has(el, '.abstract-toggle'));
      el.focus();
      const order = [textOf(el.shadowRoot!.activeElement)];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(el.shadowRoot!.activeElement?.className ?? '');
      }
      expect(order.slice(1)).to.deep.equal(['text-button', 'text-button abstract-toggle', 'link']);
    });
  });

  describe('events', () => {
    it('emits a bubbling, composed egm-study-select when the card body is clicked', async () => {
      const el = await card(smallStudy('s3'), small);
      setTimeout(() => $(el, '.codes')!.click());
      const e: EgmStudySelectEvent = await oneEvent(document, 'egm-study-select');
      expect(e.detail).to.deep.equal({ studyId: 's3' });
      expect(e.bubbles && e.composed).to.be.true;
      expect(e.target === el).to.be.true;
    });

    it('emits once when the title button is clicked', async () => {
      const el = await card(smallStudy('s3'), small);
      const ids = selections(el);
      $(el, '.select')!.click();
      expect(ids).to.deep.equal(['s3']);
    });

    it('does not emit for the external link, the disclosure buttons or slotted actions', async () => {
      const el = await fixture<EgmStudyCard>(
        html`<egm-study-card .schema=${demo} .study=${{ ...manyAuthors(), abstract: longAbstract }}
          ><button slot="actions">Save</button></egm-study-card
        >`,
      );
      const ids = selections(el);
      const link = $(el, 'a.link')!;
      link.addEventListener('click', (e) => e.preventDefault()); // no new tab in the test browser
      link.click();
      $(el, '.authors button')!.click();
      await waitUntil(() => has(el, '.abstract-toggle'));
      $(el, '.abstract-toggle')!.click();
      el.querySelector('button')!.click();
      await el.updateComplete;
      expect(ids).to.deep.equal([]);
      $(el, '.abstract')!.click();
      expect(ids).to.deep.equal([manyAuthors().id]);
    });

    it('does not emit for an invalid study', async () => {
      const el = await card({ title: 'No id' });
      const ids = selections(el);
      $(el, '.error')!.click();
      expect(ids).to.deep.equal([]);
    });
  });
});

describe('egm-study-card in other languages', () => {
  const many = () => ({ ...smallStudy('s1'), authors: ['A', 'B', 'C', 'D', 'E'], doi: '10.1000/xyz' });
  const visible = (el: EgmStudyCard) => textOf(el.shadowRoot!.querySelector('article'));

  it('speaks English without a registered locale, whatever the page language', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"><egm-study-card .schema=${small} .study=${many()}></egm-study-card></div>`);
    const el = wrap.querySelector('egm-study-card')!;
    await el.updateComplete;
    expect(textOf($(el, 'a.link'))).to.equal('Read the study (doi.org), opens in a new tab');
    expect(textOf($(el, '.authors button'))).to.equal('+2 more authors');
  });

  it('uses a registered locale for its language, also when registered after it rendered', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><egm-study-card .schema=${small} .study=${many()}></egm-study-card></div>`);
    const el = wrap.querySelector('egm-study-card')!;
    await el.updateComplete;
    expect(textOf($(el, 'a.link'))).to.equal('Read the study (doi.org), opens in a new tab');
    await import('../../i18n/fr.js');
    await el.updateComplete;
    expect(textOf($(el, 'a.link'))).to.equal('Lire l’étude (doi.org), s’ouvre dans un nouvel onglet');
    expect(textOf($(el, '.authors button'))).to.equal('+2 autres auteurs');
    expect($(el, 'dl.codes')!.getAttribute('aria-label')).to.equal('Catégories');
    expect(visible(el)).to.contain('Study quality: High');
    await expect(el).to.be.accessible();
  });

  it('takes its own strings over the locale, and its language across shadow roots', async () => {
    await import('../../i18n/fr.js');
    const host = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('egm-study-card');
    el.schema = small;
    el.study = many();
    el.strings = { card: { read: 'Lire ({host})' } };
    shadow.append(el);
    await el.updateComplete;
    expect(textOf($(el, 'a.link'))).to.equal('Lire (doi.org), s’ouvre dans un nouvel onglet');
    el.lang = 'en';
    el.strings = undefined;
    await el.updateComplete;
    expect(textOf($(el, 'a.link'))).to.equal('Read the study (doi.org), opens in a new tab');
  });

  it('shows its error in the locale', async () => {
    await import('../../i18n/fr.js');
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-study-card .study=${{ id: 'x' }}></egm-study-card></div>`);
    const el = wrap.querySelector('egm-study-card')!;
    await el.updateComplete;
    expect(textOf($(el, '.error'))).to.equal('Impossible d’afficher cette étude : elle n’a pas de titre.');
  });
});
