/* global document -- a browser module */
// A wide map for print.html: 6 interventions × 20 outcomes, 120 studies, three quality levels.
// Study i is coded with intervention i % 6, outcomes i % 20 and (i * 7) % 20, quality i % 3.
const rows = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, label: `Intervention ${i + 1}` }));
const columns = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, label: `Outcome number ${i + 1}` }));
const quality = [
  { id: 'high', label: 'High', color: '#1b7837' },
  { id: 'medium', label: 'Medium', color: '#e08214' },
  { id: 'low', label: 'Low', color: '#b2182b' },
];
const studies = Array.from({ length: 120 }, (_, i) => ({
  id: `s${i}`,
  title: `Study ${i + 1}`,
  year: 2000 + (i % 20),
  codes: { intervention: [`r${i % 6}`], outcome: [...new Set([`c${i % 20}`, `c${(i * 7) % 20}`])], quality: [quality[i % 3].id] },
}));
const schema = {
  format: 'egm/1',
  id: 'wide',
  title: 'A wide map',
  dimensions: [
    { id: 'intervention', label: 'Intervention', categories: rows },
    { id: 'outcome', label: 'Outcome', categories: columns },
    { id: 'quality', label: 'Study quality', categories: quality },
  ],
  layout: { rows: 'intervention', columns: 'outcome', segments: 'quality', filters: ['quality'] },
};
const map = document.querySelector('egm-map');
map.schema = schema;
map.studies = studies;
