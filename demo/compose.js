// A host page wiring the elements by hand: data in through properties, state back through
// events. This is the whole of it.
import { splitMap } from '../dist/egm-components.bundle.js';

const map = await (await fetch('peer-support.egm.json')).json();
const { schema, studies } = splitMap(map);
const byId = new Map(studies.map((s) => [s.id, s]));

const bar = document.querySelector('egm-filter-bar');
const grid = document.querySelector('egm-grid');
const heading = document.querySelector('#studies-heading');
const list = document.querySelector('#studies');

for (const el of [bar, grid]) Object.assign(el, { schema, studies });

// One line: the bar's filters are exactly what the grid takes.
bar.addEventListener('egm-filter-change', (e) => (grid.filters = e.detail.filters));

grid.addEventListener('egm-cell-select', (e) => {
  const { rowId, columnId, studyIds } = e.detail;
  heading.textContent = `${rowId} × ${columnId}: ${studyIds.length} studies`;
  list.replaceChildren(
    ...studyIds.map((id) => {
      const li = document.createElement('li');
      const card = document.createElement('egm-study-card');
      Object.assign(card, { schema, study: byId.get(id) });
      li.append(card);
      return li;
    }),
  );
});
