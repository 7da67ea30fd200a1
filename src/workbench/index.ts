/**
 * `egm-components/workbench`: the map author's workbench, `<egm-workbench>`, with the elements
 * it previews with (importing it registers them all) and its DOM-free state functions. A
 * separate entry: the embed bundle never carries it, nor the importers it uses.
 */
import '../index.js';
export { EgmWorkbench, STRINGS as WORKBENCH_STRINGS, workbenchStrings, type WorkbenchStrings } from './egm-workbench.js';
export { STRINGS_FR as WORKBENCH_STRINGS_FR } from './strings-fr.js';
export * from '../core/import/workbench-state.js';
