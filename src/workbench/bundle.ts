/**
 * Entry of `dist/egm-workbench.bundle.js`, the workbench for a plain `<script type="module">`
 * (demo/workbench.html): `<egm-workbench>` with lit, the importers and Papa Parse inlined.
 * `<egm-map>` is not in it: the page loads the embed bundle for that, the same file the
 * workbench puts into the standalone pages it makes, so nothing is shipped twice.
 */
export { EgmWorkbench } from './egm-workbench.js';
