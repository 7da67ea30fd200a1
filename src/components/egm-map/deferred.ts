/**
 * What `<egm-map>` draws after its first screen, in one module: the study panel's list (with
 * `<egm-study-card>`) and the sanitiser of the about text, which sits in a closed
 * `<details>`. The map imports it once it is drawn and the page is idle, or at once when a
 * panel opens; in the embed bundle it is a chunk beside the entry (`dist/egm-chunks/`).
 */
export { StudyList } from './study-panel.js';
export { sanitizeHtml } from '../../internal/sanitize.js';
