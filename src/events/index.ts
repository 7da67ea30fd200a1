export * from './egm-cell-select.js';
export * from './egm-header-select.js';
export * from './egm-filter-change.js';
export * from './egm-study-select.js';
export * from './egm-segment-toggle.js';
export * from './egm-load.js';
export * from './egm-error.js';
export * from './egm-group-toggle.js';
