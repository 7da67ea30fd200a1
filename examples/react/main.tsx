// A React 19 host: the data goes in as properties, the selection comes back as a typed event.
// React 19 sets known properties of custom elements as properties and turns `on<event>` props
// into listeners; `egm-components/react` types them for TSX.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseMap, splitMap, type EgmCellSelectDetail, type EgmFilters } from 'egm-components';
import type {} from 'egm-components/react';
import mapJson from '../../demo/peer-support.egm.json';

const { schema, studies } = splitMap(parseMap(mapJson));

function App() {
  const [filters, setFilters] = useState<EgmFilters>({ categories: {} });
  const [selected, setSelected] = useState<EgmCellSelectDetail | null>(null);
  return (
    <main>
      <h1>{schema.title}</h1>
      <egm-filter-bar schema={schema} studies={studies} filters={filters} onegm-filter-change={(e) => setFilters(e.detail.filters)} />
      <egm-grid schema={schema} studies={studies} filters={filters} label="Evidence map" onegm-cell-select={(e) => setSelected(e.detail)} />
      <p id="selection" role="status">
        {selected ? `${selected.rowId} × ${selected.columnId}: ${selected.studyIds.length} studies` : 'Select a cell'}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
