/**
 * Entry of the self-contained embed bundle (`dist/egm-components.bundle.js`): the elements,
 * events and core with lit and d3-hierarchy inlined, for a plain `<script type="module">`.
 * Loading it registers every element (once, even if two copies load on one page).
 */
export * from './index.js';
