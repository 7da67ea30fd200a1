import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { heading, headingLevel } from './heading.js';

const title = (level: number, text: string) => heading(level)`<H class="title" id=${'t'}>${text} <b>H</b></H>`;

describe('heading', () => {
  it('renders the level asked for, with the template’s attributes, bindings and content', async () => {
    const el = await fixture<HTMLDivElement>(html`<div>${title(3, 'Peer support')}</div>`);
    const h = el.firstElementChild!;
    expect(h.localName).to.equal('h3');
    expect(h.className).to.equal('title');
    expect(h.id).to.equal('t');
    expect(h.textContent).to.equal('Peer support H');
  });

  it('clamps the level to 1-6 (a non-number gives 1)', () => {
    const tags = [0, 1, 2, 6, 7, 2.9, NaN].map((level) => {
      const div = document.createElement('div');
      render(title(level, 'x'), div);
      return div.firstElementChild!.localName;
    });
    expect(tags).to.deep.equal(['h1', 'h1', 'h2', 'h6', 'h6', 'h2', 'h1']);
  });

  it('changes the tag in place when the level changes, and keeps one element while it does not', () => {
    const div = document.createElement('div');
    render(title(2, 'a'), div);
    const first = div.firstElementChild;
    render(title(2, 'b'), div);
    expect(div.firstElementChild).to.equal(first);
    expect(div.textContent).to.equal('b H');
    render(title(4, 'c'), div);
    expect(div.firstElementChild!.localName).to.equal('h4');
    expect(div.querySelectorAll('h2, h4').length).to.equal(1);
  });

  it('headingLevel keeps 2-6 and gives the fallback otherwise', () => {
    expect([1, 2, 6, 7, 2.5, NaN].map((n) => headingLevel(n, 3))).to.deep.equal([3, 2, 6, 3, 3, 3]);
  });
});
